/**
 * Our own measures, as the scorecard slides show them: each one's definition (written once) and how it is
 * worked out from a quarter file's sums (data/scorecard.ts holds the files' schema and checks).
 */
import type { FunctionAggregate, Provenance, QuarterFile } from './scorecard.ts'
import { formatCurrency, formatDecimal, formatWhole } from './format.ts'
import { COUNTS, daysCovered, OTHER_FUNCTION } from './scorecard.ts'

export type MeasureId = 'activePeople' | 'sessionsPerPersonPerWeek' | 'commitOrPrShare' | 'editAcceptance' | 'costPerPersonPerMonth' | 'costPerSession'

export interface Measure {
  id: MeasureId
  name: string
  /** What it counts, in the words the slide shows under it. */
  definition: string
  /** How the value is shown: a share, a count, a rate or money. */
  format: 'count' | 'decimal' | 'percent' | 'money'
  /** Set for measures that stand in for something the API cannot count. */
  proxyCaveat?: string
}

export const MEASURES: Readonly<Record<MeasureId, Measure>> = {
  activePeople: {
    id: 'activePeople',
    name: 'Active people',
    definition: 'People with at least one Claude Code session in the quarter.',
    format: 'count',
  },
  sessionsPerPersonPerWeek: {
    id: 'sessionsPerPersonPerWeek',
    name: 'Sessions per person per week',
    definition: 'Claude Code sessions ÷ active people ÷ weeks covered.',
    format: 'decimal',
  },
  commitOrPrShare: {
    id: 'commitOrPrShare',
    name: 'Sessions with a commit or pull request',
    definition: 'Share of sessions run on days when Claude Code made at least one commit or pull request for that person.',
    format: 'percent',
    proxyCaveat:
      'A proxy, not the study’s measure: the API counts per person per day, so this is an upper bound on sessions that ended in a commit or pull request, and the study’s “verified success” also counts passing tests and explicit confirmation.',
  },
  editAcceptance: {
    id: 'editAcceptance',
    name: 'Edit acceptance rate',
    definition: 'Accepted ÷ (accepted + rejected) changes to files that the agent proposed.',
    format: 'percent',
  },
  costPerPersonPerMonth: {
    id: 'costPerPersonPerMonth',
    name: 'Estimated cost per active person per month',
    definition: 'The API’s estimated cost ÷ active people ÷ months covered (days × 12 ÷ 365).',
    format: 'money',
  },
  costPerSession: {
    id: 'costPerSession',
    name: 'Estimated cost per session',
    definition: 'The API’s estimated cost ÷ sessions.',
    format: 'money',
  },
}

export type Totals = Omit<FunctionAggregate, 'function'>

/** A function's counts, all at zero. */
export const zeroCounts = (): Totals => Object.fromEntries(COUNTS.map(k => [k, 0])) as Totals

/** All functions of a quarter added up. */
export function totalOf(q: QuarterFile): Totals {
  const t = zeroCounts()
  for (const f of q.functions) {
    for (const k of COUNTS) t[k] += f[k]
  }
  return t
}

/** A measure's value for one function (or the total) of a quarter; null where it has no denominator. */
export function measureValue(id: MeasureId, row: Totals, period: Pick<Provenance, 'from' | 'to'>): number | null {
  const days = daysCovered(period)
  const ratio = (a: number, b: number) => (b > 0
    ? a / b
    : null)
  switch (id) {
    case 'activePeople':
      return row.activePeople
    case 'sessionsPerPersonPerWeek':
      return ratio(row.sessions, row.activePeople * (days / 7))
    case 'commitOrPrShare':
      return ratio(100 * row.sessionsOnCommitOrPrDays, row.sessions)
    case 'editAcceptance':
      return ratio(100 * row.editsAccepted, row.editsAccepted + row.editsRejected)
    case 'costPerPersonPerMonth':
      return ratio(row.estimatedCostMinor / 100, row.activePeople * ((days * 12) / 365))
    case 'costPerSession':
      return ratio(row.estimatedCostMinor / 100, row.sessions)
  }
}

/** A measure as the slide writes it: "62%", "4.3", "$182", "1,204". */
export function formatMeasure(id: MeasureId, value: number | null, currency = 'USD'): string {
  if (value === null)
    return '–'
  switch (MEASURES[id].format) {
    case 'count':
      return formatWhole(value)
    case 'decimal':
      return formatDecimal(value)
    case 'percent':
      return `${Math.round(value)}%`
    case 'money':
      // Cents only under ten ("$4.20"); whole units above ("$182").
      return formatCurrency(value, currency, {
        cents: value < 10
          ? 'always'
          : 'never',
      })
  }
}

/** The names of every function in any quarter, in a stable order: largest first, "Other" last. */
export function functionNames(quarters: readonly QuarterFile[]): string[] {
  const size = new Map<string, number>()
  for (const q of quarters) {
    for (const f of q.functions) size.set(f.function, Math.max(size.get(f.function) ?? 0, f.activePeople))
  }
  return [
    ...size.keys(),
  ].sort((a, b) => (a === OTHER_FUNCTION
    ? 1
    : b === OTHER_FUNCTION
      ? -1
      : size.get(b)! - size.get(a)! || a.localeCompare(b)))
}

/** One measure for every function and quarter: rows are functions, one value per quarter (null where the function had no row). */
export function measureTable(id: MeasureId, quarters: readonly QuarterFile[]): { function: string, values: (number | null)[] }[] {
  const rows = functionNames(quarters).map(name => ({
    function: name,
    values: quarters.map((q) => {
      const f = q.functions.find(x => x.function === name)
      return f
        ? measureValue(id, f, q.provenance)
        : null
    }),
  }))
  rows.push({
    function: 'All',
    values: quarters.map(q => measureValue(id, totalOf(q), q.provenance)),
  })
  return rows
}

/** What the what-if slide starts from when we have our own measures: the latest quarter's. */
export function measuredScenarioStart(quarters: readonly QuarterFile[]): { quarter: string, people: number, sessionsPerPerson: number, measuredSessionsPerPerson: number } | null {
  const q = quarters.at(-1)
  if (!q)
    return null
  const t = totalOf(q)
  const spp = measureValue('sessionsPerPersonPerWeek', t, q.provenance) ?? 0
  // The what-if field takes whole sessions; the slide says what was measured.
  return {
    quarter: q.quarter,
    people: t.activePeople,
    sessionsPerPerson: Math.round(spp),
    measuredSessionsPerPerson: spp,
  }
}

/** The first quarter the board will see measured; the CEO's office moves it if the rollout starts later. */
export const FIRST_READING_QUARTER = '2026-Q4'
