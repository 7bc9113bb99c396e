// What changed between two versions of the paper, in plain words: the comparison alone, on two snapshots
// (scripts/changes/snapshot.ts reads them from git), so the unit tests can call it without git. Pure, so the
// "What changed" page (components/ChangesPage.vue) can group the build's list with it too.
// Kinds of change: a figure's value, qualifier or quote (or a figure added or removed), a claim sentence added,
// removed or reworded, a plan value changed (added, removed), a slide added or removed (by title), a quarter of our
// own data imported or withdrawn. Written in the board's words, never a field path or a git word ("Pilot cap:
// US$180,000 to US$216,000 (+20%)"), in characters the deck's font can set (Inter is subset, scripts/fonts.ts,
// and has no arrows).
import type { MeetingId } from '../data/plan.ts'
import type { Unit, Value } from '../data/types.ts'
import { formatCurrency, formatDate, formatWithUnit } from '../data/format.ts'

/** A figure as a version of data/figures.ts had it: what a reader of the paper sees of it. */
export interface FigureSnap {
  id: string
  label: string
  value: Value
  unit: Unit
  qualifier?: string
  quote: string
}

/** A sentence with a number of the claims register (data/claims.ts: a slide's or its notes'), with the slide it is on. */
export interface ClaimSnap {
  slide: string
  text: string
}

/** One version of the paper, as the changes list compares it. */
export interface Snapshot {
  figures: readonly FigureSnap[]
  claims: readonly ClaimSnap[]
  /** The plan (data/plan.ts) flattened: "asks › pilot › cap" is "US$180,000". */
  plan: Readonly<Record<string, string | number | boolean | null>>
  /** Slide titles, in deck order. */
  slides: readonly string[]
  /** The quarters of our own measures imported (data/scorecard/), YYYY-Qn; absent in records made before they were kept. */
  measures?: readonly string[]
  /** The quarters of pilot results imported (data/pilot-results/), YYYY-Qn. */
  pilotResults?: readonly string[]
}

/**
 * What a version of the paper said, recorded when its pack was made (data/releases/version-N.json), so that a
 * later version lists its changes from the record alone: a fresh clone needs no git tag to know what version 1 said.
 */
export interface PaperRecord extends Snapshot {
  version: number
  issuedOn: string
  reference: string
}

export type Change
  = | { kind: 'figure-value' | 'figure-qualifier' | 'figure-quote', id: string, label: string, from: string, to: string, text: string }
    | { kind: 'figure-added' | 'figure-removed', id: string, label: string, text: string }
    | { kind: 'claim-added' | 'claim-removed', slide: string, claim: string, text: string }
    | { kind: 'claim-reworded', slide: string, from: string, to: string, text: string }
    | { kind: 'plan-value', path: string, from: string, to: string, text: string }
    | { kind: 'slide-added' | 'slide-removed', title: string, text: string }
    | { kind: 'data-added' | 'data-removed', what: 'measures' | 'pilot', quarter: string, text: string }

/** The changes since the previous version, as the build found them (vite/releases.ts): the page and changes.json. */
export interface ChangesReport {
  /** The version being built. */
  version: number
  /**
   * 'first-issue': version one, nothing before it. 'listed': the changes since the previous version's record.
   * 'no-record': a later version, but this copy holds no record of the previous version (data/releases/).
   */
  status: 'first-issue' | 'listed' | 'no-record'
  /** The version compared with and the day it was issued (null for a first issue). */
  since: number | null
  sinceIssuedOn: string | null
  changes: Change[]
}

/** The report for version one: nothing before it to compare with. */
export function firstIssue(version = 1): ChangesReport {
  return {
    version,
    status: 'first-issue',
    since: null,
    sinceIssuedOn: null,
    changes: [],
  }
}

/** The headings the list is grouped under, in this order. */
export const CHANGE_GROUPS = [
  {
    heading: 'Figures',
    kinds: [
      'figure-value',
      'figure-qualifier',
      'figure-quote',
      'figure-added',
      'figure-removed',
    ],
  },
  {
    heading: 'Claims',
    kinds: ['claim-added', 'claim-removed', 'claim-reworded'],
  },
  {
    heading: 'Plan',
    kinds: ['plan-value'],
  },
  {
    heading: 'Slides',
    kinds: ['slide-added', 'slide-removed'],
  },
  {
    heading: 'Our own data',
    kinds: ['data-added', 'data-removed'],
  },
] as const satisfies readonly { heading: string, kinds: readonly Change['kind'][] }[]

const q = (s: string) => `“${s}”`
function valueOf(f: FigureSnap) {
  return `${f.qualifier
    ? `${f.qualifier} `
    : ''}${formatWithUnit(f)}`
}

/** Words shared by two sentences over the words of the longer one: how alike two wordings are. */
function likeness(a: string, b: string): number {
  const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
  const wa = words(a)
  const wb = words(b)
  const shared = [...wa].filter(w => wb.has(w)).length
  return shared / Math.max(wa.size, wb.size, 1)
}

/** A sentence gone and one come on the same slide, this alike or more, are the same claim reworded. */
export const REWORDED_AT = 0.5

function figureChanges(from: readonly FigureSnap[], to: readonly FigureSnap[]): Change[] {
  const out: Change[] = []
  const before = new Map(from.map(f => [f.id, f]))
  const after = new Map(to.map(f => [f.id, f]))
  for (const a of from) {
    const b = after.get(a.id)
    if (!b) {
      out.push({
        kind: 'figure-removed',
        id: a.id,
        label: a.label,
        text: `Figure dropped: ${a.label} (was ${valueOf(a)})`,
      })
      continue
    }
    const name = b.label
    const oldValue = formatWithUnit(a)
    const newValue = formatWithUnit(b)
    if (oldValue !== newValue || a.unit !== b.unit) {
      out.push({
        kind: 'figure-value',
        id: b.id,
        label: b.label,
        from: oldValue,
        to: newValue,
        text: `${name}: ${oldValue} to ${newValue}`,
      })
    }
    if ((a.qualifier ?? '') !== (b.qualifier ?? '')) {
      const [x, y] = [a.qualifier ?? 'none', b.qualifier ?? 'none']
      out.push({
        kind: 'figure-qualifier',
        id: b.id,
        label: b.label,
        from: x,
        to: y,
        text: !a.qualifier
          ? `${name}: now “${y}” ${newValue}`
          : !b.qualifier
              ? `${name}: “${x}” dropped, now ${newValue}`
              : `${name}: “${x}” now “${y}” ${newValue}`,
      })
    }
    if (a.quote !== b.quote) {
      out.push({
        kind: 'figure-quote',
        id: b.id,
        label: b.label,
        from: a.quote,
        to: b.quote,
        text: `${name}: the report’s words quoted were ${q(a.quote)}, now ${q(b.quote)}`,
      })
    }
  }
  for (const b of to) {
    if (!before.has(b.id)) {
      out.push({
        kind: 'figure-added',
        id: b.id,
        label: b.label,
        text: `New figure: ${b.label}, ${valueOf(b)}`,
      })
    }
  }
  return out
}

function claimChanges(from: readonly ClaimSnap[], to: readonly ClaimSnap[]): Change[] {
  // A sentence said in both versions is unchanged, even if its slide was renamed (the slide list says so).
  const before = new Set(from.map(c => c.text))
  const after = new Set(to.map(c => c.text))
  const gone = from.filter(c => !after.has(c.text))
  const come = to.filter(c => !before.has(c.text))
  const slidesAfter = new Set(to.map(c => c.slide))
  const out: Change[] = []
  const paired = new Set<ClaimSnap>()
  for (const old of gone) {
    // The most alike new sentence on the same slide (or anywhere, if the slide was renamed), if alike
    // enough, is this one reworded.
    const best = come
      .filter(c => !paired.has(c) && (c.slide === old.slide || !slidesAfter.has(old.slide)))
      .map(c => ({
        c,
        score: likeness(old.text, c.text),
      }))
      .sort((x, y) => y.score - x.score)[0]
    if (best && best.score >= REWORDED_AT) {
      paired.add(best.c)
      out.push({
        kind: 'claim-reworded',
        slide: best.c.slide,
        from: old.text,
        to: best.c.text,
        text: `Reworded on ${q(best.c.slide)}: ${q(old.text)} now reads ${q(best.c.text)}`,
      })
    }
    else {
      out.push({
        kind: 'claim-removed',
        slide: old.slide,
        claim: old.text,
        text: `Sentence dropped from ${q(old.slide)}: ${q(old.text)}`,
      })
    }
  }
  for (const c of come.filter(c => !paired.has(c))) {
    out.push({
      kind: 'claim-added',
      slide: c.slide,
      claim: c.text,
      text: `New sentence on ${q(c.slide)}: ${q(c.text)}`,
    })
  }
  return out
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
// An amount as formatCurrency writes it: "US$180,000", "€5,000", "£1.50".
const MONEY = /^[A-Z]*[^\p{L}\p{N}\s]\d[\d,.]*$/u

/** The plan's meetings and asks as the board knows them (typed: a new meeting or ask needs its words here). */
const MEETING_WORDS: Record<MeetingId, string> = {
  proposed: 'This meeting',
  charters: 'Charters meeting',
  pilotReview: 'Go/no-go meeting',
}
const ASK_WORDS: Record<string, string> = {
  pilot: 'Pilot',
  review: 'Review rule',
  charters: 'Team charters',
  limits: 'Note on the study’s limits',
}

/** Each field of the plan in words; a field not here is refused by the tests (tests/changes.test.ts). */
export const FIELD_WORDS: Record<string, string> = {
  setBy: 'set by',
  setOn: 'set on',
  currency: 'currency',
  name: 'name',
  date: '',
  id: 'short name',
  verb: 'verb',
  decision: 'wording',
  owner: 'owner',
  cap: 'cap',
  costNote: 'note on cost',
  returnsAt: 'reported at',
  test: 'test',
  toolsFrom: 'tool available from',
  teams: 'teams',
  people: 'people',
  assignmentSeed: 'random draw’s seed',
  coachingFrom: 'coaching starts',
  onlyIfGo: 'only if the Board says go',
  baselineQuarter: 'baseline quarter',
  testQuarter: 'test quarter',
  deliverablesPerPerson: 'deliverables a person a quarter',
  icc: 'assumed likeness within a team',
  alpha: 'chance of a false go accepted',
  minPower: 'least chance of seeing the expected gain',
  goAbove: 'go threshold, in points',
  minReviewCoverage: 'least review coverage, in percent',
  interimReportBy: 'interim report by',
  licencePerPersonMonth: 'licence a person a month',
  coachingPerPerson: 'coaching a person',
  reviewMinutesPerDeliverable: 'review minutes a deliverable',
  hourlyCost: 'staff cost an hour',
  analysis: 'analysis',
  noticeMonths: 'months of notice',
  when: 'when',
  who: 'who acts',
  action: 'what is done',
  risk: 'wording',
  mitigation: 'mitigation',
}

/** "meetings › pilotReview › date" as "Go/no-go meeting"; "asks › pilot › cap" as "Pilot cap"; "risks › 2 › owner" as "Risk 2 owner". */
export function planLabel(path: string): string {
  const parts = path.split(' › ')
  const field = parts.at(-1)!
  const words = FIELD_WORDS[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  const join = (subject: string) => (words
    ? `${subject} ${words}`
    : subject)
  const [top, key, ...rest] = parts
  if (parts.length === 1)
    return `Plan ${words}`
  if (top === 'meetings')
    return join(MEETING_WORDS[key as MeetingId] ?? `Meeting “${key}”`)
  if (top === 'asks')
    return join(ASK_WORDS[key] ?? `Ask “${key}”`)
  if (top === 'risks')
    return join(`Risk ${key}`)
  if (top === 'pilot') {
    if (key === 'functions')
      return join(`Pilot, ${rest[0]},`)
    if (key === 'waves')
      return join(`Pilot, ${rest[0].toLowerCase()},`)
    if (key === 'costs')
      return `Pilot cost: ${words}`
    if (key === 'stopRules')
      return join(`Pilot stop rule ${rest[0]},`)
    return join('Pilot')
  }
  return join(parts.slice(0, -1).join(', '))
}

/** A plan value in words: a day written out, an amount as it is, a meeting by its name, other text in quotation marks. */
function shown(v: unknown, path: string): string {
  if (v === undefined)
    return '(none)'
  if (v === null)
    return 'none'
  if (typeof v === 'boolean')
    return v ? 'yes' : 'no'
  if (typeof v !== 'string')
    return String(v)
  if (path.endsWith('returnsAt') && v in MEETING_WORDS)
    return MEETING_WORDS[v as MeetingId].toLowerCase()
  return DAY.test(v)
    ? formatDate(v)
    : MONEY.test(v)
      ? v
      : q(v)
}

function amount(v: unknown): number | null {
  return typeof v === 'number'
    ? v
    : typeof v === 'string' && MONEY.test(v)
      ? Number(v.replace(/[^\d.]/g, ''))
      : null
}

/** " (+20%)": the change as a percentage of the old amount, whole; empty when it is not a number or rounds to nothing. */
export function percentChange(from: unknown, to: unknown): string {
  const [a, b] = [
    amount(from),
    amount(to),
  ]
  if (a === null || b === null || a === 0 || !Number.isFinite(a) || !Number.isFinite(b))
    return ''
  const pct = Math.round((b - a) / Math.abs(a) * 100)
  return pct === 0
    ? ''
    : ` (${pct > 0
      ? '+'
      : '−'}${Math.abs(pct)}%)`
}

function planChanges(from: Snapshot['plan'], to: Snapshot['plan']): Change[] {
  const paths = [
    ...new Set([
      ...Object.keys(from),
      ...Object.keys(to),
    ]),
  ]
  return paths
    .filter(p => from[p] !== to[p])
    .map((path) => {
      const [x, y] = [
        shown(from[path], path),
        shown(to[path], path),
      ]
      return {
        kind: 'plan-value' as const,
        path,
        from: x,
        to: y,
        text: `${planLabel(path)}: ${x} to ${y}${percentChange(from[path], to[path])}`,
      }
    })
}

/** "2027-Q1" as "Q1 2027". */
const quarterWords = (q: string) => q.replace(/^(\d{4})-(Q[1-4])$/, '$2 $1')

function dataChanges(from: Snapshot, to: Snapshot): Change[] {
  const out: Change[] = []
  for (const what of ['measures', 'pilot'] as const) {
    const key = what === 'measures'
      ? 'measures'
      : 'pilotResults'
    const name = what === 'measures'
      ? 'Our own measures'
      : 'Pilot results'
    const [a, b] = [from[key] ?? [], to[key] ?? []]
    for (const quarter of b.filter(x => !a.includes(x))) {
      out.push({
        kind: 'data-added',
        what,
        quarter,
        text: `${name} for ${quarterWords(quarter)} added`,
      })
    }
    for (const quarter of a.filter(x => !b.includes(x))) {
      out.push({
        kind: 'data-removed',
        what,
        quarter,
        text: `${name} for ${quarterWords(quarter)} withdrawn`,
      })
    }
  }
  return out
}

function slideChanges(from: readonly string[], to: readonly string[]): Change[] {
  return [
    ...to.filter(t => !from.includes(t)).map(title => ({ kind: 'slide-added' as const, title, text: `New slide: ${q(title)}` })),
    ...from.filter(t => !to.includes(t)).map(title => ({ kind: 'slide-removed' as const, title, text: `Slide dropped: ${q(title)}` })),
  ]
}

/** Every change from one version to the other, grouped as CHANGE_GROUPS lists them. */
export function compareSnapshots(from: Snapshot, to: Snapshot): Change[] {
  return [
    ...figureChanges(from.figures, to.figures),
    ...claimChanges(from.claims, to.claims),
    ...planChanges(from.plan, to.plan),
    ...slideChanges(from.slides, to.slides),
    ...dataChanges(from, to),
  ]
}

/**
 * The plan flattened to its values, each named by its path in plain words: an array's item by its `id`, else
 * its `name`, else its place counted from one ("asks › pilot › owner", "risks › 2 › owner"). An amount of money
 * is one value, as the plan writes it ("asks › pilot › cap": "US$180,000").
 */
export function flattenPlan(plan: unknown): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {}
  const walk = (v: unknown, path: string[]) => {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      out[path.join(' › ')] = v
      return
    }
    if (typeof v !== 'object' || v === undefined)
      return // a function, or a field left out
    const money = v as { amount?: unknown, currency?: unknown }
    if (typeof money.amount === 'number' && typeof money.currency === 'string' && Object.keys(money).length === 2) {
      out[path.join(' › ')] = formatCurrency(money.amount, money.currency, { named: true })
      return
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        const o = item as Record<string, unknown> | null
        const name = typeof o?.id === 'string'
          ? o.id
          : typeof o?.name === 'string'
            ? o.name
            : String(i + 1)
        walk(item, [...path, name])
      })
      return
    }
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, [...path, k])
  }
  walk(plan, [])
  return out
}

/** The changes as plain lines under their headings, for the terminal. */
export function changesText(changes: readonly Change[]): string {
  if (!changes.length)
    return 'No changes to figures, claims, the plan, the slides or our own data.'
  return CHANGE_GROUPS
    .map(g => ({
      heading: g.heading,
      lines: changes.filter(c => (g.kinds as readonly string[]).includes(c.kind)).map(c => `  - ${c.text}`),
    }))
    .filter(g => g.lines.length)
    .map(g => `${g.heading}\n${g.lines.join('\n')}`)
    .join('\n')
}

/**
 * The cover's one line for a re-issued paper: what it replaces and how much changed, by heading ("Replaces version
 * 1 of 3 December 2026: 2 plan values and 1 slide changed; listed on the last pre-read page"). Null for a first issue.
 */
export function changesSummary(report: ChangesReport): string | null {
  if (report.status === 'first-issue' || report.since === null)
    return null
  if (report.status === 'no-record')
    return `Replaces version ${report.since}; this copy holds no record of it, so its changes are not listed`
  const of = `Replaces version ${report.since}${report.sinceIssuedOn
    ? ` of ${formatDate(report.sinceIssuedOn)}`
    : ''}`
  if (!report.changes.length)
    return `${of}: nothing in its figures, claims, plan, slides or data changed`
  const counts = CHANGE_GROUPS.map(g => ({
    g,
    n: report.changes.filter(c => (g.kinds as readonly string[]).includes(c.kind)).length,
  })).filter(x => x.n)
  const words: Record<(typeof CHANGE_GROUPS)[number]['heading'], [string, string]> = {
    'Figures': ['figure', 'figures'],
    'Claims': ['sentence with a number', 'sentences with a number'],
    'Plan': ['plan value', 'plan values'],
    'Slides': ['slide', 'slides'],
    'Our own data': ['quarter of our data', 'quarters of our data'],
  }
  const parts = counts.map(({ g, n }) => `${n} ${words[g.heading][n === 1
    ? 0
    : 1]}`)
  const list = parts.length > 1
    ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
    : parts[0]
  return `${of}: ${list} changed, listed on the last pre-read page`
}
