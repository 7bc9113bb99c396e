/**
 * Our own measures, quarter by quarter: the "We will measure" of the concern slides, from the
 * company's Claude Code analytics (scripts/scorecard/ imports them). Only aggregates by function
 * live here, never a person: data/scorecard/<quarter>.json, written by `npm run scorecard:import`.
 *
 * This module is pure (no file access), so the slides, the import script and the tests share it.
 * Each measure's definition is written once, in MEASURES, and shown with the measure.
 */
import { UserError } from './errors.ts'

/** Functions with fewer active people than this are merged into OTHER_FUNCTION at import. */
export const MIN_GROUP = 5
export const OTHER_FUNCTION = 'Other'

export interface FunctionAggregate {
  function: string
  /** People with at least one Claude Code session in the period. */
  activePeople: number
  sessions: number
  /** Sessions on person-days when Claude Code made at least one commit or pull request. */
  sessionsOnCommitOrPrDays: number
  commits: number
  pullRequests: number
  /** Edit, multi-edit, write and notebook-edit tool actions the person accepted or rejected. */
  editsAccepted: number
  editsRejected: number
  /** Estimated cost in minor currency units (cents for USD), as the API reports it. */
  estimatedCostMinor: number
}

export interface Provenance {
  source: string
  /** First and last day covered, inclusive, YYYY-MM-DD (UTC). */
  from: string
  to: string
  /** When the API pages were exported (fetch time, or the files' time when saved by hand). */
  exportedAt: string
  importedAt: string
  /** People (user actors) counted, across all functions. */
  peopleCovered: number
  /** People not in the people-to-function file: counted under "Other". */
  unmappedPeople: number
  /** Functions merged into "Other" because fewer than MIN_GROUP people were active in them. */
  mergedIntoOther: string[]
  /** Sessions run with API keys rather than by a person: kept out of the per-person measures. */
  apiKeySessions: number
  /**
   * Days from `from` to `to` that no export covered (no data was fetched for them), YYYY-MM-DD, in order.
   * Absent in files imported before it existed: read as none. The slides say which days; the rates leave them out.
   */
  missingDays?: string[]
}

export interface QuarterFile {
  quarter: string
  currency: string
  provenance: Provenance
  functions: FunctionAggregate[]
}

export interface Budget {
  /** Estimated cost per active person per month the CEO's office budgets for, in major units (dollars). */
  costPerActivePersonPerMonth: number
  currency: string
  setBy: string
  /** YYYY-MM-DD */
  setOn: string
}

export interface Scorecard {
  quarters: QuarterFile[]
  budget: Budget | null
}

export class ScorecardError extends UserError {
  constructor(problems: readonly string[]) {
    super(`Scorecard data is invalid (${problems.length} problem${problems.length === 1
      ? ''
      : 's'}):\n${problems.map(p => `  - ${p}`).join('\n')}`)
    this.name = 'ScorecardError'
  }
}

export const QUARTER = /^(\d{4})-Q([1-4])$/

/**
 * Whether a string is a real calendar day written YYYY-MM-DD (UTC): "2026-02-30" is not (Date.parse would read
 * it as 2 March), nor is "2026-08-18 garbage". The one check every day in the scorecard goes through.
 */
export function isUtcDay(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s))
    return false
  const [y, m, d] = s.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}
/** A function's counts, each a whole number ≥ 0. */
export const COUNTS = [
  'activePeople',
  'sessions',
  'sessionsOnCommitOrPrDays',
  'commits',
  'pullRequests',
  'editsAccepted',
  'editsRejected',
  'estimatedCostMinor',
] as const

/** A quarter's first and last day, YYYY-MM-DD. */
/** "2026-Q3" → "Q3 2026" */
export const quarterLabel = (q: string) => `${q.slice(5)} ${q.slice(0, 4)}`

export function quarterBounds(quarter: string): { from: string, to: string } {
  const m = QUARTER.exec(quarter)
  if (!m)
    throw new Error(`"${quarter}" is not a quarter (expected e.g. 2026-Q3)`)
  const year = Number(m[1])
  const q = Number(m[2])
  const from = new Date(Date.UTC(year, (q - 1) * 3, 1))
  const to = new Date(Date.UTC(year, q * 3, 0))
  return {
    from: from.toISOString().slice(0, 10),
    to: to.toISOString().slice(0, 10),
  }
}

/** The quarter a day falls in: "2026-07-14" → "2026-Q3". */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`
}

/** Days from `from` to `to`, both included, less the days no export covered: the rates are per day with data. */
export function daysCovered(p: Pick<Provenance, 'from' | 'to' | 'missingDays'>): number {
  return Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000) + 1 - (p.missingDays?.length ?? 0)
}

/** Days in order folded into runs of consecutive days: ["2026-08-12", "2026-08-13", "2026-08-20"] → [[12 Aug, 13 Aug], [20 Aug, 20 Aug]]. */
export function dayRuns(days: readonly string[]): [string, string][] {
  const runs: [string, string][] = []
  for (const d of days) {
    const last = runs.at(-1)
    if (last && Date.parse(`${d}T00:00:00Z`) - Date.parse(`${last[1]}T00:00:00Z`) === 86_400_000)
      last[1] = d
    else runs.push([d, d])
  }
  return runs
}

/** A whole number ≥ 0 held exactly (1e308 and 2^53 + 1 are not). */
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0

/**
 * Every problem with one quarter's file, each naming the file, the quarter and the field.
 * `file` is how the file is named in messages (its path).
 */
export function quarterProblems(json: unknown, file: string): string[] {
  const problems: string[] = []
  const q = json as Partial<QuarterFile> | null
  if (!q || typeof q !== 'object')
    return [`${file}: not a JSON object`]
  const where = `${file} (quarter ${typeof q.quarter === 'string'
    ? q.quarter
    : '?'})`
  const bad = (field: string, why: string) => problems.push(`${where}: field "${field}" ${why}`)
  if (typeof q.quarter !== 'string' || !QUARTER.test(q.quarter))
    bad('quarter', `must be like "2026-Q3", got ${JSON.stringify(q.quarter)}`)
  else if (!file.replace(/\\/g, '/').endsWith(`${q.quarter}.json`))
    bad('quarter', `is ${q.quarter}, but the file is named ${file.split(/[\\/]/).pop()}: name it ${q.quarter}.json`)
  if (typeof q.currency !== 'string' || !/^[A-Z]{3}$/.test(q.currency))
    bad('currency', `must be a three-letter code such as "USD", got ${JSON.stringify(q.currency)}`)
  const p = q.provenance as Partial<Provenance> | undefined
  if (!p || typeof p !== 'object') {
    bad('provenance', 'is missing')
  }
  else {
    if (typeof p.source !== 'string' || !p.source.trim())
      bad('provenance.source', 'is missing')
    for (const k of ['from', 'to'] as const) {
      if (!isUtcDay(p[k]))
        bad(`provenance.${k}`, `must be a day YYYY-MM-DD, got ${JSON.stringify(p[k])}`)
    }
    if (isUtcDay(p.from) && isUtcDay(p.to) && typeof q.quarter === 'string' && QUARTER.test(q.quarter)) {
      const b = quarterBounds(q.quarter)
      if (p.from > p.to)
        bad('provenance.from', `(${p.from}) is after provenance.to (${p.to})`)
      if (p.from < b.from || p.to > b.to)
        bad('provenance.from', `${p.from} to ${p.to} is not inside ${q.quarter} (${b.from} to ${b.to})`)
    }
    for (const k of ['exportedAt', 'importedAt'] as const) {
      if (typeof p[k] !== 'string' || Number.isNaN(Date.parse(p[k]!)))
        bad(`provenance.${k}`, `must be a date and time, got ${JSON.stringify(p[k])}`)
    }
    const exported = Date.parse(p.exportedAt!)
    if (exported > Date.parse(p.importedAt!))
      bad('provenance.exportedAt', `(${p.exportedAt}) is after provenance.importedAt (${p.importedAt}): pages cannot be imported before they were exported`)
    if (isUtcDay(p.from) && exported < Date.parse(`${p.from}T00:00:00Z`))
      bad('provenance.exportedAt', `(${p.exportedAt}) is before provenance.from (${p.from}): an export cannot hold days that had not begun`)
    for (const k of ['peopleCovered', 'unmappedPeople', 'apiKeySessions'] as const) {
      if (!isCount(p[k]))
        bad(`provenance.${k}`, `must be a whole number ≥ 0, got ${JSON.stringify(p[k])}`)
    }
    if (!Array.isArray(p.mergedIntoOther) || p.mergedIntoOther.some(n => typeof n !== 'string'))
      bad('provenance.mergedIntoOther', 'must be a list of function names')
    if (p.missingDays !== undefined) {
      const m = p.missingDays as unknown
      if (!Array.isArray(m) || m.some(d => !isUtcDay(d)))
        bad('provenance.missingDays', 'must be a list of days YYYY-MM-DD')
      else if (m.some((d, i) => (i > 0 && d <= m[i - 1]) || (typeof p.from === 'string' && d < p.from) || (typeof p.to === 'string' && d > p.to)))
        bad('provenance.missingDays', `must be days in order, each inside provenance.from to provenance.to (${p.from} to ${p.to})`)
      else if (typeof p.from === 'string' && typeof p.to === 'string' && m.length >= daysCovered({ from: p.from, to: p.to }))
        bad('provenance.missingDays', 'lists every day of the period: a quarter needs at least one day with data')
    }
  }
  if (!Array.isArray(q.functions) || q.functions.length === 0) {
    bad('functions', 'must list at least one function')
    return problems
  }
  const names = new Set<string>()
  let people = 0
  q.functions.forEach((f, i) => {
    const name = typeof f?.function === 'string' && f.function.trim()
      ? f.function
      : undefined
    const at = `functions[${i}]${name
      ? ` (${name})`
      : ''}`
    if (!name)
      bad(`${at}.function`, 'must name the function')
    else if (names.has(name))
      bad(`${at}.function`, 'appears twice')
    else names.add(name)
    if (name && /@/.test(name))
      bad(`${at}.function`, 'looks like an email address: only function names belong here')
    for (const k of COUNTS) {
      if (!isCount(f?.[k]))
        bad(`${at}.${k}`, `must be a whole number ≥ 0, got ${JSON.stringify(f?.[k])}`)
    }
    if (isCount(f?.activePeople)) {
      people += f.activePeople
      if (f.activePeople < MIN_GROUP)
        bad(`${at}.activePeople`, `is ${f.activePeople}: a group of fewer than ${MIN_GROUP} people must be merged into "${OTHER_FUNCTION}" (privacy)`)
    }
    if (isCount(f?.sessionsOnCommitOrPrDays) && isCount(f?.sessions) && f.sessionsOnCommitOrPrDays > f.sessions)
      bad(`${at}.sessionsOnCommitOrPrDays`, `(${f.sessionsOnCommitOrPrDays}) is more than sessions (${f.sessions})`)
    if (isCount(f?.activePeople) && isCount(f?.sessions) && f.activePeople > f.sessions)
      bad(`${at}.activePeople`, `(${f.activePeople}) is more than sessions (${f.sessions}): an active person has at least one session`)
  })
  if (p && isCount(p.peopleCovered) && problems.length === 0 && p.peopleCovered !== people)
    bad('provenance.peopleCovered', `is ${p.peopleCovered}, but the functions add up to ${people} active people`)
  return problems
}

export function budgetProblems(json: unknown, file: string): string[] {
  const b = json as Partial<Budget> | null
  if (!b || typeof b !== 'object')
    return [`${file}: not a JSON object`]
  const problems: string[] = []
  if (typeof b.costPerActivePersonPerMonth !== 'number' || !(b.costPerActivePersonPerMonth > 0))
    problems.push(`${file}: field "costPerActivePersonPerMonth" must be a positive number, got ${JSON.stringify(b.costPerActivePersonPerMonth)}`)
  if (typeof b.currency !== 'string' || !/^[A-Z]{3}$/.test(b.currency))
    problems.push(`${file}: field "currency" must be a three-letter code, got ${JSON.stringify(b.currency)}`)
  if (typeof b.setBy !== 'string' || !b.setBy.trim())
    problems.push(`${file}: field "setBy" must say who set the budget`)
  if (!isUtcDay(b.setOn))
    problems.push(`${file}: field "setOn" must be a day YYYY-MM-DD, got ${JSON.stringify(b.setOn)}`)
  return problems
}

/** Checks and orders the files the scorecard folder holds; throws ScorecardError naming every problem. */
export function loadScorecard(files: readonly { file: string, json: unknown }[], budget: { file: string, json: unknown } | null): Scorecard {
  const problems = files.flatMap(f => quarterProblems(f.json, f.file))
  if (budget)
    problems.push(...budgetProblems(budget.json, budget.file))
  const quarters = (files.map(f => f.json) as QuarterFile[]).sort((a, b) => a.quarter.localeCompare(b.quarter))
  const currencies = [
    ...new Set(quarters.map(q => q.currency)),
  ]
  if (currencies.length > 1)
    problems.push(`${files.map(f => f.file).join(', ')}: field "currency" differs between quarters (${currencies.join(', ')}); import them in one currency`)
  const b = budget?.json as Budget | undefined
  if (b && currencies.length === 1 && b.currency !== currencies[0])
    problems.push(`${budget!.file}: field "currency" is ${b.currency}, but the quarters are in ${currencies[0]}`)
  if (problems.length)
    throw new ScorecardError(problems)
  return { quarters, budget: b ?? null }
}
