// Marks a chart's canvas data-chart-ready="true" once it has drawn its final frame at the size of its box, and
// "false" while it updates or animates, so browser tests and screenshots never catch a half-drawn chart.
import type { Chart, Plugin } from 'chart.js'
import type { PlotLayout } from '../../shared/dom-hooks'
import { animator } from 'chart.js'
import { PLOT_ATTR, READY_ATTR } from '../../shared/dom-hooks'

/**
 * Resizes the chart to its box when it does not fill it; true if that drew it again at a new size. The box's
 * size is read as the layout has it (clientWidth): chart.js measures with getBoundingClientRect, which
 * includes the slide's CSS scale, so a chart made on a slide starts about twice its box's size and waits for
 * a ResizeObserver to put that right. chart.js holds a resize that comes while it animates for its next
 * drawn frame; one that comes in an animation's last frame finds none, and the chart stays at the wrong
 * size, cropped, for good. On a busy machine, where frames come hundreds of milliseconds apart, the
 * correction often lands there.
 */
function fitToBox(chart: Chart): boolean {
  const box = chart.canvas.parentElement
  if (!box?.clientWidth || !box.clientHeight)
    return false
  if (Math.abs(box.clientWidth - chart.width) < 1 && Math.abs(box.clientHeight - chart.height) < 1)
    return false
  const [width, height] = [chart.width, chart.height]
  chart.resize(box.clientWidth, box.clientHeight)
  return chart.attached && (chart.width !== width || chart.height !== height)
}

export const readyMarker: Plugin = {
  id: 'deckReadyMarker',
  afterInit(chart: Chart) {
    fitToBox(chart)
  },
  beforeUpdate(chart: Chart) {
    chart.canvas.setAttribute(READY_ATTR, 'false')
  },
  afterRender(chart: Chart) {
    if (animator.running(chart))
      chart.canvas.setAttribute(READY_ATTR, 'false')
    // A resize redraws the chart, and this runs again for that frame.
    else if (!fitToBox(chart))
      chart.canvas.setAttribute(READY_ATTR, 'true')
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
