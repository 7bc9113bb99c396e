/** The figures as downloadable data (figures.json, figures.csv), written next to the built site. */
import type { Figure } from './index'
import type { Paper } from './paper'
import { workedFormula } from './format'
import { citation, figure, FIGURES } from './index'
import { PAPER } from './paper'

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
  return figures.map(f => ({
    id: f.id,
    label: f.label,
    value: typeof f.value === 'number'
      ? f.value
      : null,
    lo: typeof f.value === 'number'
      ? null
      : f.value[0],
    hi: typeof f.value === 'number'
      ? null
      : f.value[1],
    unit: f.unit,
    qualifier: f.qualifier ?? '',
    source: citation(f.source.doc),
    locator: f.source.locator,
    quote: f.source.quote,
    derivedFrom: f.derivation
      ? [...f.derivation.inputs]
      : null,
    formula: f.derivation
      ? `${f.derivation.formula} = ${workedFormula(f, figure)}`
      : null,
  }))
}

const COLUMNS: (keyof FigureRow)[] = [
  'id',
  'label',
  'value',
  'lo',
  'hi',
  'unit',
  'qualifier',
  'source',
  'locator',
  'quote',
  'derivedFrom',
  'formula',
]
const HEADERS: Record<string, string> = { derivedFrom: 'derived_from' }

/**
 * One CSV cell, quoted, quotes doubled. A text cell that a spreadsheet would read as a formula (it begins with
 * =, +, -, @, a tab or a carriage return) gets a leading apostrophe, as OWASP's CSV-injection guidance says; a
 * number is written as it is, so -5 stays the number -5. A list (derived_from) is written space-separated: ids
 * never contain spaces.
 */
export function csvCell(v: unknown): string {
  const text = v === null || v === undefined
    ? ''
    : typeof v === 'number'
      ? String(v)
      : Array.isArray(v)
        ? v.join(' ')
        : String(v)
  const safe = typeof v !== 'number' && /^[=+\-@\t\r]/.test(text)
    ? `'${text}`
    : text
  return `"${safe.replace(/"/g, '""')}"`
}

/** RFC 4180 CSV: every field quoted, quotes doubled, CRLF line ends; formula-like text defused (csvCell). */
export function toCsv(rows: readonly FigureRow[]): string {
  return `${[
    COLUMNS.map(c => HEADERS[c] ?? c).join(','),
    ...rows.map(r => COLUMNS.map(c => csvCell(r[c])).join(',')),
  ].join('\r\n')}\r\n`
}

/** figures.json: the rows, and which version of which paper they were issued with (data/paper.ts), and by which it is superseded. */
export function toJson(rows: readonly FigureRow[], paper: Pick<Paper, 'reference' | 'version' | 'status' | 'supersededBy'> = PAPER): string {
  return `${JSON.stringify({
    generatedFrom: 'data/figures.ts',
    // A superseded paper also says which version replaces it.
    paper: {
      reference: paper.reference,
      version: paper.version,
      status: paper.status,
      ...(paper.supersededBy === undefined
        ? {}
        : { supersededBy: paper.supersededBy }),
    },
    figures: rows,
  }, null, 2)}\n`
}
