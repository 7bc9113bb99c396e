/**
 * The chart model: a deck chart's spec (data/charts.ts) resolved, once, to everything it draws: its value axis
 * (min, max, step, headroom, number format, title), its categories, its series' points with their labels and
 * colours, where the labels sit, and its legend. The slide's chart.js options (components/) and the PowerPoint's
 * chart XML (scripts/pptx/) are two renderings of this; neither decides a rule of its own. `ChartRules` is the
 * seam: every rule below has its one place there, and a caller (a test) may pass others.
 */
import type { Figure, FigureId } from '../../data'
import type { ChartId, ChartSpec, Meaning } from '../../data/charts'
import type { SlopeLineStyle } from './palette'
import { figure } from '../../data'
import { CHARTS } from '../../data/charts'
import { chartLabel, hi, lo, splitSeries } from './build'
import { inkFor, PALETTE, SLOPE_LINE_STYLES } from './palette'

/**
 * A number format, written for both renderers at once: `text` for the slide (none: chart.js's own
 * reading of the number) and `code` for the PowerPoint (an Excel number format).
 */
export interface NumberFormat {
  text?: (v: number) => string
  code: string
}

export interface ValueAxis {
  /** 0 where no value is below it; none: the renderer's nice end below the lowest value. */
  min?: number
  /** A fixed end; none: the renderer's nice end above the data plus `headroom`. */
  max?: number
  /** Room above the data where the axis has no fixed end, as a fraction of it: space for the labels. */
  headroom?: number
  /** A fixed tick step; none: the slide's own, which the PowerPoint copies from the drawn chart. */
  step?: number
  format: NumberFormat
  title?: string
  /** A slope chart's lines are labelled at their ends: no axis is drawn. */
  hidden: boolean
}

export interface Legend {
  show: boolean
  position: 'top' | 'bottom'
}

export interface ResolvedPoint {
  figureId: FigureId
  /** The low end of a range, or the value. */
  value: number
  /** How far a range reaches above `value`; 0 for a single value. */
  rangeAbove: number
  /** The label as the slide writes it. */
  label: string
}

export interface ResolvedSeries {
  name: string
  points: ResolvedPoint[]
  /** One CSS colour per point. */
  colours: string[]
  /** The colour a range's reach is drawn in, beside the bar's own. */
  rangeColour: string
  /** A slope chart line's own pattern and marker. */
  line?: SlopeLineStyle
}

export interface ResolvedChart {
  id?: ChartId
  kind: ChartSpec['kind']
  title: string
  /** Bars lying down, categories down the side. */
  horizontal: boolean
  /** Parts that add up to the whole, stacked into one bar. */
  stacked: boolean
  /** As the slide writes them; an array is a name over several lines. */
  categories: (string | string[])[]
  series: ResolvedSeries[]
  valueAxis: ValueAxis
  legend: Legend
  /** Where each point's label sits: past the bar's end, in the bar, or beside a line's ends. */
  labelPlace: 'end' | 'centre' | 'beside'
  /** A label colour of its own (on coloured bars); none: the slide's ink. */
  labelColour?: string
}

export interface ChartRules {
  /** Where an axis of shares ends: a share runs from 0 to the whole. */
  shareAxisMax: number
  /** Room above the longest bar where the axis has no fixed end, for its label. */
  headroom: number
  /** Room above a slope chart's highest end. */
  slopeHeadroom: number
  /** How an axis of percentages (shares and changes) writes its ticks. */
  percentFormat: NumberFormat
  /** How any other axis writes its ticks. */
  countFormat: NumberFormat
  /** A figure's data label: "~70%", "28–33%", ">90%". */
  dataLabel: (f: Figure) => string
}

export const CHART_RULES: ChartRules = {
  shareAxisMax: 100,
  headroom: 0.18,
  slopeHeadroom: 0.08,
  percentFormat: {
    text: v => `${v}%`,
    code: '0"%"',
  },
  countFormat: { code: '#,##0' },
  dataLabel: chartLabel,
}

/** Split bars' labels sit on the coloured bars, in near-black on either theme. */
const ON_BAR_INK = '#111111'
/** A single series' range reach is drawn in the print slide's ink; several series', each in its own colour. */
const PRINT_INK = inkFor(false).text

function meaningAt(m: Meaning | readonly Meaning[], i: number): Meaning {
  return typeof m === 'string'
    ? m
    : m[i]
}

function point(id: FigureId, rules: ChartRules): ResolvedPoint {
  const f = figure(id)
  return {
    figureId: id,
    value: lo(f),
    rangeAbove: hi(f) - lo(f),
    label: rules.dataLabel(f),
  }
}

/** The axis starts at zero unless a value lies below it. */
function axisMin(series: ResolvedSeries[]): number | undefined {
  return series.some(s => s.points.some(p => p.value < 0))
    ? undefined
    : 0
}

function everyUnit(series: ResolvedSeries[], units: readonly string[]) {
  return series.every(s => s.points.every(p => units.includes(figure(p.figureId).unit)))
}

function axisFormat(series: ResolvedSeries[], rules: ChartRules): NumberFormat {
  return everyUnit(series, ['percent']) || everyUnit(series, ['percentChange'])
    ? rules.percentFormat
    : rules.countFormat
}

/** A chart spec resolved; `resolveChart` for a deck chart by its id. */
export function resolveSpec(spec: ChartSpec, rules: ChartRules = CHART_RULES): ResolvedChart {
  if (spec.kind === 'bar') {
    const series = spec.series.map((s) => {
      if (s.figures.length !== spec.categories.length) {
        throw new Error(`Chart "${spec.title}": series "${s.name}" has ${s.figures.length} figures for ${spec.categories.length} categories`)
      }
      const colours = s.figures.map((_, i) => PALETTE[meaningAt(s.meaning, i)])
      return {
        name: s.name,
        points: s.figures.map(id => point(id, rules)),
        colours,
        rangeColour: spec.series.length === 1
          ? PRINT_INK
          : colours[0],
      }
    })
    const horizontal = spec.horizontal ?? false
    // Shares standing up run on a 0–100% axis; changes, counts and lying bars get headroom for their labels instead.
    const shares = everyUnit(series, ['percent']) && !horizontal
    const anyRange = series.some(s => s.points.some(p => p.rangeAbove > 0))
    return {
      kind: 'bar',
      title: spec.title,
      horizontal,
      stacked: false,
      categories: spec.categories.map(c => (typeof c === 'string'
        ? c
        : [...c])),
      series,
      valueAxis: {
        min: axisMin(series),
        max: shares
          ? rules.shareAxisMax
          : undefined,
        headroom: shares
          ? undefined
          : rules.headroom,
        format: axisFormat(series, rules),
        title: spec.axisTitle,
        hidden: false,
      },
      legend: { show: series.length > 1 || anyRange, position: 'top' },
      labelPlace: 'end',
    }
  }
  if (spec.kind === 'split') {
    const series = splitSeries(spec).map(({ name, parts }) => {
      const colours = parts.map(p => PALETTE[p.meaning])
      return {
        name,
        points: parts.map(p => point(p.figure, rules)),
        colours,
        rangeColour: colours[0],
      }
    })
    return {
      kind: 'split',
      title: spec.title,
      horizontal: true,
      stacked: true,
      categories: spec.rows.map(r => r.label),
      series,
      valueAxis: {
        min: 0,
        max: rules.shareAxisMax,
        format: rules.percentFormat,
        hidden: false,
      },
      legend: { show: true, position: 'top' },
      labelPlace: 'centre',
      labelColour: ON_BAR_INK,
    }
  }
  const colour = PALETTE.share
  const series = spec.lines.map((l, i) => {
    const [from, to] = [
      point(l.from, rules),
      point(l.to, rules),
    ]
    // The start shows its value; the end its value and the line's name.
    return {
      name: l.name,
      points: [
        from,
        { ...to, label: `${to.label}  ${l.name}` },
      ],
      colours: [colour, colour],
      rangeColour: colour,
      line: SLOPE_LINE_STYLES[i % SLOPE_LINE_STYLES.length],
    }
  })
  return {
    kind: 'slope',
    title: spec.title,
    horizontal: false,
    stacked: false,
    categories: [spec.fromLabel, spec.toLabel],
    series,
    valueAxis: {
      min: axisMin(series),
      headroom: rules.slopeHeadroom,
      format: axisFormat(series, rules),
      hidden: true,
    },
    legend: { show: false, position: 'top' },
    labelPlace: 'beside',
  }
}

/** A deck chart resolved. Throws, naming the chart, when there is none of that id or its spec does not fit its figures. */
export function resolveChart(id: ChartId, rules: ChartRules = CHART_RULES): ResolvedChart {
  const spec = CHARTS[id] as ChartSpec | undefined
  if (!spec)
    throw new Error(`No chart "${id}" in data/charts.ts`)
  return {
    id,
    ...resolveSpec(spec, rules),
  }
}

/**
 * Where an axis without a fixed end stops when no drawn chart says so: the highest value plus its headroom,
 * rounded up to a multiple of 5. The PowerPoint takes the slide's drawn end where it has one.
 */
export function nominalMax(chart: ResolvedChart): number {
  const { max, headroom = 0 } = chart.valueAxis
  if (max !== undefined)
    return max
  const top = Math.max(...chart.series.flatMap(s => s.points.map(p => p.value + p.rangeAbove)))
  return Math.ceil((top * (1 + headroom)) / 5) * 5
}
