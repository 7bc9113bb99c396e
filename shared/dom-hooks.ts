// The attributes and class by which the exporters, the screenshot script and the tests find what the
// components draw, named once. Components set them; Node code and tests select by them.

/** On a deck chart's <figure>: its id in data/charts.ts. */
export const CHART_ATTR = 'data-chart'
/** On a scorecard chart's <figure>: its id in data/charts.ts (SCORECARD_CHARTS). */
export const SCORECARD_CHART_ATTR = 'data-scorecard-chart'
/** On a chart's <canvas>: "true" once it has drawn its final frame, "false" while it animates. */
export const READY_ATTR = 'data-chart-ready'
/**
 * On a printed chart's <canvas>: where chart.js put the plot and how it scaled the values, as JSON
 * (PlotLayout), so the PowerPoint's native chart is laid out and scaled as the PDF's.
 */
export const PLOT_ATTR = 'data-chart-plot'

/** The plot area in canvas CSS pixels, and the value axis's range and step, as chart.js drew them. */
export interface PlotLayout {
  left: number
  top: number
  right: number
  bottom: number
  /** Where the value axis ends and its tick step; none for a chart without one. */
  max?: number
  step?: number
}

/** On a chart's data table in print: printed under the chart as text (the PDF's text layer). */
export const PRINT_TEXT_CLASS = 'print-text'

/** Either kind of chart's <figure>. */
export const ANY_CHART = `figure[${CHART_ATTR}], figure[${SCORECARD_CHART_ATTR}]`

/**
 * In the page, for Playwright's waitForFunction: true once every chart canvas under `scope` has drawn
 * its final frame. It runs in the browser, where this module's constants are not in scope, so it is
 * given the attribute: `page.waitForFunction(everyChartReady, { scope: '.reader', attr: READY_ATTR })`.
 */
export function everyChartReady({ scope, attr }: { scope: string, attr: string }): boolean {
  return [
    ...document.querySelectorAll(`${scope} canvas`),
  ].every(c => c.getAttribute(attr) === 'true')
}
