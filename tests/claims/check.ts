/**
 * Holds the rendered claims to the register (data/claims.ts): every claim on a slide is
 * registered word for word, every registered claim is still on its slide, and every number in a
 * claim is stated, with the same kind of qualifier, by the passages registered beside it.
 */
import type { Figure, SourceId } from '../../data'
import type { Claim, ClaimsRegister, Passage } from '../../data/claims'
import type { NumberToken } from '../../data/numbers'
import type { RenderedSlide } from './render'
import { FIGURES } from '../../data'
import { numbersIn, numberTokens, QUALIFIER_FAMILY } from '../../data/numbers'
import { statedNumbers } from '../../data/value'

export type { Claim, ClaimsRegister, Passage, SlideClaims } from '../../data/claims'

export function passageText(p: Passage) {
  return typeof p === 'string'
    ? p
    : p.text
}
export function passageDoc(p: Passage): SourceId {
  return typeof p === 'string'
    ? 'report'
    : p.doc
}

/** A sentence is a claim when it states a number (digits, or a number word such as "half" or "seven"). */
export const isClaim = (sentence: string) => numberTokens(sentence).length > 0

export interface Problem {
  slide: string
  message: string
}

function where(s: RenderedSlide, part: 'slide' | 'notes') {
  return `slide ${s.no} “${s.title}”${part === 'notes'
    ? ' (speaker notes)'
    : ''}`
}

/** Rendered claims against the register, both ways. */
export function compareWithRegister(deck: readonly RenderedSlide[], register: ClaimsRegister): Problem[] {
  const problems: Problem[] = []
  const titles = new Set(deck.map(s => s.title))
  for (const title of Object.keys(register)) {
    if (!titles.has(title))
      problems.push({ slide: title, message: `the register has claims for a slide titled “${title}”, and no slide has that title` })
  }
  for (const s of deck) {
    for (const part of ['slide', 'notes'] as const) {
      const rendered = s[part].filter(isClaim)
      const registered = (register[s.title]?.[part] ?? []).map(c => c.text)
      for (const text of rendered.filter(t => !registered.includes(t))) {
        const near = nearest(text, registered.filter(r => !rendered.includes(r)))
        problems.push({
          slide: s.title,
          message: near
            ? `${where(s, part)} says “${text}”, but the register has “${near}”: ${difference(text, near)}`
            : `${where(s, part)} says “${text}”, which is not in the register: add it to data/claims.ts with the report passages that state its numbers`,
        })
      }
      for (const text of registered.filter(r => !rendered.includes(r))) {
        if (rendered.some(t => nearest(t, [text]) && !registered.includes(t)))
          continue // already reported as a difference
        problems.push({ slide: s.title, message: `${where(s, part)} no longer says “${text}”: remove it from the register` })
      }
    }
  }
  return problems
}

/** The registered claim most like `text` (most words in common), if any shares half its words. */
function nearest(text: string, candidates: readonly string[]): string | undefined {
  const words = (s: string) => new Set(s.toLowerCase().split(/\s+/))
  const mine = words(text)
  let best: string | undefined
  let bestScore = 0.5
  for (const c of candidates) {
    const theirs = words(c)
    const shared = [...mine].filter(w => theirs.has(w)).length
    const score = shared / Math.max(mine.size, theirs.size)
    if (score > bestScore)
      [best, bestScore] = [c, score]
  }
  return best
}

/** Where two sentences part: “14%” on the slide where the register has “33%”. */
export function difference(slide: string, register: string): string {
  const a = slide.split(' ')
  const b = register.split(' ')
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let end = 0
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++
  const said = a.slice(start, a.length - end).join(' ')
  const kept = b.slice(start, b.length - end).join(' ')
  return `the slide has “${said}” where the register has “${kept}”`
}

const byId = new Map<string, Figure>(FIGURES.map(f => [f.id, f]))
const family = (t: Pick<NumberToken, 'qualifier'>) => (t.qualifier ? QUALIFIER_FAMILY[t.qualifier] : 'none')

/**
 * Every number in the claim is in a passage with a qualifier of the same kind ("about 70%" needs
 * "about 70%" or "~70%", not "70%"), except the values of the derived figures it names, whose
 * inputs must be in the passages instead. Returns what is unsupported, in words.
 */
export function unsupported(claim: Claim): string[] {
  const out: string[] = []
  const stated = claim.passages.flatMap(p => numberTokens(passageText(p)))
  const derived = (claim.derived ?? []).map((id) => {
    const f = byId.get(id)
    if (!f?.derivation)
      throw new Error(`claim “${claim.text}” names "${id}" as derived, but that is not a derived figure in data/figures.ts`)
    return f
  })
  const exempt = new Set<number>()
  for (const f of derived) {
    for (const v of statedNumbers(f.value)) exempt.add(Math.abs(v))
    for (const c of numbersIn(f.derivation!.formula)) exempt.add(c) // constants such as the 100 in "100 − x"
    for (const input of f.derivation!.inputs) {
      const v = statedNumbers(byId.get(input)!.value)
      // A formula writes its inputs bare ("100 − 70"); their qualifiers are the derived figure's own.
      for (const n of v) exempt.add(n)
      const missing = v.filter(n => !stated.some(t => t.value === n))
      if (missing.length)
        out.push(`${missing.join(' and ')} (input ${input} of ${f.id}) is in none of the passages`)
    }
  }
  for (const t of numberTokens(claim.text)) {
    if (exempt.has(t.value))
      continue
    const same = stated.filter(s => s.value === t.value)
    if (!same.length) {
      out.push(`${t.raw} (“${t.context}”) is in none of the passages`)
    }
    else if (!same.some(s => family(s) === family(t))) {
      out.push(`“${t.context}” reads ${t.qualifier ?? 'exactly'}, but the passages say ${same.map(s => `“${s.context}”`).join(', ')}`)
    }
  }
  return out
}

/** True when the passage states at least one number of the claim, as the claim qualifies it, or an input of a derived figure it names. */
export function supportsSomething(claim: Claim, passage: Passage): boolean {
  const stated = numberTokens(passageText(passage))
  const inputs = (claim.derived ?? []).flatMap(id => byId.get(id)?.derivation?.inputs ?? []).flatMap(i => statedNumbers(byId.get(i)!.value))
  if (stated.some(s => inputs.includes(s.value)))
    return true
  return numberTokens(claim.text).some(t => stated.some(s => s.value === t.value && family(s) === family(t)))
}

// ── Strength: a sentence may not claim more than its passages ──────────────

/**
 * Words that carry strength, each with the words at least as strong that a passage may use instead.
 * Causal words: "decides" is supported by "decides" or a stronger causal word, never by "is linked to".
 * Absolute words: "every" by "every" or "all", "only" by "only".
 */
/** Each strength word in all its forms. */
const FORMS = {
  decides: 'decid(?:e|es|ed|ing)',
  determines: 'determin(?:e|es|ed|ing)',
  causes: 'caus(?:e|es|ed|ing)',
  drives: '(?:driv(?:e|es|ing)|driven|drove)',
  proves: 'prov(?:e|es|ed|en|ing)',
  ensures: 'ensur(?:e|es|ed|ing)',
  always: 'always',
  never: 'never',
  all: 'all',
  every: 'every',
  only: 'only',
} as const
type StrengthWord = keyof typeof FORMS
/** For each word, the words a passage may use instead: the same word or a stronger one. */
const AS_STRONG: Readonly<Record<StrengthWord, readonly StrengthWord[]>> = {
  decides: [
    'decides',
    'determines',
    'causes',
    'proves',
    'ensures',
  ],
  drives: [
    'drives',
    'determines',
    'causes',
    'proves',
  ],
  determines: [
    'determines',
    'causes',
    'proves',
    'ensures',
  ],
  causes: ['causes', 'proves'],
  proves: ['proves'],
  ensures: ['ensures'],
  always: ['always'],
  never: ['never'],
  all: ['all', 'every'],
  every: ['every', 'all'],
  only: ['only'],
}
const wordRe = (words: readonly StrengthWord[]) => new RegExp(`\\b(?:${words.map(w => FORMS[w]).join('|')})\\b`, 'i')
const STRENGTH = (Object.keys(FORMS) as StrengthWord[]).map(name => ({
  name,
  word: wordRe([name]),
  supportedBy: wordRe(AS_STRONG[name]),
}))
/** The causal words: a sentence anywhere on a slide that uses one must be in the register. */
export const CAUSAL = STRENGTH.filter(s => ![
  'always',
  'never',
  'all',
  'every',
  'only',
].includes(s.name))

/** The strength words a claim uses that none of its passages uses as strongly; empty when it holds. */
export function strengthProblems(claim: Pick<Claim, 'text' | 'passages'>): string[] {
  const passages = claim.passages.map(passageText)
  return STRENGTH.filter(s => s.word.test(claim.text) && !passages.some(p => s.supportedBy.test(p))).map(
    s => `“${claim.text}” says “${claim.text.match(s.word)![0]}”, but none of its passages uses that word or a stronger one: reword it as the report does`,
  )
}
