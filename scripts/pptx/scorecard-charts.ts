/**
 * Our scorecard charts (components/scorecard/ScorecardChart.vue) as native PowerPoint charts: a bar per
 * quarter and function, the study's figures or the budget as dashed lines, from the same resolved model the
 * slide draws (shared/charts/scorecard.ts: values, colours, axis, number formats, legend), so they cannot disagree.
 */
import type PptxGenJS from 'pptxgenjs'
import type { ScorecardChartModel } from '../../shared/charts/scorecard'
import type { ChartPlace, PlotFrame } from './native-charts'
import { FONT_FACE, hex, INK, plotOptions } from './native-charts'

/** The arguments for slide.addChart: chart types with their data, and the options for the whole chart. */
export function scorecardChartArgs(pptx: PptxGenJS, s: ScorecardChartModel) {
  const { valueAxis, legend } = s
  const text = {
    color: hex(INK.text),
    fontFace: FONT_FACE,
  }
  const bars = {
    type: pptx.ChartType.bar,
    data: s.bars.map(x => ({ name: x.name, labels: s.categories, values: x.values })),
    options: {
      barDir: 'col',
      barGrouping: 'clustered',
      chartColors: s.bars.map(x => hex(x.colour)),
      showValue: true,
      dataLabelFormatCode: s.labelFormat.code,
      dataLabelPosition: 'outEnd',
      dataLabelFontSize: 11,
      dataLabelColor: text.color,
    },
  }
  const lines = {
    type: pptx.ChartType.line,
    data: s.lines.map(l => ({
      name: l.name,
      labels: s.categories,
      values: s.categories.map(() => l.value),
    })),
    options: {
      chartColors: s.lines.map(l => hex(l.colour)),
      lineDash: 'dash',
      lineDataSymbol: 'none',
      lineSize: 2,
      showValue: false,
    },
  }
  const options = {
    showLegend: legend.show,
    legendPos: legend.position === 'top'
      ? 't'
      : 'b',
    legendFontSize: 11,
    legendColor: text.color,
    legendFontFace: text.fontFace,
    catAxisLabelFontSize: 11,
    catAxisLabelColor: text.color,
    valAxisLabelFontSize: 10,
    valAxisLabelColor: text.color,
    valAxisLabelFormatCode: valueAxis.format.code,
    valAxisMinVal: valueAxis.min,
    ...(valueAxis.max === undefined
      ? {}
      : { valAxisMaxVal: valueAxis.max }),
    ...(valueAxis.step === undefined
      ? {}
      : { valAxisMajorUnit: valueAxis.step }),
    valGridLine: { color: 'D9DDE3', size: 0.5 },
  }
  return {
    types: s.lines.length
      ? [bars, lines]
      : [bars],
    options,
  }
}

/** Adds a scorecard chart to a slide, bars and lines in one chart; `plot`: laid out and scaled as chart.js drew it. */
export function addScorecardChart(pptx: PptxGenJS, slide: PptxGenJS.Slide, s: ScorecardChartModel, place: ChartPlace, plot?: PlotFrame): void {
  const { types, options } = scorecardChartArgs(pptx, s)
  const opts = {
    ...options,
    ...plotOptions(plot),
    ...place,
  } as PptxGenJS.IChartOpts
  if (types.length > 1) {
    slide.addChart(types as unknown as PptxGenJS.IChartMulti[], opts as never)
    return
  }
  slide.addChart(types[0].type as unknown as PptxGenJS.CHART_NAME, types[0].data, {
    ...opts,
    ...(types[0].options as PptxGenJS.IChartOpts),
  })
}
