import type { ThemeState } from '../../shared/charts/theme'
import { useDarkMode, useNav } from '@slidev/client'
// Slidev's dark-mode and print-mode state, as a ThemeState for theme.ts.
import { computed } from 'vue'

export function useChartTheme() {
  const { isDark } = useDarkMode()
  const { isPrintMode } = useNav()
  return computed<ThemeState>(() => ({
    isDark: isDark.value,
    isPrint: isPrintMode.value,
    screenDpr: typeof window === 'undefined'
      ? 1
      : window.devicePixelRatio,
  }))
}
