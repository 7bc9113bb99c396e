/**
 * Each deck chart (data/charts.ts) as a native PowerPoint chart: what pptxgenjs needs to write it
 * (values, categories, colours by meaning), plus what pptxgenjs cannot say and patch-chart-xml.ts adds:
 * each point's label as the slide writes it ("28–33%", "~70%") and, for a range, a bar up to its low
 * end with an error bar up to its high end. Pure: unit-tested in tests/pptx.charts.test.ts.
 */
import type PptxGenJS from 'pptxgenjs'
import type { FigureId } from '../../data'
import type { ChartId, ChartSpec, Meaning } from '../../data/charts'
import { figure } from '../../data'
import { CHARTS } from '../../data/charts'
import { chartLabel, hi, lo, splitSeries, spreadLabels } from '../../shared/charts/build'
import { inkFor, PALETTE, SLOPE_LINE_STYLES } from '../../shared/charts/palette'
import { TYPE } from '../../shared/charts/theme'

/** The deck's type face, named in every chart; PowerPoint falls back to its own sans where Inter is missing. */
export const FONT_FACE = 'Inter'
/** The slide's ink in print (light): what chart text is set in. */
export const INK = inkFor(false)
/** A CSS colour as PowerPoint writes it: hex digits, no #; an rgba() colour as it shows on the white print slide. */
export function hex(css: string): string {
  const rgba = /^rgba\((\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\)$/.exec(css)
  if (!rgba)
    return css.replace('#', '').toUpperCase()
  const a = Number(rgba[4])
  return rgba.slice(1, 4).map(c => Math.round(Number(c) * a + 255 * (1 - a)).toString(16).padStart(2, '0')).join('').toUpperCase()
}
/** Slide pixels (980-wide canvas) to points, as Slidev's exporter converts its text. */
const pt = (px: number) => Math.round(px * 0.75 * 10) / 10
/** The data labels' type, as on the slide: size in hundredths of a point (DrawingML) and colour. */
export const LABEL_STYLE = {
  sizeHundredths: Math.round(pt(TYPE.dataLabel) * 100),
  colour: hex(INK.text),
}

/**
 * pptxgenjs's chart options. It writes both axis settings below into the XML as given, though its
 * typings list fewer values: reversed categories ("maxMin") and a value axis at the last category ("max").
 */
export type ChartOptions = Omit<PptxGenJS.IChartOpts, 'catAxisOrientation' | 'catAxisCrossesAt'> & {
  catAxisOrientation?: 'minMax' | 'maxMin'
  catAxisCrossesAt?: number | 'autoZero' | 'max'
}

export interface NativePoint {
  /** The figure the point shows. */
  figureId: FigureId
  /** The label as the slide writes it. */
  label: string
  /** The low end of a range, or the value. */
  value: number
  /** How far a range reaches above `value`; 0 for a single value. */
  rangeAbove: number
}

export interface NativeSeries {
  name: string
  categories: string[]
  points: NativePoint[]
  /** One colour per point (hex without #). */
  colours: string[]
  /** A line's own pattern and marker (DrawingML prstDash and marker symbol), where pptxgenjs sets one for all. */
  line?: { prstDash: string, symbol: string }
}

export interface NativeChart {
  id: ChartId
  title: string
  type: 'bar' | 'line'
  series: NativeSeries[]
  /** Options for pptxgenjs's addChart, without position and size. */
  options: ChartOptions
  /** Where each data label sits (OOXML dLblPos), per series and point. */
  labelPositions: string[][]
  /** Error-bar colour of each series, for ranges. */
  rangeColours: string[]
}

/**
 * A category the slide writes over two lines keeps its line break under a column (PowerPoint and Impress
 * honour it); beside a horizontal bar it goes on one line, where there is room and a taller label would
 * make Impress skip every other category.
 */
function text(c: string | readonly string[], horizontal = false) {
  return typeof c === 'string'
    ? c
    : c.join(horizontal ? ' ' : '\n')
}

function point(id: FigureId): NativePoint {
  const f = figure(id)
  return {
    figureId: id,
    label: chartLabel(f),
    value: lo(f),
    rangeAbove: hi(f) - lo(f),
  }
}

/** Options every chart shares: the deck's font and ink, no chart title (the slide has one), no gridlines. */
function common(): ChartOptions {
  const font = { fontFace: FONT_FACE }
  return {
    showTitle: false,
    showValue: true,
    dataLabelFontFace: font.fontFace,
    dataLabelFontSize: pt(TYPE.dataLabel),
    dataLabelFontBold: true,
    dataLabelColor: hex(INK.text),
    catAxisLabelFontFace: font.fontFace,
    catAxisLabelFontSize: pt(TYPE.tick),
    catAxisLabelColor: hex(INK.text),
    valAxisLabelFontFace: font.fontFace,
    valAxisLabelFontSize: pt(TYPE.tick),
    valAxisLabelColor: hex(INK.muted),
    valAxisTitleFontFace: font.fontFace,
    valAxisTitleFontSize: pt(TYPE.axisTitle),
    valAxisTitleColor: hex(INK.muted),
    legendFontFace: font.fontFace,
    legendFontSize: pt(TYPE.legend),
    legendColor: hex(INK.text),
    legendPos: 't', // chart.js's place for it
    valGridLine: {
      color: hex(INK.grid),
      size: 0.75,
      style: 'solid',
    }, // as the slide's value grid

    catGridLine: { style: 'none' },
    valAxisMinVal: 0,
    catAxisLabelRotate: 0,
    catAxisLabelFrequency: '1', // every category named, as on the slide (a crowded axis otherwise skips some)
  }
}

function unitsOf(series: NativeSeries[]): Set<string> {
  return new Set(series.flatMap(s => s.points.map(p => figure(p.figureId).unit)))
}

function axisFormat(series: NativeSeries[]): string {
  const units = unitsOf(series)
  if (units.size === 1 && units.has('percent'))
    return '0"%"'
  if (units.size === 1 && units.has('percentChange'))
    return '+0"%";−0"%";0"%"'
  return '#,##0'
}

const colourOf = (m: Meaning) => hex(PALETTE[m])

function barChart(id: ChartId, spec: Extract<ChartSpec, { kind: 'bar' }>): NativeChart {
  const categories = spec.categories.map(c => text(c, spec.horizontal))
  const series: NativeSeries[] = spec.series.map((s) => {
    if (s.figures.length !== categories.length) {
      throw new Error(`Chart "${id}": series "${s.name}" has ${s.figures.length} figures for ${categories.length} categories`)
    }
    return {
      name: s.name,
      categories,
      points: s.figures.map(point),
      colours: s.figures.map((_, i) => colourOf(typeof s.meaning === 'string'
        ? s.meaning
        : (s.meaning as readonly Meaning[])[i])),
    }
  })
  const single = series.length === 1
  const units = unitsOf(series)
  const percentScale = units.size === 1 && units.has('percent') && !spec.horizontal
  return {
    ...barFrame(id, spec, series),
    options: {
      ...common(),
      barDir: spec.horizontal ? 'bar' : 'col',
      barGrouping: 'clustered',
      barGapWidthPct: 60,
      // One series coloured point by point (pptxgenjs writes a colour per bar), several by series.
      chartColors: single
        ? series[0].colours
        : series.map(s => s.colours[0]),
      showLegend: !single,
      // chart.js draws a horizontal chart's first category at the top; PowerPoint, at the bottom.
      catAxisOrientation: spec.horizontal ? 'maxMin' : 'minMax',
      // …and the value axis then belongs at the last category, the bottom (pptxgenjs writes this on valAx),
      // its labels beside it: pptxgenjs's default for lying bars, "low", puts them by the first category, at the top.
      catAxisCrossesAt: spec.horizontal ? 'max' : undefined,
      valAxisLabelPos: spec.horizontal ? 'nextTo' : undefined,
      valAxisMaxVal: percentScale ? 100 : undefined,
      valAxisLabelFormatCode: axisFormat(series),
      showValAxisTitle: Boolean(spec.axisTitle),
      valAxisTitle: spec.axisTitle,
    },
    labelPositions: series.map(s => s.points.map(() => 'outEnd')),
    rangeColours: series.map(s => (single
      ? hex(INK.text)
      : s.colours[0])),
  }
}

/** What names a bar chart (grouped or split) in the PowerPoint: its id, its title, its series. */
function barFrame(id: ChartId, spec: ChartSpec, series: NativeSeries[]) {
  return {
    id,
    title: spec.title,
    type: 'bar' as const,
    series,
  }
}

function splitChart(id: ChartId, spec: Extract<ChartSpec, { kind: 'split' }>): NativeChart {
  const categories = spec.rows.map(r => r.label)
  const series: NativeSeries[] = splitSeries(spec).map(({ name, parts }) => ({
    name,
    categories,
    points: parts.map(p => point(p.figure)),
    colours: parts.map(p => colourOf(p.meaning)),
  }))
  return {
    ...barFrame(id, spec, series),
    options: {
      ...common(),
      barDir: 'bar',
      barGrouping: 'stacked',
      barGapWidthPct: 50,
      chartColors: series.map(s => s.colours[0]),
      showLegend: true,
      catAxisOrientation: 'maxMin',
      catAxisCrossesAt: 'max',
      valAxisLabelPos: 'nextTo',
      valAxisMaxVal: 100,
      valAxisLabelFormatCode: '0"%"',
    },
    labelPositions: series.map(s => s.points.map(() => 'ctr')),
    rangeColours: series.map(s => s.colours[0]),
  }
}

function slopeChart(id: ChartId, spec: Extract<ChartSpec, { kind: 'slope' }>): NativeChart {
  const categories = [spec.fromLabel, spec.toLabel]
  const colour = hex(PALETTE.share)
  const series: NativeSeries[] = spec.lines.map((l, i) => {
    const [from, to] = [
      point(l.from),
      point(l.to),
    ]
    // As on the slide: the start point shows its value, the end point its value and the line's name.
    return {
      name: l.name,
      categories,
      points: [
        from,
        { ...to, label: `${to.label}  ${l.name}` },
      ],
      colours: [colour, colour],
      // As on the slide: one colour, told apart by each line's pattern and marker (patch-chart-xml.ts writes them).
      line: (({ prstDash, symbol }) => ({ prstDash, symbol }))(SLOPE_LINE_STYLES[i % SLOPE_LINE_STYLES.length]),
    }
  })
  return {
    id,
    title: spec.title,
    type: 'line',
    series,
    options: {
      ...common(),
      chartColors: series.map(() => colour),
      lineSize: 3,
      lineDataSymbol: 'circle', // each line's own, in patch-chart-xml.ts
      lineDataSymbolSize: 8,
      // A white ring round each marker, as on the slide, so ends that nearly meet stay separate shapes.
      lineDataSymbolLineColor: 'FFFFFF',
      lineDataSymbolLineSize: 1.5,
      showLegend: false,
      valAxisHidden: true,
      valAxisMaxVal: slopeTop(series),
      valAxisLabelFormatCode: axisFormat(series),
    },
    labelPositions: series.map(() => ['l', 'r']),
    rangeColours: series.map(() => colour),
  }
}

function slopeTop(series: NativeSeries[]): number {
  return Math.ceil((Math.max(...series.flatMap(s => s.points.map(p => p.value))) * 1.15) / 5) * 5
}

/**
 * Where chart.js put a chart's plot, as fractions of the chart's box, and how it scaled the value axis
 * (from the print view's PLOT_ATTR): the native chart takes the same, so plot, axes and labels sit as in the PDF.
 */
export interface PlotFrame {
  x: number
  y: number
  w: number
  h: number
  max?: number
  step?: number
}

/** pptxgenjs's options for a plot laid out and scaled as chart.js drew it. */
export function plotOptions(plot: PlotFrame | undefined): ChartOptions {
  if (!plot)
    return {}
  return {
    layout: {
      x: plot.x,
      y: plot.y,
      w: plot.w,
      h: plot.h,
    },
    ...(plot.max === undefined
      ? {}
      : { valAxisMaxVal: plot.max }),
    ...(plot.step === undefined
      ? {}
      : { valAxisMajorUnit: plot.step }),
  }
}

/**
 * The plot of a chart with lying bars, its left edge moved right where the category names need more room
 * than chart.js gave them: chart.js wraps a long name over two lines and lets them overrun their band, but
 * PowerPoint and LibreOffice set each on one line (see `text`) and drop every other name that does not fit.
 * `measure` gives a name's width in points at a size; `widthPt` is the chart's width.
 */
export function roomForCategories(chart: NativeChart, plot: PlotFrame, widthPt: number, measure: (text: string, sizePt: number) => number): PlotFrame {
  if (chart.options.barDir !== 'bar')
    return plot
  const gap = 8 // points between a name and the axis: its tick and padding
  const needed = (Math.max(...chart.series[0].categories.map(c => measure(c, pt(TYPE.tick)))) + gap) / widthPt
  if (needed <= plot.x)
    return plot
  return { ...plot, x: needed, w: plot.w - (needed - plot.x) }
}

/** A label's nudge from where the renderer puts it, in fractions of the chart's width and height. */
export interface LabelOffset {
  dx: number
  dy: number
}

/**
 * Each data label's nudge: a range's label moves past its error bar's end (the renderer sets it at the
 * bar's, the low end, where the error bar runs through it), and a slope chart's end labels are pushed
 * apart (slopeLabelOffsets). `plot` is where the plot lies and the value axis's top; without it, ranges stay put.
 */
export function labelOffsets(chart: NativeChart, heightInches: number, plot?: PlotFrame): LabelOffset[][] {
  const slope = slopeLabelOffsets(chart, heightInches, plot)
  const top = plot?.max ?? chart.options.valAxisMaxVal
  const lying = chart.options.barDir === 'bar'
  return chart.series.map((s, k) => s.points.map((p, i) => {
    const reach = p.rangeAbove > 0 && top && plot
      ? p.rangeAbove / top
      : 0
    return {
      dx: lying
        ? reach * plot!.w
        : 0,
      dy: slope[k][i] - (lying
        ? 0
        : reach * (plot?.h ?? 0)),
    }
  }))
}

/**
 * Vertical nudges for a slope chart's labels, as fractions of the chart's height: where lines meet,
 * their labels are pushed apart as on the slide (spreadLabels), so "21%", "20%" and "19%" never print
 * on top of each other. `heightInches` is the chart's height on its slide.
 */
export function slopeLabelOffsets(chart: NativeChart, heightInches: number, frame?: PlotFrame): number[][] {
  if (chart.type !== 'line')
    return chart.series.map(s => s.points.map(() => 0))
  const top = frame?.max ?? slopeTop(chart.series)
  const plot = frame?.h ?? 0.8 // share of the chart's height the plot takes (the rest is the category axis and margins)
  const gap = (pt(TYPE.dataLabel) * 1.4) / 72 / heightInches // one label's height, in chart heights
  const offsets = chart.series.map(s => s.points.map(() => 0))
  for (let i = 0; i < 2; i++) {
    const ys = chart.series.map(s => 1 - (s.points[i].value / top) * plot)
    spreadLabels(ys, gap).forEach((y, k) => (offsets[k][i] = y - ys[k]))
  }
  return offsets
}

/** The native chart for one deck chart. Throws, naming the chart, when its spec does not fit its figures. */
export function nativeChart(id: ChartId): NativeChart {
  const spec = CHARTS[id] as ChartSpec
  if (!spec)
    throw new Error(`No chart "${id}" in data/charts.ts`)
  if (spec.kind === 'bar')
    return barChart(id, spec)
  if (spec.kind === 'split')
    return splitChart(id, spec)
  return slopeChart(id, spec)
}

/** pptxgenjs's chart data: one entry per series, each point at the low end of its figure. */
export function pptxData(chart: NativeChart) {
  return chart.series.map(s => ({
    name: s.name,
    labels: s.categories,
    values: s.points.map(p => p.value),
  }))
}
