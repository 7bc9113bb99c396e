// Replays a chart's entrance animation each time its slide is entered (Slidev slide hooks, not :key tricks),
// unless the reader asked for reduced motion.
import type { Chart } from 'chart.js'
import type { Ref } from 'vue'
import { onSlideEnter, useNav } from '@slidev/client'
import { prefersReducedMotion } from './reducedMotion'

export function useReplayOnEnter(chartRef: Ref<{ chart?: Chart } | null>) {
  const { isPrintMode } = useNav()
  onSlideEnter(() => {
    const chart = chartRef.value?.chart
    if (!chart || isPrintMode.value || prefersReducedMotion.value)
      return
    chart.reset()
    chart.update()
  })
}
