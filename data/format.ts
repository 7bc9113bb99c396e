/** How a figure reads on a slide. Slides and charts format numbers only through here. */
import type { Figure, FigureId, Value } from './types'

const fmtNumber = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 3 })

// Every number the deck writes is formatted here: the figures below, and our own measures, the what-if
// and the plan through these.

/** A whole number with thousands separators: "1,204". */
export const formatWhole = (n: number): string => Math.round(n).toLocaleString('en-US')

/**
 * A whole number to two significant figures ("1,700", "94", "8"): for outputs computed from rounded rates and
 * assumptions, where more digits would claim a precision the inputs do not have.
 */
export function formatRounded(n: number): string {
  if (n === 0 || Math.abs(n) < 10)
    return formatWhole(n)
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(n))) - 1)
  return formatWhole(Math.round(n / scale) * scale)
}

/** One decimal place: "4.3". */
export const formatDecimal = (n: number): string => n.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })

/**
 * Money. `cents`: 'never' ("$182"), 'always' ("$4.20") or 'if-any' ("$50", "$2.50", for axis ticks).
 * `named`: British style with the currency named ("US$180,000"), as the plan writes its caps.
 */
export function formatCurrency(amount: number, currency: string, { cents = 'never', named = false }: { cents?: 'never' | 'always' | 'if-any', named?: boolean } = {}): string {
  const min = cents === 'always' || (cents === 'if-any' && !Number.isInteger(amount))
    ? 2
    : 0
  const max = cents === 'never'
    ? 0
    : 2
  return new Intl.NumberFormat(named ? 'en-GB' : 'en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: min,
    maximumFractionDigits: max,
  }).format(amount)
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** A day, YYYY-MM-DD (or the day of an ISO date and time): "3 December 2026". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  return `${d} ${MONTHS[m - 1]} ${y}`
}

/** An instant, as an ISO date and time: "3 October 2026, 14:05 UTC" (UTC, so every reader sees the same words). */
export function formatDateTime(iso: string): string {
  const t = new Date(iso)
  if (Number.isNaN(t.getTime()))
    return iso
  const day = t.toISOString().slice(0, 10)
  return `${formatDate(day)}, ${t.toISOString().slice(11, 16)} UTC`
}

/** The bare number(s): "70", "28–33", "400,000". */
export function formatNumber(v: Value): string {
  return typeof v === 'number'
    ? fmtNumber(v)
    : `${fmtNumber(v[0])}–${fmtNumber(v[1])}`
}

/** The number with its unit: "70%", "+27%", "1 in 270", "3,200 words". */
export function formatWithUnit(f: Pick<Figure, 'value' | 'unit'>): string {
  const n = formatNumber(f.value)
  switch (f.unit) {
    case 'percent':
      return `${n}%`
    case 'percentChange': {
      const first = typeof f.value === 'number'
        ? f.value
        : f.value[0]
      return first < 0
        ? `−${formatNumber(typeof f.value === 'number'
          ? -f.value
          : [-f.value[0], -f.value[1]])}%`
        : `+${n}%`
    }
    case 'percentagePoints':
      return `${n} percentage points`
    case 'oneIn':
      return `1 in ${n}`
    case 'multiple':
      return `${n}×`
    case 'pValue':
      return `p < ${n}`
    case 'months':
      return `${n} months`
    case 'turns':
      return `${n} turns`
    case 'actions':
      return `${n} actions`
    case 'words':
      return `${n} words`
    case 'hoursPerWeek':
      return `${n} hours a week`
    default:
      return n
  }
}

const UNDER_TEN = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
]

/**
 * House style for running text: a whole number under ten in words ("seven percentage points", "about eight
 * actions"), a multiple as the report writes it ("twice", "five times"). Shares, changes and p-values keep
 * their digits. Undefined where the number stays in digits.
 */
function inWords(f: Pick<Figure, 'value' | 'unit'>, unit: boolean): string | undefined {
  const v = f.value
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 2 || v > 9)
    return undefined
  if (f.unit === 'multiple') {
    return v === 2
      ? 'twice'
      : `${UNDER_TEN[v]} times`
  }
  if ([
    'percent',
    'percentChange',
    'pValue',
    'oneIn',
  ].includes(f.unit)) {
    return undefined
  }
  return unit
    ? formatWithUnit(f).replace(String(v), UNDER_TEN[v])
    : UNDER_TEN[v]
}

/** A whole number under ten in words ("four"), larger ones in digits: for counts in running text. */
export function wholeInWords(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < 10
    ? UNDER_TEN[n]
    : formatWhole(n)
}

/** A fraction (0.026) as percentage points or a percentage with one decimal ("2.6"), with a true minus sign. */
export function formatPoints(fraction: number): string {
  return formatDecimal(fraction * 100).replace(/^-/, '−')
}

/** The full reading, qualifier kept: "about 70%", "more than 90%", "p < 0.001". `prose` applies the house style for running text. */
export function formatFigure(
  f: Pick<Figure, 'value' | 'unit' | 'qualifier'>,
  opts: { qualifier?: boolean, unit?: boolean, sign?: boolean, prose?: boolean } = {},
): string {
  const withQualifier = opts.qualifier ?? true
  let text = (opts.prose && inWords(f, opts.unit !== false)) || (opts.unit === false
    ? formatNumber(f.value)
    : formatWithUnit(f))
  // "rose 27%" reads better than "rose +27%" where the verb already gives the direction.
  if (opts.sign === false && f.unit === 'percentChange')
    text = text.replace(/^[+−]/, '')
  if (f.unit === 'pValue' || !withQualifier || !f.qualifier)
    return text
  return `${f.qualifier} ${text}`
}

/**
 * A derived figure's formula with its inputs' values written in: "12 ÷ 5", "(19 − 33) ÷ 33 × 100".
 * `valueOf` looks an input up by id (data/index.ts passes `figure`).
 */
export function workedFormula(f: Pick<Figure, 'id' | 'derivation'>, valueOf: (id: FigureId) => Pick<Figure, 'value'>): string {
  if (!f.derivation)
    throw new Error(`figure "${f.id}" is not derived, so it has no formula`)
  // Longest ids first, so "a.b" never replaces part of "a.b.c".
  const ids = [...f.derivation.inputs].sort((a, b) => b.length - a.length)
  return ids.reduce((text, id) => text.split(id).join(formatNumber(valueOf(id).value)), f.derivation.formula)
}
