/** The figures as downloadable data (figures.json, figures.csv), written next to the built site. */
import { FIGURES, citation, type Figure } from './index'

export interface FigureRow {
  id: string
  label: string
  value: number | null
  lo: number | null
  hi: number | null
  unit: string
  qualifier: string
  source: string
  locator: string
  quote: string
}

export function figureRows(figures: readonly Figure[] = FIGURES): FigureRow[] {
  return figures.map((f) => ({
    id: f.id,
    label: f.label,
    value: typeof f.value === 'number' ? f.value : null,
    lo: typeof f.value === 'number' ? null : f.value[0],
    hi: typeof f.value === 'number' ? null : f.value[1],
    unit: f.unit,
    qualifier: f.qualifier ?? '',
    source: citation(f.source.doc),
    locator: f.source.locator,
    quote: f.source.quote,
  }))
}

const COLUMNS: (keyof FigureRow)[] = ['id', 'label', 'value', 'lo', 'hi', 'unit', 'qualifier', 'source', 'locator', 'quote']

/** RFC 4180 CSV: every field quoted, quotes doubled, CRLF line ends. */
export function toCsv(rows: readonly FigureRow[]): string {
  const cell = (v: unknown) => `"${v === null || v === undefined ? '' : String(v).replace(/"/g, '""')}"`
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n'
}

export function toJson(rows: readonly FigureRow[]): string {
  return JSON.stringify({ generatedFrom: 'data/figures.ts', figures: rows }, null, 2) + '\n'
}
