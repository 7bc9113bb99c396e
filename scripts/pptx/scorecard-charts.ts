/**
 * Our scorecard charts (components/scorecard/ScorecardChart.vue) as native PowerPoint charts: a bar per
 * quarter and function, the study's figures or the budget as dashed lines. The component hands over its
 * data as JSON (data-pptx), so the numbers are the ones the slide draws.
 */
import type PptxGenJS from 'pptxgenjs'

export interface ScorecardPptxSpec {
  title: string
  format: 'count' | 'decimal' | 'percent' | 'money'
  currency: string
  categories: string[]
  series: { name: string; values: (number | null)[]; colour: string }[]
  lines: { name: string; value: number; colour: string }[]
}

/** Parses and checks the component's JSON; a malformed spec names the chart. */
export function parseScorecardSpec(json: string, where: string): ScorecardPptxSpec {
  const s = JSON.parse(json) as ScorecardPptxSpec
  const ok =
    typeof s.title === 'string' &&
    Array.isArray(s.categories) &&
    Array.isArray(s.series) &&
    s.series.length > 0 &&
    s.series.every((x) => x.values.length === s.categories.length && x.values.every((v) => v === null || Number.isFinite(v))) &&
    s.lines.every((l) => Number.isFinite(l.value))
  if (!ok) throw new Error(`${where}: the scorecard chart "${s.title ?? '?'}" handed over malformed data`)
  return s
}

const hex = (c: string) => c.replace('#', '').toUpperCase()

function numberFormat(s: ScorecardPptxSpec): string {
  const max = Math.max(...s.series.flatMap((x) => x.values.filter((v): v is number => v !== null)))
  const symbol = s.currency === 'USD' ? '$' : `${s.currency} `
  return { count: '#,##0', decimal: '0.0', percent: '0"%"', money: max < 10 ? `"${symbol}"0.00` : `"${symbol}"#,##0` }[s.format]
}

/** The arguments for slide.addChart: chart types with their data, and the options for the whole chart. */
export function scorecardChartArgs(pptx: PptxGenJS, s: ScorecardPptxSpec) {
  const format = numberFormat(s)
  const text = { color: '1F2933', fontFace: 'Inter' }
  const bars = {
    type: pptx.ChartType.bar,
    data: s.series.map((x) => ({ name: x.name, labels: s.categories, values: x.values })),
    options: { barDir: 'col', barGrouping: 'clustered', chartColors: s.series.map((x) => hex(x.colour)), showValue: true, dataLabelFormatCode: format, dataLabelPosition: 'outEnd', dataLabelFontSize: 11, dataLabelColor: text.color },
  }
  const lines = {
    type: pptx.ChartType.line,
    data: s.lines.map((l) => ({ name: l.name, labels: s.categories, values: s.categories.map(() => l.value) })),
    options: { chartColors: s.lines.map((l) => hex(l.colour)), lineDash: 'dash', lineDataSymbol: 'none', lineSize: 2, showValue: false },
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
    ...(s.format === 'percent' ? { valAxisMaxVal: 100 } : {}),
    valGridLine: { color: 'D9DDE3', size: 0.5 },
  }
  return { types: s.lines.length ? [bars, lines] : [bars], options }
}
