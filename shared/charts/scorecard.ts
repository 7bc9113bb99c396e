/**
 * A scorecard chart resolved: the bars (one series per quarter, one bar per function) and the dashed lines
 * (study figures, the budget), with their names, values and colours, its value axis and number formats, and its
 * legend, by the chart model's rules (model.ts). The slide's chart.js options and the PowerPoint's native chart
 * are both renderings of this, so they cannot disagree.
 */
import type { ScorecardChartId } from '../../data/charts'
import type { QuarterFile, Scorecard } from '../../data/scorecard'
import type { Measure } from '../../data/scorecard-measures'
import type { ChartRules, Legend, NumberFormat, ValueAxis } from './model'
import { figure, formatFigure } from '../../data'
import { SCORECARD_CHARTS } from '../../data/charts'
import { formatCurrency } from '../../data/format'
import { quarterLabel } from '../../data/scorecard'
import { formatMeasure, MEASURES, measureTable } from '../../data/scorecard-measures'
import { chartLabel } from './build'
import { CHART_RULES } from './model'
import { inkFor, PALETTE, quarterColour } from './palette'

export interface ScorecardChartModel {
  title: string
  format: Measure['format']
  currency: string
  categories: string[]
  /** One row per function, as the chart's data table reads it. */
  rows: { function: string, values: (number | null)[] }[]
  bars: { name: string, values: (number | null)[], colour: string }[]
  lines: { name: string, value: number, colour: string, reading: string }[]
  valueAxis: ValueAxis
  /** How a bar's label writes its value ("$4.20", "61%", "–" for no data). */
  labelFormat: NumberFormat & { text: (v: number | null) => string }
  legend: Legend
}

/** The currency every quarter file is in (the import refuses a mix); USD before the first import. */
export const currencyOf = (quarters: readonly QuarterFile[]): string => quarters[0]?.currency ?? 'USD'

/**
 * The budget line is drawn in the ink colour: a target, not one of the meanings the palette reserves.
 * `narrow`: on a phone the reader view lays the chart on its side and shortens the study lines' names.
 * `isDark`: the quarters' greys for a dark slide.
 */
export function scorecardChartModel(id: ScorecardChartId, scorecard: Pick<Scorecard, 'quarters' | 'budget'>, { isDark = false, narrow = false, rules = CHART_RULES }: { isDark?: boolean, narrow?: boolean, rules?: ChartRules } = {}): ScorecardChartModel {
  const spec = SCORECARD_CHARTS[id]
  const m = MEASURES[spec.measure]
  const quarters = scorecard.quarters
  const currency = currencyOf(quarters)
  // A count's company total would dwarf the functions' bars; the scorecard slide gives it. Rates keep "All" as the yardstick.
  const rows = measureTable(spec.measure, quarters).filter(r => m.format !== 'count' || r.function !== 'All')
  const categories = rows.map(r => r.function)
  const bars = quarters.map((q, i) => ({
    name: quarterLabel(q.quarter),
    values: rows.map(r => r.values[i]),
    colour: quarterColour(i, quarters.length, isDark),
  }))
  const references = ('references' in spec
    ? spec.references
    : []).map(({ figure: figureId, meaning }) => {
    const f = figure(figureId)
    if (typeof f.value !== 'number')
      throw new TypeError(`scorecard chart "${id}": reference figure "${figureId}" is a range; use a figure with one value`)
    // "Verified success, other occupations, all sessions" → "Study: verified success, other occupations (~26%)";
    // on a phone "Study: other occupations (~26%)" (the caption says the lines are verified success).
    const label = f.label.replace(/, all sessions$/, '')
    const name = narrow
      ? label.replace(/^Verified success, /, '')
      : label.replace(/^./, c => c.toLowerCase())
    return {
      name: `Study: ${name} (${chartLabel(f)})`,
      value: f.value,
      colour: PALETTE[meaning],
      reading: formatFigure(f),
    }
  })
  const budget = 'budget' in spec && spec.budget && scorecard.budget
    ? scorecard.budget.costPerActivePersonPerMonth
    : null
  const budgetLine = budget === null
    ? []
    : [
        {
          name: `Budget (${formatMeasure(spec.measure, budget, currency)})`,
          value: budget,
          colour: inkFor(isDark).text,
          reading: formatMeasure(spec.measure, budget, currency),
        },
      ]
  const values = bars.flatMap(b => b.values.filter((v): v is number => v !== null))
  const format = axisFormat(m.format, currency, Math.max(...values), rules)
  const percent = m.format === 'percent'
  return {
    title: m.name,
    format: m.format,
    currency,
    categories,
    rows,
    bars,
    lines: [
      ...references,
      ...budgetLine,
    ],
    valueAxis: {
      min: 0,
      max: percent
        ? rules.shareAxisMax
        : undefined,
      headroom: percent
        ? undefined
        : rules.headroom,
      format,
      hidden: false,
    },
    labelFormat: {
      text: v => formatMeasure(spec.measure, v, currency),
      code: format.code,
    },
    legend: { show: true, position: 'bottom' },
  }
}

/**
 * A measure's axis format: ticks in whole currency units where they are whole ("$50", "$2"), cents only where
 * needed; the PowerPoint's one code for ticks and labels shows cents when the largest value is under ten.
 */
function axisFormat(format: Measure['format'], currency: string, largest: number, rules: ChartRules): NumberFormat {
  const symbol = currency === 'USD'
    ? '$'
    : `${currency} `
  const axis: Record<Measure['format'], NumberFormat> = {
    count: rules.countFormat,
    decimal: { code: '0.0' },
    percent: rules.percentFormat,
    money: {
      text: v => formatCurrency(v, currency, { cents: 'if-any' }),
      code: largest < 10
        ? `"${symbol}"0.00`
        : `"${symbol}"#,##0`,
    },
  }
  return axis[format]
}
