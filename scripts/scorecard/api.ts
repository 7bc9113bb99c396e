/**
 * The Claude Code Analytics Admin API, as its reference page "Get Claude Code Usage Report" describes it:
 * GET /v1/organizations/usage_report/claude_code?starting_at=YYYY-MM-DD[&limit=…][&page=…]
 * answers one UTC day, one record per person (user_actor) or API key (api_actor), paged with next_page.
 * Saved pages and fetched pages go through parsePage, so both are checked the same way.
 */
import { UserError } from '../../data/errors.ts'
import { isUtcDay } from '../../data/scorecard.ts'

export const API_URL = 'https://api.anthropic.com/v1/organizations/usage_report/claude_code'
export const API_VERSION = '2023-06-01'
/** The API's largest page. */
export const PAGE_LIMIT = 1000
/** The name prefix of a folder of pages a fetch has not finished (fetch.ts); the import skips such folders. */
export const UNFINISHED_FETCH = '.unfinished-fetch-'

interface ToolCounts {
  accepted: number
  rejected: number
}

export interface UsageRecord {
  actor: { type: 'user_actor', email_address: string } | { type: 'api_actor', api_key_name: string }
  core_metrics: {
    num_sessions: number
    lines_of_code: { added: number, removed: number }
    commits_by_claude_code: number
    pull_requests_by_claude_code: number
  }
  customer_type: 'api' | 'subscription'
  /** UTC day, YYYY-MM-DD (the reference's example writes it as a timestamp at midnight; both are read). */
  date: string
  model_breakdown: {
    model: string
    tokens: { input: number, output: number, cache_read: number, cache_creation: number }
    /**
     * In minor currency units (cents for USD), as the reference says. The reference types it a number, not an
     * integer, and a token's price is a fraction of a cent, so a fractional amount is read; sums are rounded to
     * whole units only when a quarter is written.
     */
    estimated_cost: { amount: number, currency: string }
  }[]
  organization_id: string
  terminal_type: string
  tool_actions: Partial<Record<'edit_tool' | 'multi_edit_tool' | 'write_tool' | 'notebook_edit_tool', ToolCounts>>
}

export interface UsagePage {
  data: UsageRecord[]
  has_more: boolean
  next_page: string | null
}

export class PageError extends UserError {
  constructor(where: string, problems: string[]) {
    super(`${where} is not a Claude Code usage report page:\n${problems.slice(0, 20).map(p => `  - ${p}`).join('\n')}${problems.length > 20
      ? `\n  … and ${problems.length - 20} more`
      : ''}`)
    this.name = 'PageError'
  }
}

/**
 * The most one person (or API key) can add to a summed count, or to the estimated cost in minor units, in one day.
 * Far beyond any real day (a million sessions, $10,000), and small enough that a quarter's sums over every actor
 * the import can tell apart (2^23, 92 days) stay exact integers: a larger value is a broken page, not a number to add.
 */
export const MAX_PER_DAY = 1_000_000
/** Counts are whole (2.5 sessions is a broken page) and exact (2^53 + 1 cannot be read as itself). */
const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0
/** A count that is added up: at most MAX_PER_DAY. */
const isDailyCount = (v: unknown) => isCount(v) && (v as number) <= MAX_PER_DAY
/** Amounts of money may be fractional (see estimated_cost), and are added up. */
const isAmount = (v: unknown) => typeof v === 'number' && v >= 0 && v <= MAX_PER_DAY
const perDay = MAX_PER_DAY.toLocaleString('en-US')

/**
 * A value a page held, as a message may show it: a number as it is, a string only when it is short and plain
 * (a day, a code), else only its length. Pages hold emails, and a message must not carry them.
 */
export function shown(v: unknown): string {
  if (typeof v === 'string') {
    return /^[\w:.+-]{0,32}$/.test(v)
      ? JSON.stringify(v)
      : `text of ${v.length} characters (not shown)`
  }
  if (v !== null && typeof v === 'object') {
    return Array.isArray(v)
      ? 'a list'
      : 'an object'
  }
  return String(v)
}

export const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu

/**
 * Text as the import compares it (emails, function names): Unicode NFKC, invisible characters (zero-width space,
 * joiners, soft hyphen) removed, trimmed and case-folded, so a decomposed "Café" is "Café" and "ann\u200B@x.com"
 * is ann@x.com. NFKC does not fold look-alikes across scripts (Cyrillic "е" stays itself): see mixedScripts.
 */
export function folded(s: string): string {
  return s.normalize('NFKC').replace(IGNORABLE, '').trim().toUpperCase().toLowerCase()
}

const LOOK_ALIKE_SCRIPTS = ['Latin', 'Cyrillic', 'Greek'].map(name => ({
  name,
  letter: new RegExp(`\\p{Script=${name}}`, 'u'),
}))

/**
 * The scripts with look-alike letters (Latin, Cyrillic, Greek) that one word of a text mixes: "Engineеring" with a
 * Cyrillic е mixes two, the signature of a look-alike; "Отдел QA" or иван@example.com (each word in one script) none.
 */
export function mixedScripts(raw: string): string[] {
  if (!/\P{ASCII}/u.test(raw))
    return [] // plain ASCII, as nearly every email is: one script
  // As the text will be compared: invisible characters removed first, or one could split a look-alike word.
  const s = folded(raw)
  for (const word of s.split(/[^\p{L}\p{M}]+/u)) {
    const found = LOOK_ALIKE_SCRIPTS.filter(x => x.letter.test(word)).map(x => x.name)
    if (found.length > 1)
      return found
  }
  return []
}

const REAL_DAYS = new Set<string>()

/**
 * A record's day: "2026-07-01", or the reference's midnight timestamp "2026-07-01T00:00:00Z" (UTC, any
 * fraction of a second). Anything else (another time, an offset such as -05:00, trailing text, 30 February) is
 * null: the API answers whole UTC days, so such a date is not one of its records.
 */
export function recordDay(v: unknown): string | null {
  if (typeof v !== 'string')
    return null
  const m = /^(\d{4}-\d{2}-\d{2})(?:T00:00:00(?:\.0+)?(?:Z|\+00:00))?$/.exec(v)
  if (!m)
    return null
  // A year's import asks about the same few hundred days millions of times: each is checked once.
  if (REAL_DAYS.has(m[1]))
    return m[1]
  if (!isUtcDay(m[1]))
    return null
  REAL_DAYS.add(m[1])
  return m[1]
}
const TOOLS = [
  'edit_tool',
  'multi_edit_tool',
  'write_tool',
  'notebook_edit_tool',
] as const

/**
 * Checks one page against the published schema and returns it with each record's date as YYYY-MM-DD.
 * `where` names the page in errors (a file path, or the request). Problems never quote an email.
 */
export function parsePage(json: unknown, where: string): UsagePage {
  const problems: string[] = []
  const page = json as Partial<UsagePage> | null
  if (!page || typeof page !== 'object' || !Array.isArray(page.data))
    throw new PageError(where, ['it has no "data" list'])
  if (typeof page.has_more !== 'boolean')
    problems.push('"has_more" must be true or false')
  if (page.has_more && (typeof page.next_page !== 'string' || !page.next_page))
    problems.push('"has_more" is true but "next_page" is missing')
  const data = page.data.map((r, i) => {
    const at = `data[${i}]`
    const bad = (field: string, why: string) => problems.push(`${at}.${field} ${why}`)
    const rec = r as UsageRecord
    if (!rec || typeof rec !== 'object') {
      problems.push(`${at} is not an object`)
      return rec
    }
    const a = rec.actor as { type?: string, email_address?: unknown, api_key_name?: unknown } | undefined
    if (a?.type === 'user_actor') {
      if (typeof a.email_address !== 'string' || !a.email_address.includes('@'))
        bad('actor.email_address', 'must be an email address')
      else if (mixedScripts(a.email_address).length)
        bad('actor.email_address', `mixes ${mixedScripts(a.email_address).join(' and ')} letters in one word (a look-alike?); it would count as another person`)
    }
    else if (a?.type === 'api_actor') {
      if (typeof a.api_key_name !== 'string')
        bad('actor.api_key_name', 'must be a string')
    }
    else {
      bad('actor.type', `must be "user_actor" or "api_actor", got ${shown(a?.type)}`)
    }
    const m = rec.core_metrics
    if (!m || typeof m !== 'object') {
      bad('core_metrics', 'is missing')
    }
    else {
      for (const k of ['num_sessions', 'commits_by_claude_code', 'pull_requests_by_claude_code'] as const) {
        if (!isDailyCount(m[k]))
          bad(`core_metrics.${k}`, `must be a whole number from 0 to ${perDay} (a person's day), got ${shown(m[k])}`)
      }
      if (!m.lines_of_code || !isCount(m.lines_of_code.added) || !isCount(m.lines_of_code.removed))
        bad('core_metrics.lines_of_code', 'must have "added" and "removed" counts')
    }
    const day = recordDay(rec.date) ?? ''
    if (!day)
      bad('date', `must be a real UTC day, YYYY-MM-DD or YYYY-MM-DDT00:00:00Z, got ${shown(rec.date)}`)
    if (typeof rec.terminal_type !== 'string')
      bad('terminal_type', 'must be a string')
    if (typeof rec.customer_type !== 'string')
      bad('customer_type', 'must be a string')
    if (!Array.isArray(rec.model_breakdown)) {
      bad('model_breakdown', 'must be a list')
    }
    else {
      rec.model_breakdown.forEach((mb, j) => {
        const c = mb?.estimated_cost
        if (!c || !isAmount(c.amount))
          bad(`model_breakdown[${j}].estimated_cost.amount`, `must be a number from 0 to ${perDay} minor units (a person's day), got ${shown(c?.amount)}`)
        if (!c || typeof c.currency !== 'string' || !/^[A-Z]{3}$/.test(c.currency))
          bad(`model_breakdown[${j}].estimated_cost.currency`, `must be a currency code, got ${shown(c?.currency)}`)
      })
    }
    const t = rec.tool_actions
    if (!t || typeof t !== 'object') {
      bad('tool_actions', 'is missing')
    }
    else {
      for (const tool of TOOLS) {
        const c = t[tool]
        if (c !== undefined && (!isDailyCount(c?.accepted) || !isDailyCount(c?.rejected)))
          bad(`tool_actions.${tool}`, `must have whole "accepted" and "rejected" counts from 0 to ${perDay}, got ${shown(c?.accepted)} and ${shown(c?.rejected)}`)
      }
    }
    return { ...rec, date: day }
  })
  if (problems.length)
    throw new PageError(where, problems)
  return { data, has_more: page.has_more as boolean, next_page: page.next_page ?? null }
}

/** Accepted and rejected proposals across the four editing tools. */
export function editCounts(r: UsageRecord): ToolCounts {
  let accepted = 0
  let rejected = 0
  for (const tool of TOOLS) {
    accepted += r.tool_actions[tool]?.accepted ?? 0
    rejected += r.tool_actions[tool]?.rejected ?? 0
  }
  return { accepted, rejected }
}

/**
 * Who and what a record is about, as the API keys its records: the actor (email folded, so "Ann@x.com " and
 * "ann@x.com" are one person; or the API key's name), the day, the terminal and the customer
 * type. Two records with one identity are the same record seen twice (identical values) or a clash.
 */
export function actorKey(r: UsageRecord): string {
  return r.actor.type === 'user_actor'
    ? folded(r.actor.email_address)
    : `api key:${r.actor.api_key_name.trim()}`
}

/**
 * A record's values, everything but its identity, as [field, value] pairs in a fixed order (models by name, so
 * the order a page lists them in does not matter): compared to tell a copy from a clash, and named when they differ.
 */
export function recordValues(r: UsageRecord): [string, string | number][] {
  const m = r.core_metrics
  const out: [string, string | number][] = [
    ['organization_id', r.organization_id],
    ['core_metrics.num_sessions', m.num_sessions],
    ['core_metrics.lines_of_code.added', m.lines_of_code.added],
    ['core_metrics.lines_of_code.removed', m.lines_of_code.removed],
    ['core_metrics.commits_by_claude_code', m.commits_by_claude_code],
    ['core_metrics.pull_requests_by_claude_code', m.pull_requests_by_claude_code],
  ]
  for (const b of [...r.model_breakdown].sort((a, c) => (a.model < c.model
    ? -1
    : a.model > c.model
      ? 1
      : 0))) {
    const at = `model_breakdown[${b.model}]`
    const t = b.tokens ?? {}
    out.push([`${at}.tokens.input`, t.input], [`${at}.tokens.output`, t.output], [`${at}.tokens.cache_read`, t.cache_read], [`${at}.tokens.cache_creation`, t.cache_creation])
    out.push([`${at}.estimated_cost.amount`, b.estimated_cost.amount], [`${at}.estimated_cost.currency`, b.estimated_cost.currency])
  }
  for (const tool of TOOLS) {
    const c = r.tool_actions[tool]
    if (c)
      out.push([`tool_actions.${tool}.accepted`, c.accepted], [`tool_actions.${tool}.rejected`, c.rejected])
  }
  return out
}
