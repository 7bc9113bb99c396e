/**
 * Each deck chart as a native PowerPoint chart: its resolved model (shared/charts/model.ts: axes, formats,
 * labels, legend, colours) in pptxgenjs's terms, plus what pptxgenjs cannot say and patch-chart-xml.ts adds:
 * each point's label as the slide writes it ("28–33%", "~70%") and, for a range, a bar up to its low
 * end with an error bar up to its high end. Pure: unit-tested in tests/pptx.charts.test.ts.
 */
import type PptxGenJS from 'pptxgenjs'
import type { ChartId } from '../../data/charts'
import type { ChartRules, ResolvedChart, ResolvedPoint } from '../../shared/charts/model'
import { spreadLabels } from '../../shared/charts/build'
import { CHART_RULES, nominalMax, resolveChart } from '../../shared/charts/model'
import { inkFor } from '../../shared/charts/palette'
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
/** The data labels' type, as on the slide: size in hundredths of a point (DrawingML). */
export const LABEL_STYLE = {
  sizeHundredths: Math.round(pt(TYPE.dataLabel) * 100),
}

/**
 * pptxgenjs's chart options. It writes both axis settings below into the XML as given, though its
 * typings list fewer values: reversed categories ("maxMin") and a value axis at the last category ("max").
 */
export type ChartOptions = Omit<PptxGenJS.IChartOpts, 'catAxisOrientation' | 'catAxisCrossesAt'> & {
  catAxisOrientation?: 'minMax' | 'maxMin'
  catAxisCrossesAt?: number | 'autoZero' | 'max'
}

/** A point as the model resolved it: its figure, value, reach and label. */
export type NativePoint = ResolvedPoint

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
  /** The data labels' colour (hex without #). */
  labelColour: string
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

/** Options every chart shares: the deck's font and ink, no chart title (the slide has one), no gridlines. */
function common(): ChartOptions {
  const font = { fontFace: FONT_FACE }
  return {
    showTitle: false,
    showValue: true,
    dataLabelFontFace: font.fontFace,
    dataLabelFontSize: pt(TYPE.dataLabel),
    dataLabelFontBold: true,
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
    valGridLine: {
      color: hex(INK.grid),
      size: 0.75,
      style: 'solid',
    }, // as the slide's value grid

    catGridLine: { style: 'none' },
    catAxisLabelRotate: 0,
    catAxisLabelFrequency: '1', // every category named, as on the slide (a crowded axis otherwise skips some)
  }
}

const LABEL_POSITION: Record<ResolvedChart['labelPlace'], (i: number) => string> = {
  end: () => 'outEnd',
  centre: () => 'ctr',
  beside: i => (i === 0
    ? 'l'
    : 'r'),
}

/** A resolved chart (shared/charts/model.ts) in pptxgenjs's terms: axes, formats, legend, colours and labels as the model says. */
function render(id: ChartId, chart: ResolvedChart): NativeChart {
  const { horizontal, valueAxis, legend } = chart
  const categories = chart.categories.map(c => text(c, horizontal))
  const series: NativeSeries[] = chart.series.map(s => ({
    name: s.name,
    categories,
    points: s.points,
    colours: s.colours.map(hex),
    line: s.line && { prstDash: s.line.prstDash, symbol: s.line.symbol },
  }))
  const single = series.length === 1
  const axes: ChartOptions = {
    valAxisMinVal: valueAxis.min,
    valAxisMaxVal: valueAxis.hidden
      ? nominalMax(chart)
      : valueAxis.max,
    ...(valueAxis.step === undefined
      ? {}
      : { valAxisMajorUnit: valueAxis.step }),
    valAxisLabelFormatCode: valueAxis.format.code,
    valAxisHidden: valueAxis.hidden || undefined,
    showValAxisTitle: valueAxis.title
      ? true
      : undefined,
    valAxisTitle: valueAxis.title,
    showLegend: legend.show,
    legendPos: legend.position === 'top'
      ? 't'
      : 'b',
    dataLabelColor: hex(chart.labelColour ?? INK.text),
  }
  const frame = {
    id,
    title: chart.title,
    series,
    labelPositions: chart.series.map(s => s.points.map((_, i) => LABEL_POSITION[chart.labelPlace](i))),
    rangeColours: chart.series.map(s => hex(s.rangeColour)),
    labelColour: hex(chart.labelColour ?? INK.text),
  }
  if (chart.kind === 'slope') {
    return {
      ...frame,
      type: 'line',
      options: {
        ...common(),
        ...axes,
        chartColors: series.map(s => s.colours[0]),
        lineSize: 3,
        lineDataSymbol: 'circle', // each line's own, in patch-chart-xml.ts
        lineDataSymbolSize: 8,
        // A white ring round each marker, as on the slide, so ends that nearly meet stay separate shapes.
        lineDataSymbolLineColor: 'FFFFFF',
        lineDataSymbolLineSize: 1.5,
      },
    }
  }
  return {
    ...frame,
    type: 'bar',
    options: {
      ...common(),
      ...axes,
      barDir: horizontal ? 'bar' : 'col',
      barGrouping: chart.stacked ? 'stacked' : 'clustered',
      barGapWidthPct: chart.stacked ? 50 : 60,
      // One series coloured point by point (pptxgenjs writes a colour per bar), several by series.
      chartColors: single
        ? series[0].colours
        : series.map(s => s.colours[0]),
      // chart.js draws a horizontal chart's first category at the top; PowerPoint, at the bottom.
      catAxisOrientation: horizontal ? 'maxMin' : 'minMax',
      // …and the value axis then belongs at the last category, the bottom (pptxgenjs writes this on valAx),
      // its labels beside it: pptxgenjs's default for lying bars, "low", puts them by the first category, at the top.
      catAxisCrossesAt: horizontal ? 'max' : undefined,
      valAxisLabelPos: horizontal ? 'nextTo' : undefined,
    },
  }
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
  const top = frame?.max ?? chart.options.valAxisMaxVal!
  const plot = frame?.h ?? 0.8 // share of the chart's height the plot takes (the rest is the category axis and margins)
  const gap = (pt(TYPE.dataLabel) * 1.4) / 72 / heightInches // one label's height, in chart heights
  const offsets = chart.series.map(s => s.points.map(() => 0))
  for (let i = 0; i < 2; i++) {
    const ys = chart.series.map(s => 1 - (s.points[i].value / top) * plot)
    spreadLabels(ys, gap).forEach((y, k) => (offsets[k][i] = y - ys[k]))
  }
  return offsets
}

/** The native chart for one deck chart, by the model's rules. Throws, naming the chart, when its spec does not fit its figures. */
export function nativeChart(id: ChartId, rules: ChartRules = CHART_RULES): NativeChart {
  return render(id, resolveChart(id, rules))
}

/** Where a chart sits on its slide, in inches, and what names it there. */
export type ChartPlace = Pick<PptxGenJS.IChartOpts, 'x' | 'y' | 'w' | 'h' | 'objectName' | 'altText'>

/** Adds a deck chart to a slide as pptxgenjs writes it; `plot`: laid out and scaled as chart.js drew it. */
export function addNativeChart(pptx: PptxGenJS, slide: PptxGenJS.Slide, chart: NativeChart, place: ChartPlace, plot?: PlotFrame): void {
  slide.addChart(chart.type === 'bar'
    ? pptx.ChartType.bar
    : pptx.ChartType.line, pptxData(chart), {
    ...chart.options,
    ...plotOptions(plot),
    ...place,
  } as PptxGenJS.IChartOpts)
}

/** pptxgenjs's chart data: one entry per series, each point at the low end of its figure. */
export function pptxData(chart: NativeChart) {
  return chart.series.map(s => ({
    name: s.name,
    labels: s.categories,
    values: s.points.map(p => p.value),
  }))
}
