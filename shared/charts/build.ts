/**
 * Pure functions from a chart spec (data/charts.ts) and the figures module: a figure's data label, a split
 * chart's series, the accessible data table, the alternative text and the source line. Unit-tested without a browser.
 */
import type { FactId, Figure, FigureId, SourceId } from '../../data'
import type { ChartId, ChartSpec, SplitBarSpec } from '../../data/charts'
import { fact, figure, formatFigure, formatWithUnit, shortName } from '../../data'
import { CHARTS } from '../../data/charts'
import { ends } from '../../data/value'
import { CHART_ATTR } from '../dom-hooks'

const SHORT_QUALIFIER: Record<string, string> = {
  'about': '~',
  'around': '~',
  'roughly': '~',
  'more than': '>',
  'over': '>',
  'nearly': '~',
  'less than': '<',
  'within': '≤',
}

/** A figure as a data label: "~70%", "28–33%", ">90%". The qualifier is kept, in short form. */
export function chartLabel(f: Figure): string {
  const text = formatWithUnit(f)
  return f.qualifier && f.unit !== 'pValue'
    ? `${SHORT_QUALIFIER[f.qualifier] ?? ''}${text}`
    : text
}

/** A figure's value, or the low or high end of its range. */
export const lo = (f: Figure): number => ends(f.value)[0]
export const hi = (f: Figure): number => ends(f.value)[1]
/**
 * A split chart's series: one per part name (person, Claude), with that part of every row. Refuses a
 * row that lacks a part, naming the chart and the row. Shared by chart.js and the PowerPoint export.
 */
export function splitSeries(spec: SplitBarSpec): { name: string, parts: SplitBarSpec['rows'][number]['parts'][number][] }[] {
  const names = [
    ...new Set(spec.rows.flatMap(r => r.parts.map(p => p.name))),
  ]
  return names.map(name => ({
    name,
    parts: spec.rows.map((r) => {
      const part = r.parts.find(p => p.name === name)
      if (!part)
        throw new Error(`Chart "${spec.title}": row "${r.label}" has no part "${name}"`)
      return part
    }),
  }))
}

/** Every figure id a chart draws. */
export function figureIdsOf(spec: ChartSpec): FigureId[] {
  if (spec.kind === 'bar')
    return spec.series.flatMap(s => [...s.figures])
  if (spec.kind === 'split')
    return spec.rows.flatMap(r => r.parts.map(p => p.figure))
  return spec.lines.flatMap(l => [l.from, l.to])
}

/**
 * The accessible table behind a chart, and what the PDF text carries: one row per bar or point, named
 * as the chart names it (category, then series) with the figure's full reading. Naming rows by the
 * chart's own labels, not the figure's, is what lets tests/claims catch a bar bound to the wrong figure.
 */
export function tableRows(spec: ChartSpec): { label: string, value: string }[] {
  const row = (name: string, id: FigureId) => ({
    label: name,
    value: formatFigure(figure(id)),
  })
  const text = (c: string | readonly string[]) => (typeof c === 'string'
    ? c
    : c.join(' '))
  if (spec.kind === 'bar') {
    const many = spec.series.length > 1
    return spec.series.flatMap(s => s.figures.map((id, i) => row(many
      ? `${text(spec.categories[i])}, ${s.name}`
      : text(spec.categories[i]), id)))
  }
  if (spec.kind === 'split')
    return spec.rows.flatMap(r => r.parts.map(p => row(`${r.label}, ${p.name}`, p.figure)))
  return spec.lines.flatMap(l => [
    row(`${l.name}, ${spec.fromLabel}`, l.from),
    row(`${l.name}, ${spec.toLabel}`, l.to),
  ])
}

/**
 * A chart's alternative text: its title and every value it draws, as its data table reads
 * ("Share of sessions that succeed, by rated expertise: Novice, 15%; Expert, 33%."). On the canvas as its
 * aria-label, so Chromium's tagged PDF gives the chart's Figure an /Alt a screen reader can read out.
 */
export function chartAlt(title: string, rows: readonly { label: string, value: string }[]): string {
  return `${title}: ${rows.map(r => `${r.label}, ${r.value}`).join('; ')}.`
}

/**
 * What a chart's frame (components/charts/ChartFrame.vue) shows around the canvas, for a deck chart and a
 * scorecard chart alike: the attribute it is found by, its alternative text, and its data table.
 */
export interface ChartFrameContent {
  /** The figure's hook attribute (shared/dom-hooks.ts) and its value, the chart's id. */
  hook: { attr: string, id: string }
  /** The figure's class: its parts are named after it. */
  className: string
  title: string
  alt: string
  /** The data table's id, before the instance's suffix. */
  tableId: string
  /** Column heads, the first over the row names; none: rows of a name and one value. */
  head?: string[]
  /** A row with one cell under several heads spans them. */
  rows: { label: string, cells: string[] }[]
  source?: string
  footnote?: string
}

/** A deck chart's frame: its title, its table of values, its source line and any footnote. */
export function deckChartFrame(id: ChartId): ChartFrameContent {
  const spec: ChartSpec = CHARTS[id]
  const rows = tableRows(spec)
  return {
    hook: { attr: CHART_ATTR, id },
    className: 'deck-chart',
    title: spec.title,
    alt: chartAlt(spec.title, rows),
    tableId: `chart-data-${id}`,
    rows: rows.map(r => ({
      label: r.label,
      cells: [r.value],
    })),
    source: sourceLine(spec),
    footnote: 'footnote' in spec
      ? spec.footnote
      : undefined,
  }
}

/** What a source line cites: a figure, or a fact written "fact:<id>". */
export type SourceItemId = FigureId | `fact:${FactId}`

/**
 * "Source: Anthropic, … (2026): Figure 5; The returns to expertise." Built from the cited items' own
 * locators, grouped by document. An id written "fact:x" names a fact rather than a figure.
 */
export function sourceLineFor(ids: readonly SourceItemId[]): string {
  const byDoc = new Map<SourceId, Set<string>>()
  for (const id of ids) {
    const item = id.startsWith('fact:')
      ? fact(id.slice('fact:'.length) as FactId)
      : figure(id as FigureId)
    const set = byDoc.get(item.source.doc) ?? new Set<string>()
    set.add(item.source.locator)
    byDoc.set(item.source.doc, set)
  }
  return `Source: ${[...byDoc].map(([doc, locs]) => `${shortName(doc)}: ${mergeLocators([...locs]).join('; ')}`).join(' · ')}`
}

/** The source line under a chart: the documents and locators of the figures it draws. */
export function sourceLine(spec: ChartSpec): string {
  return sourceLineFor(figureIdsOf(spec))
}

/**
 * Pushes label positions apart so no two are closer than `minGap` (pixels), keeping their order
 * and their centre of mass. Used for the end labels of slope charts, where lines meet.
 */
export function spreadLabels(ys: readonly number[], minGap: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y)
  const placed = order.map(o => o.y)
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k], placed[k - 1] + minGap)
  const shift = (order.reduce((s, o) => s + o.y, 0) - placed.reduce((s, y) => s + y, 0)) / placed.length
  const out = Array.from<number>({ length: ys.length })
  order.forEach((o, k) => (out[o.i] = placed[k] + shift))
  return out
}

/** Drops a locator that another one already contains ("The work" beside "The work, Figure 4"). */
export function mergeLocators(locators: readonly string[]): string[] {
  const unique = [
    ...new Set(locators),
  ]
  return unique.filter(l => !unique.some(o => o !== l && o.startsWith(`${l},`)))
}
