// Slidev's dark-mode and print-mode state and the reader's reduced-motion setting, as a ThemeState for theme.ts.
import type { ThemeState } from '../../shared/charts/theme'
import { useDarkMode, useNav } from '@slidev/client'
import { computed } from 'vue'
import { prefersReducedMotion } from './reducedMotion'

export function useChartTheme() {
  const { isDark } = useDarkMode()
  const { isPrintMode } = useNav()
  return computed<ThemeState>(() => ({
    isDark: isDark.value,
    isPrint: isPrintMode.value,
    reducedMotion: prefersReducedMotion.value,
    screenDpr: typeof window === 'undefined'
      ? 1
      : window.devicePixelRatio,
  }))
}
