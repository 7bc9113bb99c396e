// Marks a chart's canvas data-chart-ready="true" once it has drawn its final frame, and "false"
// while it updates or animates, so browser tests and screenshots never catch a half-drawn chart.
import type { Chart, Plugin } from 'chart.js'
import type { PlotLayout } from '../../shared/dom-hooks'
import { animator } from 'chart.js'
import { PLOT_ATTR, READY_ATTR } from '../../shared/dom-hooks'

export const readyMarker: Plugin = {
  id: 'deckReadyMarker',
  beforeUpdate(chart: Chart) {
    chart.canvas.setAttribute(READY_ATTR, 'false')
  },
  afterRender(chart: Chart) {
    chart.canvas.setAttribute(READY_ATTR, animator.running(chart)
      ? 'false'
      : 'true')
  },
}

/** In print, records where the plot lies and how the value axis runs (PLOT_ATTR), for the PowerPoint's native chart. */
export const plotLayout: Plugin = {
  id: 'deckPlotLayout',
  afterRender(chart: Chart) {
    const { left, top, right, bottom } = chart.chartArea
    // The value axis: x when bars lie down (indexAxis 'y'), else y.
    const value = chart.scales[chart.options.indexAxis === 'y'
      ? 'x'
      : 'y']
    const ticks = value?.ticks ?? []
    const layout: PlotLayout = {
      left,
      top,
      right,
      bottom,
      max: value?.max,
      step: ticks.length > 1
        ? ticks[1].value - ticks[0].value
        : undefined,
    }
    chart.canvas.setAttribute(PLOT_ATTR, JSON.stringify(layout))
  },
}

/** In print, fills the canvas with the slide colour first, so the PDF embeds one opaque image per chart. */
export function printBackground(colour: string): Plugin {
  return {
    id: 'deckPrintBackground',
    beforeDraw(chart: Chart) {
      const { ctx, width, height } = chart
      ctx.save()
      ctx.globalCompositeOperation = 'destination-over'
      ctx.fillStyle = colour
      ctx.fillRect(0, 0, width, height)
      ctx.restore()
    },
  }
}
