/**
 * From per-person daily records to what the deck may keep: per quarter, per function, sums only.
 * Emails are used here to join people to their function and to count them, and go no further.
 */
import { COUNTS, MIN_GROUP, OTHER_FUNCTION, quarterBounds, quarterOf, zeroCounts, type FunctionAggregate, type QuarterFile, type Totals } from '../../data/scorecard.ts'
import { editCounts, type UsageRecord } from './api.ts'

export const SOURCE = 'Claude Code Analytics Admin API (GET /v1/organizations/usage_report/claude_code)'

/** email (lower case) → function */
export type PeopleMap = ReadonlyMap<string, string>

/** Reads the people file: a header line with "email" and "function" columns, one person a line. */
export function parsePeopleCsv(text: string, file: string): Map<string, string> {
  const lines = text.split(/\r?\n/).filter((l) => l.trim())
  const cells = (line: string) => line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim())
  const header = cells(lines[0] ?? '').map((h) => h.toLowerCase())
  const emailCol = header.indexOf('email')
  const functionCol = header.indexOf('function')
  if (emailCol < 0 || functionCol < 0) throw new Error(`${file}: the first line must name the columns "email" and "function" (found: ${header.join(', ') || 'nothing'})`)
  const map = new Map<string, string>()
  lines.slice(1).forEach((line, i) => {
    const row = cells(line)
    const email = row[emailCol]?.toLowerCase()
    const fn = row[functionCol]
    if (!email || !email.includes('@') || !fn) throw new Error(`${file}, line ${i + 2}: needs an email address and a function`)
    if (fn.includes('@')) throw new Error(`${file}, line ${i + 2}: the function looks like an email address`)
    if (map.has(email) && map.get(email) !== fn) throw new Error(`${file}, line ${i + 2}: this person is listed twice, under different functions`)
    map.set(email, fn)
  })
  if (!map.size) throw new Error(`${file}: lists nobody`)
  return map
}

interface Person {
  function: string
  mapped: boolean
  /** The person's counts; activePeople stays 0 here (a group counts its people). */
  sums: Totals
}

/** A function with nothing counted yet. */
const emptyGroup = (name: string): FunctionAggregate => ({ function: name, ...zeroCounts() })

/** Adds one set of counts to another. */
function addCounts(to: Totals, from: Totals) {
  for (const k of COUNTS) to[k] += from[k]
}

/** Days fetched, both ends included, and where that was said (a manifest file, or --from/--to). */
export interface DayRange {
  from: string
  to: string
  what: string
}

export interface AggregateOptions {
  exportedAt: string
  importedAt?: string
  /**
   * The ranges fetched. A quarter's period runs from the first to the last day that a range covers or a
   * record holds, within the quarter: days with no use still count as covered, and a top-up's ranges add up.
   */
  ranges?: readonly DayRange[]
}

const DAY_MS = 86_400_000
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)

/** The days from `from` to `to` that none of the ranges covers. */
export function uncoveredDays(from: string, to: string, ranges: readonly DayRange[]): string[] {
  const out: string[] = []
  for (let d = from; d <= to; d = dayAfter(d)) if (!ranges.some((r) => r.from <= d && d <= r.to)) out.push(d)
  return out
}

/**
 * Adds the records up by quarter and function. Functions with fewer than MIN_GROUP active people are merged
 * into "Other"; if "Other" is then still smaller than MIN_GROUP, the smallest named functions join it until it is not.
 */
export function aggregate(records: readonly UsageRecord[], people: PeopleMap, options: AggregateOptions): QuarterFile[] {
  const byQuarter = new Map<string, { people: Map<string, Person>; apiKeySessions: number; first: string; last: string; currency?: string }>()
  for (const r of records) {
    const quarter = quarterOf(r.date)
    let q = byQuarter.get(quarter)
    if (!q) byQuarter.set(quarter, (q = { people: new Map(), apiKeySessions: 0, first: r.date, last: r.date }))
    if (r.date < q.first) q.first = r.date
    if (r.date > q.last) q.last = r.date
    for (const m of r.model_breakdown) {
      q.currency ??= m.estimated_cost.currency
      if (m.estimated_cost.currency !== q.currency) throw new Error(`${quarter}: estimated costs come in more than one currency (${q.currency}, ${m.estimated_cost.currency}); the scorecard adds them up, so it needs one`)
    }
    if (r.actor.type === 'api_actor') {
      q.apiKeySessions += r.core_metrics.num_sessions
      continue
    }
    const email = r.actor.email_address.toLowerCase()
    let p = q.people.get(email)
    if (!p) q.people.set(email, (p = { function: people.get(email) ?? OTHER_FUNCTION, mapped: people.has(email), sums: zeroCounts() }))
    const m = r.core_metrics
    const edits = editCounts(r)
    p.sums.sessions += m.num_sessions
    if (m.commits_by_claude_code + m.pull_requests_by_claude_code > 0) p.sums.sessionsOnCommitOrPrDays += m.num_sessions
    p.sums.commits += m.commits_by_claude_code
    p.sums.pullRequests += m.pull_requests_by_claude_code
    p.sums.editsAccepted += edits.accepted
    p.sums.editsRejected += edits.rejected
    p.sums.estimatedCostMinor += r.model_breakdown.reduce((s, x) => s + x.estimated_cost.amount, 0)
  }

  const importedAt = options.importedAt ?? new Date().toISOString()
  return [...byQuarter.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([quarter, q]) => {
      const groups = new Map<string, FunctionAggregate>()
      for (const p of q.people.values()) {
        let g = groups.get(p.function)
        if (!g) groups.set(p.function, (g = emptyGroup(p.function)))
        if (p.sums.sessions > 0) g.activePeople++
        addCounts(g, p.sums)
      }
      const merged = mergeSmallGroups(groups)
      const functions = [...groups.values()].filter((g) => g.activePeople > 0 || g.sessions > 0)
      const peopleCovered = functions.reduce((s, g) => s + g.activePeople, 0)
      if (peopleCovered < MIN_GROUP) throw new Error(`${quarter}: only ${peopleCovered} active people in all; the scorecard needs at least ${MIN_GROUP}, or it would describe individuals`)
      const bounds = quarterBounds(quarter)
      const inQuarter = (options.ranges ?? []).filter((r) => r.from <= bounds.to && r.to >= bounds.from)
      const from = [q.first, ...inQuarter.map((r) => (r.from > bounds.from ? r.from : bounds.from))].sort()[0]
      const to = [q.last, ...inQuarter.map((r) => (r.to < bounds.to ? r.to : bounds.to))].sort().at(-1)!
      return {
        quarter,
        currency: q.currency ?? 'USD',
        provenance: {
          source: SOURCE,
          from,
          to,
          exportedAt: options.exportedAt,
          importedAt,
          peopleCovered,
          unmappedPeople: [...q.people.values()].filter((p) => !p.mapped && p.sums.sessions > 0).length,
          mergedIntoOther: merged,
          apiKeySessions: q.apiKeySessions,
        },
        functions: functions.sort((a, b) => (a.function === OTHER_FUNCTION ? 1 : b.function === OTHER_FUNCTION ? -1 : b.activePeople - a.activePeople || a.function.localeCompare(b.function))),
      }
    })
}

/** Merges groups smaller than MIN_GROUP into "Other" (in place); returns the names merged. */
function mergeSmallGroups(groups: Map<string, FunctionAggregate>): string[] {
  const merged: string[] = []
  const into = (name: string) => {
    const g = groups.get(name)!
    groups.delete(name)
    let other = groups.get(OTHER_FUNCTION)
    if (!other) groups.set(OTHER_FUNCTION, (other = emptyGroup(OTHER_FUNCTION)))
    addCounts(other, g)
    merged.push(name)
  }
  for (const g of [...groups.values()]) if (g.function !== OTHER_FUNCTION && g.activePeople < MIN_GROUP) into(g.function)
  for (;;) {
    const other = groups.get(OTHER_FUNCTION)
    if (!other || other.activePeople === 0 || other.activePeople >= MIN_GROUP) break
    const named = [...groups.values()].filter((g) => g.function !== OTHER_FUNCTION).sort((a, b) => a.activePeople - b.activePeople || a.function.localeCompare(b.function))
    if (!named.length) break
    into(named[0].function)
  }
  return merged.sort()
}
