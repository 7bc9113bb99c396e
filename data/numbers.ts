/**
 * Reading numbers out of prose, with the words that qualify them ("about 70%", "more than twice").
 * One reader for the figure quotes (validate.ts) and for the claims on the slides (tests/claims),
 * so a quote and a slide are held to the same idea of what a number and its qualifier are.
 */
import type { Qualifier } from './types'

/** Number words the report writes out. "one" is left out: it is a pronoun far more often than a count. */
const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
  twice: 2,
  double: 2,
  doubled: 2,
  doubles: 2,
  half: 0.5,
}

/** Words before a number, as the figures module names them. "~" and "approximately" read as "about". */
const QUALIFIER_WORDS: readonly [RegExp, Qualifier][] = [
  [/(?:~|≈)\s*$/, 'about'],
  [/\b(?:about|approximately)\s+$/i, 'about'],
  [/\baround\s+$/i, 'around'],
  [/\broughly\s+$/i, 'roughly'],
  [/\bmore than\s+$/i, 'more than'],
  [/(?:^|\s)>\s*$/, 'more than'],
  [/\bover\s+$/i, 'over'],
  [/\b(?:nearly|almost)\s+$/i, 'nearly'],
  [/\bless than\s+$/i, 'less than'],
  [/(?:^|\s)<\s*$/, 'less than'],
  [/\bwithin\s+$/i, 'within'],
  [/(?:^|\s)≤\s*$/, 'within'],
]

/** Joiners after which a number shares the qualifier of the one before: "from about 10% to 20%", "28-33%". */
const SHARED_QUALIFIER = /^\s*(?:%\s*)?(?:to|and|or|[,\-–]|, and)\s*$/i

export interface NumberToken {
  value: number
  /** The text as written: "2,400", "eight", "twice". */
  raw: string
  index: number
  qualifier: Qualifier | null
  /** The words the qualifier was read from, for error messages: "~400,000", "about eight". */
  context: string
}

const TOKEN = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[A-Z]+/gi

/** Every number in the text (digits and number words), each with the qualifier written before it. */
export function numberTokens(text: string): NumberToken[] {
  const out: NumberToken[] = []
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0]
    const isDigits = /\d/.test(raw)
    const value = isDigits
      ? Number(raw.replace(/,/g, ''))
      : NUMBER_WORDS[raw.toLowerCase()]
    if (value === undefined)
      continue
    const index = m.index!
    let qualifier = qualifierBefore(text, index, out[out.length - 1])
    // "over seven months" is a span of time (during), not "more than seven".
    if (qualifier === 'over' && /^\s+(?:days|weeks|months|quarters|years)\b/i.test(text.slice(index + raw.length)))
      qualifier = null
    out.push({
      value,
      raw,
      index,
      qualifier,
      context: contextOf(text, index, raw),
    })
  }
  return out
}

function qualifierBefore(text: string, index: number, previous: NumberToken | undefined): Qualifier | null {
  // A sign belongs to the number: "about +43%" is "about".
  let before = text.slice(Math.max(0, index - 24), index).replace(/[+−]$/, '')
  // "about 1 in 270": the qualifier sits before the "1 in".
  const oneIn = before.match(/\b1 in\s+$/)
  if (oneIn)
    before = before.slice(0, before.length - oneIn[0].length)
  for (const [pattern, q] of QUALIFIER_WORDS) {
    if (pattern.test(before))
      return q
  }
  if (previous) {
    const between = text.slice(previous.index + previous.raw.length, index)
    if (SHARED_QUALIFIER.test(between))
      return previous.qualifier
  }
  return null
}

function contextOf(text: string, index: number, raw: string): string {
  const start = text.lastIndexOf(' ', Math.max(0, index - 14))
  return text.slice(start < 0
    ? 0
    : start + 1, index + raw.length + 1).trim()
}

/** Every number a piece of text states: digits ("2,400", "0.001", "28-33") and number words ("seven", "doubled"). */
export function numbersIn(text: string): number[] {
  return numberTokens(text).map(t => t.value)
}

/**
 * How a qualifier may be written on a slide. A chart label shortens it ("~70%", ">90%"), so each
 * qualifier has a family; a slide claim and its source must be in the same family, or both have none.
 */
export const QUALIFIER_FAMILY: Record<Qualifier, 'approximately' | 'above' | 'below' | 'nearly' | 'within'> = {
  'about': 'approximately',
  'around': 'approximately',
  'roughly': 'approximately',
  'more than': 'above',
  'over': 'above',
  'nearly': 'nearly',
  'less than': 'below',
  'within': 'within',
}
