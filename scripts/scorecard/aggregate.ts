/**
 * From per-person daily records to what the deck may keep: per quarter, per function, sums only.
 * Emails are used here to join people to their function and to count them, and go no further.
 */
import type { Totals } from '../../data/scorecard-measures.ts'
import type { FunctionAggregate, QuarterFile } from '../../data/scorecard.ts'
import type { UsageRecord } from './api.ts'
import { parse as parseCsv } from 'csv-parse/sync'
import { UserError } from '../../data/errors.ts'
import { zeroCounts } from '../../data/scorecard-measures.ts'
import { COUNTS, MIN_GROUP, OTHER_FUNCTION, quarterBounds, quarterOf } from '../../data/scorecard.ts'
import { actorKey, editCounts, folded, IGNORABLE, mixedScripts, recordValues } from './api.ts'

export const SOURCE = 'Claude Code Analytics Admin API (GET /v1/organizations/usage_report/claude_code)'

/** email (folded: see api.ts) → function */
export type PeopleMap = ReadonlyMap<string, string>

/**
 * Reads the people file: a header line with "email" and "function" columns, one person a line. Parsed as CSV
 * proper (csv-parse), so a quoted "Engineering, Platform" stays one function. Emails and function names are
 * folded (NFKC, invisible characters removed, case-folded: see api.ts), so "engineering ", "ENGINEERING" and a
 * decomposed "Café" are each one function, shown as first written (NFKC, trimmed, inner spaces single). A name
 * or email mixing Latin, Cyrillic or Greek letters is refused: NFKC keeps a Cyrillic "е" in "Engineеring", which
 * would split a function (or a person) without anyone seeing why.
 */
export function parsePeopleCsv(text: string, file: string): Map<string, string> {
  let rows: { record: string[], info: { lines: number } }[]
  try {
    rows = parseCsv(text, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: true,
    }) as unknown as typeof rows
  }
  catch (e) {
    // csv-parse's message quotes the file's text; its code and line say enough.
    const { code, lines } = e as { code?: string, lines?: number }
    throw new UserError(`${file}${lines
      ? `, line ${lines}`
      : ''}: not a CSV file the import can read (${code ?? 'unreadable'})`)
  }
  const header = (rows[0]?.record ?? []).map(h => h.trim().toLowerCase())
  const emailCol = header.indexOf('email')
  const functionCol = header.indexOf('function')
  if (emailCol < 0 || functionCol < 0)
    throw new UserError(`${file}: the first line must name the columns "email" and "function" (found: ${header.join(', ') || 'nothing'})`)
  const map = new Map<string, string>()
  const shownAs = new Map<string, string>() // folded function name → the form first written
  for (const { record, info } of rows.slice(1)) {
    const line = info.lines
    if (record.length !== header.length)
      throw new UserError(`${file}, line ${line}: has ${record.length} cells, the header ${header.length}: put a function with a comma in quotes ("Engineering, Platform")`)
    const email = folded(record[emailCol] ?? '')
    const written = (record[functionCol] ?? '').normalize('NFKC').replace(IGNORABLE, '').replace(/\s+/g, ' ').trim()
    if (!email || !email.includes('@') || !written)
      throw new UserError(`${file}, line ${line}: needs an email address and a function`)
    if (written.includes('@'))
      throw new UserError(`${file}, line ${line}: the function looks like an email address`)
    for (const [what, text] of [
      ['function', written],
      ['email address', email],
    ]) {
      const scripts = mixedScripts(text)
      if (scripts.length)
        throw new UserError(`${file}, line ${line}: the ${what} mixes ${scripts.join(' and ')} letters (a look-alike such as a Cyrillic "е" for a Latin "e"?); retype it in one script`)
    }
    const key = folded(written)
    if (!shownAs.has(key))
      shownAs.set(key, written)
    const fn = shownAs.get(key)!
    if (map.has(email) && map.get(email) !== fn)
      throw new UserError(`${file}, line ${line}: this person is listed twice, under different functions`)
    map.set(email, fn)
  }
  if (!map.size)
    throw new UserError(`${file}: lists nobody`)
  return map
}

interface Person {
  function: string
  mapped: boolean
  /** The person's counts; activePeople stays 0 here (a group counts its people). */
  sums: Totals
}

/** A function with nothing counted yet. */
function emptyGroup(name: string): FunctionAggregate {
  return {
    function: name,
    ...zeroCounts(),
  }
}

/** Whether a group holds nothing at all: no one active, and every sum zero. */
const isEmpty = (g: Totals) => COUNTS.every(k => g[k] === 0)

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
  for (let d = from; d <= to; d = dayAfter(d)) {
    if (!ranges.some(r => r.from <= d && d <= r.to))
      out.push(d)
  }
  return out
}

/** What adding one record did: counted, skipped as a copy of one counted already, or refused as a clash. */
export type Added = { kind: 'added' } | { kind: 'duplicate' } | { kind: 'clash' }

const f64 = new Float64Array(1)
const words = new Int32Array(f64.buffer)

/** One MurmurHash3 step: mixes a 32-bit word into the running hash. */
function mix(h: number, k: number): number {
  k = Math.imul(k, 0xCC9E2D51)
  k = Math.imul((k << 15) | (k >>> 17), 0x1B873593)
  h ^= k
  h = (h << 13) | (h >>> 19)
  return (Math.imul(h, 5) + 0xE6546B64) | 0
}

/**
 * A record's values (see recordValues: names and values) in four bytes, hashed as they are, with no string
 * built: two different records agree by chance once in 4 billion. Numbers go in as their 8 bytes.
 */
function digestOf(values: readonly [string, string | number][]): number {
  let h = 0x9747B28C
  for (const [name, v] of values) {
    for (let i = 0; i < name.length; i++) h = mix(h, name.charCodeAt(i))
    if (typeof v === 'number') {
      f64[0] = v
      h = mix(mix(h, words[0]), words[1])
    }
    else {
      for (let i = 0; i < v.length; i++) h = mix(h, v.charCodeAt(i) | 0x10000)
    }
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85EBCA6B)
  h ^= h >>> 13
  h = Math.imul(h, 0xC2B2AE35)
  return h ^ (h >>> 16)
}

/**
 * One day's records seen so far: a 31-bit key (who, and what kind of record) → the digest of its values, in an
 * open-addressing hash table of two Int32Arrays. Typed arrays hold no pointers, so the garbage collector never
 * walks millions of entries, and an entry costs 16 to 32 bytes (a slot is 8, the table kept a quarter to half full),
 * not a Map entry and its boxed numbers.
 */
class DayDigests {
  private keys = new Int32Array(1024) // key + 1; 0 marks an empty slot
  private digests = new Int32Array(1024)
  private size = 0

  private slot(key: number): number {
    const mask = this.keys.length - 1
    // Fibonacci hashing takes the product's high bits: the low ones repeat the key's (a key's low 8 bits are its
    // kind, nearly always the same), and would crowd every key into a few slots.
    let i = Math.imul(key, 0x9E3779B1) >>> (32 - Math.log2(this.keys.length))
    while (this.keys[i] !== 0 && this.keys[i] !== key + 1) i = (i + 1) & mask
    return i
  }

  get(key: number): number | undefined {
    const i = this.slot(key)
    return this.keys[i] === 0
      ? undefined
      : this.digests[i]
  }

  set(key: number, digest: number) {
    if (2 * (this.size + 1) > this.keys.length)
      this.grow()
    const i = this.slot(key)
    if (this.keys[i] === 0)
      this.size++
    this.keys[i] = key + 1
    this.digests[i] = digest
  }

  private grow() {
    const { keys, digests } = this
    this.keys = new Int32Array(keys.length * 2)
    this.digests = new Int32Array(keys.length * 2)
    this.size = 0
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== 0)
        this.set(keys[i] - 1, digests[i])
    }
  }
}

/** Terminal-and-customer kinds and actors a key can tell apart: 256 × 8,388,607, so key + 1 fits in an Int32. */
const MAX_KINDS = 256
const MAX_ACTORS = 2 ** 23 - 1 // so that key + 1 stays below 2^31

/**
 * Adds records up one at a time, by quarter and function, so an import never holds more than one page of
 * records: memory grows with people × quarters (their sums) and with person-days (the duplicate check, 16 to 32
 * bytes each in DayDigests: a key for who and what terminal and customer type, and a 4-byte digest of the
 * values). A year of 20,000 people working every day is 7.3 million person-days, at most about 230 MB.
 * Functions with fewer than MIN_GROUP active people are merged into "Other" at the end (finish); if "Other" is
 * then still smaller than MIN_GROUP (and not empty), the smallest named functions join it until it is not.
 */
export class Aggregator {
  private byQuarter = new Map<string, { people: Map<string, Person>, apiKeySessions: number, first: string, last: string, currency?: string }>()
  /** day (YYYY-MM-DD) → (actor and kind, as one number) → digest of the values. */
  private seen = new Map<string, DayDigests>()
  private actorIds = new Map<string, number>()
  private kindIds = new Map<string, number>()
  records = 0
  duplicates = 0

  constructor(
    private people: PeopleMap,
    private options: AggregateOptions,
  ) {}

  /** Counts one record unless a record with its identity (see actorKey) was counted: a copy is skipped, a clash is not counted. */
  add(r: UsageRecord): Added {
    const actor = actorKey(r)
    let actorId = this.actorIds.get(actor)
    if (actorId === undefined)
      this.actorIds.set(actor, (actorId = this.actorIds.size))
    const kind = `${r.terminal_type}\u0000${r.customer_type}`
    let kindId = this.kindIds.get(kind)
    if (kindId === undefined)
      this.kindIds.set(kind, (kindId = this.kindIds.size))
    if (kindId >= MAX_KINDS || actorId >= MAX_ACTORS)
      throw new UserError(`more than ${MAX_KINDS} terminal and customer types, or ${MAX_ACTORS.toLocaleString('en-US')} people and API keys: beyond what this import can tell apart`)
    const key = actorId * MAX_KINDS + kindId
    let day = this.seen.get(r.date)
    if (!day)
      this.seen.set(r.date, (day = new DayDigests()))
    const digest = digestOf(recordValues(r))
    const before = day.get(key)
    if (before !== undefined) {
      if (before !== digest)
        return { kind: 'clash' }
      this.duplicates++
      return { kind: 'duplicate' }
    }
    day.set(key, digest)
    this.records++
    this.count(r, actor)
    return { kind: 'added' }
  }

  private count(r: UsageRecord, actor: string) {
    const quarter = quarterOf(r.date)
    let q = this.byQuarter.get(quarter)
    if (!q) {
      this.byQuarter.set(quarter, (q = {
        people: new Map(),
        apiKeySessions: 0,
        first: r.date,
        last: r.date,
      }))
    }
    if (r.date < q.first)
      q.first = r.date
    if (r.date > q.last)
      q.last = r.date
    r.model_breakdown.forEach((m, j) => {
      q.currency ??= m.estimated_cost.currency
      if (m.estimated_cost.currency !== q.currency)
        throw new UserError(`model_breakdown[${j}].estimated_cost.currency: ${quarter}'s estimated costs come in more than one currency (${q.currency}, ${m.estimated_cost.currency}); the scorecard adds them up, so it needs one`)
    })
    if (r.actor.type === 'api_actor') {
      q.apiKeySessions += r.core_metrics.num_sessions
      return
    }
    let p = q.people.get(actor)
    if (!p) {
      q.people.set(actor, (p = {
        function: this.people.get(actor) ?? OTHER_FUNCTION,
        mapped: this.people.has(actor),
        sums: zeroCounts(),
      }))
    }
    const m = r.core_metrics
    const edits = editCounts(r)
    p.sums.sessions += m.num_sessions
    if (m.commits_by_claude_code + m.pull_requests_by_claude_code > 0)
      p.sums.sessionsOnCommitOrPrDays += m.num_sessions
    p.sums.commits += m.commits_by_claude_code
    p.sums.pullRequests += m.pull_requests_by_claude_code
    p.sums.editsAccepted += edits.accepted
    p.sums.editsRejected += edits.rejected
    p.sums.estimatedCostMinor += r.model_breakdown.reduce((s, x) => s + x.estimated_cost.amount, 0)
  }

  /** The quarters, each with its functions merged and its period set. */
  finish(): QuarterFile[] {
    const options = this.options
    const importedAt = options.importedAt ?? new Date().toISOString()
    return [
      ...this.byQuarter.entries(),
    ]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([quarter, q]) => {
        const groups = new Map<string, FunctionAggregate>()
        for (const p of q.people.values()) {
          let g = groups.get(p.function)
          if (!g)
            groups.set(p.function, (g = emptyGroup(p.function)))
          if (p.sums.sessions > 0)
            g.activePeople++
          addCounts(g, p.sums)
        }
        const merged = mergeSmallGroups(groups)
        // A group is kept while it holds anything: the costs of people with no session are counted too.
        const functions = [
          ...groups.values(),
        ].filter(g => !isEmpty(g))
        // Costs may come in fractions of a cent: the file keeps whole minor units.
        for (const g of functions) g.estimatedCostMinor = Math.round(g.estimatedCostMinor)
        const peopleCovered = functions.reduce((s, g) => s + g.activePeople, 0)
        if (peopleCovered < MIN_GROUP)
          throw new UserError(`${quarter}: only ${peopleCovered} active people in all; the scorecard needs at least ${MIN_GROUP}, or it would describe individuals`)
        const bounds = quarterBounds(quarter)
        const inQuarter = (options.ranges ?? []).filter(r => r.from <= bounds.to && r.to >= bounds.from)
        const from = [
          q.first,
          ...inQuarter.map(r => (r.from > bounds.from
            ? r.from
            : bounds.from)),
        ].sort()[0]
        const to = [
          q.last,
          ...inQuarter.map(r => (r.to < bounds.to
            ? r.to
            : bounds.to)),
        ].sort().at(-1)!
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
            unmappedPeople: [
              ...q.people.values(),
            ].filter(p => !p.mapped && p.sums.sessions > 0).length,
            mergedIntoOther: merged,
            apiKeySessions: q.apiKeySessions,
            missingDays: options.ranges?.length
              ? uncoveredDays(from, to, options.ranges)
              : [],
          },
          functions: functions.sort((a, b) => (a.function === OTHER_FUNCTION
            ? 1
            : b.function === OTHER_FUNCTION
              ? -1
              : b.activePeople - a.activePeople || a.function.localeCompare(b.function))),
        }
      })
  }
}

/** All records at once (tests, small imports): an Aggregator fed every record; a clash throws. */
export function aggregate(records: readonly UsageRecord[], people: PeopleMap, options: AggregateOptions): QuarterFile[] {
  const a = new Aggregator(people, options)
  records.forEach((r, i) => {
    if (a.add(r).kind === 'clash')
      throw new UserError(`record ${i} has the identity of an earlier record (same actor, day, terminal and customer type) but other values`)
  })
  return a.finish()
}

/** Merges groups smaller than MIN_GROUP into "Other" (in place); returns the names merged. */
function mergeSmallGroups(groups: Map<string, FunctionAggregate>): string[] {
  const merged: string[] = []
  const into = (name: string) => {
    const g = groups.get(name)!
    groups.delete(name)
    let other = groups.get(OTHER_FUNCTION)
    if (!other)
      groups.set(OTHER_FUNCTION, (other = emptyGroup(OTHER_FUNCTION)))
    addCounts(other, g)
    merged.push(name)
  }
  for (const g of [
    ...groups.values(),
  ]) {
    if (g.function !== OTHER_FUNCTION && g.activePeople < MIN_GROUP)
      into(g.function)
  }
  for (;;) {
    // "Other" with fewer than MIN_GROUP active people, even none (it may hold only the costs of people with no
    // session), takes in the smallest function: nothing counted is dropped, and no group describes a few people.
    const other = groups.get(OTHER_FUNCTION)
    if (!other || isEmpty(other) || other.activePeople >= MIN_GROUP)
      break
    const named = [
      ...groups.values(),
    ].filter(g => g.function !== OTHER_FUNCTION).sort((a, b) => a.activePeople - b.activePeople || a.function.localeCompare(b.function))
    if (!named.length)
      break
    into(named[0].function)
  }
  return merged.sort()
}
