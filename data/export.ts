/** The figures as downloadable data (figures.json, figures.csv), written next to the built site. */
import { FIGURES, citation, figure, type Figure } from './index'
import { workedFormula } from './format'

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
  /** For a figure computed from others (the quote then states its inputs, not it): the input ids. */
  derivedFrom: string[] | null
  /** The computation, by id and with the inputs' values: "expertise.expert.actions ÷ expertise.novice.actions = 12 ÷ 5". */
  formula: string | null
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
    derivedFrom: f.derivation ? [...f.derivation.inputs] : null,
    formula: f.derivation ? `${f.derivation.formula} = ${workedFormula(f, figure)}` : null,
  }))
}

const COLUMNS: (keyof FigureRow)[] = ['id', 'label', 'value', 'lo', 'hi', 'unit', 'qualifier', 'source', 'locator', 'quote', 'derivedFrom', 'formula']
const HEADERS: Record<string, string> = { derivedFrom: 'derived_from' }

/** RFC 4180 CSV: every field quoted, quotes doubled, CRLF line ends. */
export function toCsv(rows: readonly FigureRow[]): string {
  // A list (derived_from) is written space-separated: ids never contain spaces.
  const cell = (v: unknown) => `"${v === null || v === undefined ? '' : (Array.isArray(v) ? v.join(' ') : String(v)).replace(/"/g, '""')}"`
  return [COLUMNS.map((c) => HEADERS[c] ?? c).join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n'
}

export function toJson(rows: readonly FigureRow[]): string {
  return JSON.stringify({ generatedFrom: 'data/figures.ts', figures: rows }, null, 2) + '\n'
}
