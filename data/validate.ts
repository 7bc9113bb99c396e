/**
 * Checks the figures module. Runs in the tests, and in vite.config.ts whenever the deck is
 * served, built or exported, so a malformed figure stops the deck instead of drawing a wrong chart.
 * Every message starts with the figure id and the rule it broke.
 */
import type { Fact, Figure, Qualifier, Unit, Value } from './types.ts'
import { numbersIn, numberTokens, QUALIFIER_FAMILY } from './numbers.ts'
import { SOURCES } from './sources.ts'
import { statedNumbers } from './value.ts'

export class FigureValidationError extends Error {
  constructor(public readonly problems: readonly Problem[]) {
    super(`Figures module is invalid (${problems.length} problem${problems.length === 1
      ? ''
      : 's'}):\n${problems.map(p => `  - ${formatProblem(p)}`).join('\n')}`)
    this.name = 'FigureValidationError'
  }
}

export interface Problem {
  id: string
  rule: Rule
  detail: string
}

export type Rule
  = | 'id-format'
    | 'duplicate-id'
    | 'label-missing'
    | 'unit-unknown'
    | 'value-not-number'
    | 'range-order'
    | 'unit-range'
    | 'source-unknown'
    | 'locator-missing'
    | 'quote-missing'
    | 'value-not-in-quote'
    | 'text-not-in-quote'
    | 'derivation-input-unknown'
    | 'derivation-mismatch'
    | 'qualifier-mismatch'
    | 'correction-unknown'
    | 'consistency'

export function formatProblem(p: Problem): string {
  return `figure "${p.id}" breaks rule ${p.rule}: ${p.detail}`
}

/** A relation the report states between figures. */
export interface ConsistencyRule {
  name: string
  ids: readonly string[]
  holds: (values: readonly number[]) => boolean
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)

export const CONSISTENCY_RULES: readonly ConsistencyRule[] = [
  {
    name: 'planning shares of person and Claude must sum to 100',
    ids: ['decisions.planning.user', 'decisions.planning.claude'],
    holds: v => sum(v) === 100,
  },
  {
    name: 'execution shares of person and Claude must sum to 100',
    ids: ['decisions.execution.user', 'decisions.execution.claude'],
    holds: v => sum(v) === 100,
  },
  {
    name: 'the code work modes (building, fixing, testing and orchestrating) must sum to the stated code share',
    ids: [
      'modes.code',
      'modes.building',
      'modes.fixing',
      'modes.testingOrchestrating',
    ],
    holds: ([total, ...parts]) => sum(parts) === total,
  },
  {
    name: 'the work-mode groups must sum to 100',
    ids: [
      'modes.building',
      'modes.fixing',
      'modes.testingOrchestrating',
      'modes.operating',
      'modes.planningUnderstanding',
      'modes.analysisProse',
    ],
    holds: v => sum(v) === 100,
  },
  {
    name: 'the fixing share must fall from October to April by “nearly half” (between 35% and 50%)',
    ids: ['shift.fixing.oct', 'shift.fixing.apr'],
    holds: ([oct, apr]) => (oct - apr) / oct >= 0.35 && (oct - apr) / oct < 0.5,
  },
  {
    name: 'writing and analysis must “roughly double” from October to April',
    ids: ['shift.writingAnalysis.oct', 'shift.writingAnalysis.apr'],
    holds: ([oct, apr]) => apr / oct >= 1.8 && apr / oct <= 2.2,
  },
  {
    name: 'expert actions per prompt must be “more than twice” the novice figure',
    ids: ['expertise.expert.actions', 'expertise.novice.actions'],
    holds: ([e, n]) => e > 2 * n,
  },
  {
    name: 'novice verified success must be below the intermediate-and-up range',
    ids: ['success.novice.verified', 'success.intermediatePlus.verified'],
    holds: ([novice, interLo]) => novice < interLo,
  },
  {
    name: 'the expert-rated verified rate in trouble (rises “from 4% … to 15%”) must exceed the novice rate',
    ids: ['trouble.novice.verified', 'trouble.expert.verified'],
    holds: ([n, e]) => e > n,
  },
  {
    name: 'the software-vs-other gap in code-producing partial success must be within the stated seven points',
    ids: ['occupation.software.partialCode', 'occupation.other.partialCode', 'occupation.maxGap'],
    holds: ([s, o, max]) => Math.abs(s - o) <= max,
  },
]

/** Valid values for each unit. */
export const UNIT_RULES: Record<Unit, { min: number, max: number, integer?: boolean }> = {
  percent: { min: 0, max: 100 },
  percentChange: { min: -100, max: 1000 },
  percentagePoints: { min: -100, max: 100 },
  sessions: { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true },
  people: { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true },
  repositories: { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true },
  months: { min: 0, max: 120 },
  turns: { min: 0, max: 10_000 },
  actions: { min: 0, max: 100_000 },
  words: { min: 0, max: 10_000_000 },
  hoursPerWeek: { min: 0, max: 168 },
  oneIn: { min: 1, max: Number.MAX_SAFE_INTEGER },
  multiple: { min: 0, max: 1000 },
  pValue: { min: 0, max: 1 },
  count: { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true },
}

const ID_PATTERN = /^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)*$/

export { numbersIn }

function isRange(v: unknown): v is readonly [number, number] {
  return Array.isArray(v) && v.length === 2
}

export function validateFigures(
  figures: readonly Figure[],
  facts: readonly Fact[] = [],
  consistency: readonly ConsistencyRule[] = CONSISTENCY_RULES,
): Problem[] {
  const problems: Problem[] = []
  const add = (id: string, rule: Rule, detail: string) => problems.push({ id, rule, detail })
  const byId = new Map<string, Figure>()
  const seen = new Set<string>()

  for (const f of [
    ...figures,
    ...facts,
  ]) {
    const id = String(f.id ?? '(no id)')
    if (!ID_PATTERN.test(id))
      add(id, 'id-format', 'ids are letters separated by dots, with no digits, so slides can name them without typing a number')
    if (seen.has(id))
      add(id, 'duplicate-id', 'the id is used more than once')
    seen.add(id)
    if (!f.label || !String(f.label).trim())
      add(id, 'label-missing', 'a board-readable label is required')
    const src = f.source
    if (!src || !(src.doc in SOURCES))
      add(id, 'source-unknown', `source "${src?.doc}" is not in data/sources.ts`)
    if (!src?.locator?.trim())
      add(id, 'locator-missing', 'say where in the source the number is (section, figure or footnote)')
    if (!src?.quote?.trim())
      add(id, 'quote-missing', 'a verbatim quote that states the value is required')
  }

  for (const f of figures) byId.set(f.id, f)

  for (const f of figures) {
    const rules = UNIT_RULES[f.unit]
    if (!rules) {
      add(f.id, 'unit-unknown', `unit "${f.unit}" is not one of ${Object.keys(UNIT_RULES).join(', ')}`)
      continue
    }
    const v: unknown = f.value
    if (!(typeof v === 'number' || isRange(v)) || !statedNumbers(v as Value).every(n => typeof n === 'number' && Number.isFinite(n))) {
      add(f.id, 'value-not-number', `value ${JSON.stringify(v)} is not a finite number or a [lo, hi] range`)
      continue
    }
    const ends = statedNumbers(f.value)
    if (isRange(f.value) && f.value[0] > f.value[1])
      add(f.id, 'range-order', `range [${f.value[0]}, ${f.value[1]}] has lo > hi`)
    for (const n of ends) {
      if (n < rules.min || n > rules.max)
        add(f.id, 'unit-range', `${n} is outside ${rules.min}…${rules.max} for unit ${f.unit}`)
      else if (rules.integer && !Number.isInteger(n))
        add(f.id, 'unit-range', `${n} is not a whole number, as unit ${f.unit} requires`)
    }

    if (f.derivation) {
      const missing = f.derivation.inputs.filter(i => !byId.has(i))
      if (missing.length) {
        add(f.id, 'derivation-input-unknown', `inputs not found: ${missing.join(', ')}`)
      }
      else {
        const inputs = f.derivation.inputs.map(i => statedNumbers(byId.get(i)!.value)[0])
        const expected = round(f.derivation.compute(inputs), f.derivation.decimals)
        if (expected !== f.value)
          add(f.id, 'derivation-mismatch', `stored ${f.value} but ${f.derivation.formula} gives ${expected}`)
        const wanted = derivedQualifier(f.derivation.inputs.map(i => byId.get(i)!))
        if (wanted === undefined) {
          add(f.id, 'qualifier-mismatch', `an input is bounded on one side (${f.derivation.inputs.map(i => `${i}: ${show(byId.get(i)!.qualifier)}`).join(', ')}), so no qualifier for the result follows`)
        }
        else if (wanted !== (f.qualifier ?? null)) {
          add(f.id, 'qualifier-mismatch', `qualifier ${show(f.qualifier)} but a figure computed from ${f.derivation.inputs.map(i => `${i} (${show(byId.get(i)!.qualifier)})`).join(' and ')} must be ${show(wanted)}`)
        }
      }
    }
    else if (f.source?.quote) {
      const stated = numbersIn(f.source.quote)
      const absent = ends.filter(n => !stated.includes(n))
      if (absent.length) {
        add(f.id, 'value-not-in-quote', `${absent.join(' and ')} does not appear in the quote “${f.source.quote}”`)
      }
      else {
        // The words next to the number in the quote decide the qualifier: "~400,000" is "about", "(12 actions)" is none.
        const found = numberTokens(f.source.quote).filter(t => t.value === ends[0])
        if (!found.some(t => t.qualifier === (f.qualifier ?? null))) {
          const words = found.map(t => `“${t.context}” (${show(t.qualifier)})`).join(', ')
          add(f.id, 'qualifier-mismatch', `qualifier ${show(f.qualifier)} but the quote says ${words}`)
        }
      }
    }

    for (const c of f.correctedBy ?? []) {
      if (!byId.has(c))
        add(f.id, 'correction-unknown', `correctedBy names unknown figure "${c}"`)
    }
  }

  for (const fact of facts) {
    if (fact.source?.quote && !fact.source.quote.includes(fact.text))
      add(fact.id, 'text-not-in-quote', `“${fact.text}” does not appear in its quote`)
  }

  for (const rule of consistency) {
    const missing = rule.ids.filter(i => !byId.has(i))
    if (missing.length) {
      add(missing[0], 'consistency', `${rule.name}: figure not found`)
      continue
    }
    const values = rule.ids.map(i => statedNumbers(byId.get(i)!.value)[0])
    if (!rule.holds(values))
      add(rule.ids[0], 'consistency', `${rule.name} (${rule.ids.map((i, k) => `${i}=${values[k]}`).join(', ')})`)
  }
  return problems
}

function show(q: Qualifier | null | undefined) {
  return q
    ? `"${q}"`
    : 'none'
}

/**
 * A figure computed from others is as exact as its inputs: "about" if any input is approximate,
 * none if all are exact. Undefined when an input is bounded on one side ("more than"): no honest
 * qualifier follows, and the validator says so.
 */
export function derivedQualifier(inputs: readonly Figure[]): Qualifier | null | undefined {
  const qs = inputs.map(i => i.qualifier ?? null)
  if (qs.every(q => q === null))
    return null
  if (qs.every(q => q === null || QUALIFIER_FAMILY[q] === 'approximately'))
    return 'about'
  return undefined
}

/** Throws one error listing every problem, each naming its figure and rule. */
export function assertValidFigures(figures: readonly Figure[], facts: readonly Fact[] = []): void {
  const problems = validateFigures(figures, facts)
  if (problems.length)
    throw new FigureValidationError(problems)
}

export function round(n: number, decimals: number): number {
  const k = 10 ** decimals
  return Math.round(n * k) / k
}
