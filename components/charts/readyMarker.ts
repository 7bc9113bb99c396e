import type { Chart, Plugin } from 'chart.js'
// Marks a chart's canvas data-chart-ready="true" once it has drawn its final frame, and "false"
// while it updates or animates, so browser tests and screenshots never catch a half-drawn chart.
import { animator } from 'chart.js'
import { READY_ATTR } from '../../shared/dom-hooks'

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
