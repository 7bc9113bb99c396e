/**
 * Our scorecard charts (components/scorecard/ScorecardChart.vue) as native PowerPoint charts: a bar per
 * quarter and function, the study's figures or the budget as dashed lines, from the same model the slide
 * draws (shared/charts/scorecard.ts), so the numbers are the ones the slide shows.
 */
import type PptxGenJS from 'pptxgenjs'
import type { ScorecardChartModel } from '../../shared/charts/scorecard'
import { FONT_FACE, hex, INK } from './native-charts'

function numberFormat(s: ScorecardChartModel): string {
  const max = Math.max(...s.bars.flatMap(x => x.values.filter((v): v is number => v !== null)))
  const symbol = s.currency === 'USD'
    ? '$'
    : `${s.currency} `
  return {
    count: '#,##0',
    decimal: '0.0',
    percent: '0"%"',
    money: max < 10
      ? `"${symbol}"0.00`
      : `"${symbol}"#,##0`,
  }[s.format]
}

/** The arguments for slide.addChart: chart types with their data, and the options for the whole chart. */
export function scorecardChartArgs(pptx: PptxGenJS, s: ScorecardChartModel) {
  const format = numberFormat(s)
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
      dataLabelFormatCode: format,
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
    showLegend: true,
    legendPos: 'b',
    legendFontSize: 11,
    legendColor: text.color,
    legendFontFace: text.fontFace,
    catAxisLabelFontSize: 11,
    catAxisLabelColor: text.color,
    valAxisLabelFontSize: 10,
    valAxisLabelColor: text.color,
    valAxisLabelFormatCode: format,
    valAxisMinVal: 0,
    ...(s.format === 'percent'
      ? { valAxisMaxVal: 100 }
      : {}),
    valGridLine: { color: 'D9DDE3', size: 0.5 },
  }
  return {
    types: s.lines.length
      ? [bars, lines]
      : [bars],
    options,
  }
}
