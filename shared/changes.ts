// What changed between two versions of the paper, in plain words: the comparison alone, on two snapshots
// (scripts/changes/snapshot.ts reads them from git), so the unit tests can call it without git. Pure, so the
// "What changed" page (components/ChangesPage.vue) can group the build's list with it too.
// Kinds of change: a figure's value, qualifier or quote (or a figure added or removed), a claim sentence added,
// removed or reworded, a plan value changed (added, removed), a slide added or removed (by title). Written in
// words the deck's font can set ("was …, now …": Inter is subset, scripts/fonts.ts, and has no arrows).
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

/** A sentence with a number of the claims register (tests/claims.register.ts: a slide's or its notes'), with the slide it is on. */
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
}

export type Change
  = | { kind: 'figure-value' | 'figure-qualifier' | 'figure-quote', id: string, label: string, from: string, to: string, text: string }
    | { kind: 'figure-added' | 'figure-removed', id: string, label: string, text: string }
    | { kind: 'claim-added' | 'claim-removed', slide: string, claim: string, text: string }
    | { kind: 'claim-reworded', slide: string, from: string, to: string, text: string }
    | { kind: 'plan-value', path: string, from: string, to: string, text: string }
    | { kind: 'slide-added' | 'slide-removed', title: string, text: string }

/** The changes since the previous version, as the build found them (scripts/changes/since.ts): the page and changes.json. */
export interface ChangesReport {
  /** The version being built. */
  version: number
  /**
   * 'first-issue': version one, nothing before it. 'listed': the changes since the previous version's tag.
   * 'no-earlier-tag': a later version, but this copy of the repository lacks the previous version's tag.
   */
  status: 'first-issue' | 'listed' | 'no-earlier-tag'
  /** The version compared with and its tag (null for a first issue). */
  since: number | null
  tag: string | null
  changes: Change[]
}

/** The report for version one: nothing before it to compare with. */
export function firstIssue(version = 1): ChangesReport {
  return {
    version,
    status: 'first-issue',
    since: null,
    tag: null,
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
        text: `Figure removed: ${a.label} (${a.id}), was ${valueOf(a)}`,
      })
      continue
    }
    const name = `${b.label} (${b.id})`
    const oldValue = formatWithUnit(a)
    const newValue = formatWithUnit(b)
    if (oldValue !== newValue || a.unit !== b.unit) {
      out.push({
        kind: 'figure-value',
        id: b.id,
        label: b.label,
        from: oldValue,
        to: newValue,
        text: `${name}: value was ${oldValue}, now ${newValue}`,
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
        text: `${name}: qualifier was ${x}, now ${y}`,
      })
    }
    if (a.quote !== b.quote) {
      out.push({
        kind: 'figure-quote',
        id: b.id,
        label: b.label,
        from: a.quote,
        to: b.quote,
        text: `${name}: quote was ${q(a.quote)}, now ${q(b.quote)}`,
      })
    }
  }
  for (const b of to) {
    if (!before.has(b.id)) {
      out.push({
        kind: 'figure-added',
        id: b.id,
        label: b.label,
        text: `Figure added: ${b.label} (${b.id}), ${valueOf(b)}`,
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
        text: `Claim reworded on ${q(best.c.slide)}: was ${q(old.text)}, now ${q(best.c.text)}`,
      })
    }
    else {
      out.push({
        kind: 'claim-removed',
        slide: old.slide,
        claim: old.text,
        text: `Claim removed from ${q(old.slide)}: ${q(old.text)}`,
      })
    }
  }
  for (const c of come.filter(c => !paired.has(c))) {
    out.push({
      kind: 'claim-added',
      slide: c.slide,
      claim: c.text,
      text: `Claim added on ${q(c.slide)}: ${q(c.text)}`,
    })
  }
  return out
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
// An amount as formatCurrency writes it: "US$180,000", "€5,000", "£1.50".
const MONEY = /^[A-Z]*[^\p{L}\p{N}\s]\d[\d,.]*$/u

/** A plan value in words: a day written out, an amount as it is, other text in quotation marks. */
function shown(v: unknown): string {
  if (v === undefined)
    return '(none)'
  if (typeof v !== 'string')
    return String(v)
  return DAY.test(v)
    ? formatDate(v)
    : MONEY.test(v)
      ? v
      : q(v)
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
        shown(from[path]),
        shown(to[path]),
      ]
      return {
        kind: 'plan-value' as const,
        path,
        from: x,
        to: y,
        text: `Plan, ${path}: was ${x}, now ${y}`,
      }
    })
}

function slideChanges(from: readonly string[], to: readonly string[]): Change[] {
  return [
    ...to.filter(t => !from.includes(t)).map(title => ({ kind: 'slide-added' as const, title, text: `Slide added: ${q(title)}` })),
    ...from.filter(t => !to.includes(t)).map(title => ({ kind: 'slide-removed' as const, title, text: `Slide removed: ${q(title)}` })),
  ]
}

/** Every change from one version to the other, grouped as CHANGE_GROUPS lists them. */
export function compareSnapshots(from: Snapshot, to: Snapshot): Change[] {
  return [
    ...figureChanges(from.figures, to.figures),
    ...claimChanges(from.claims, to.claims),
    ...planChanges(from.plan, to.plan),
    ...slideChanges(from.slides, to.slides),
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
    return 'No changes to figures, claims, the plan or the slides.'
  return CHANGE_GROUPS
    .map(g => ({
      heading: g.heading,
      lines: changes.filter(c => (g.kinds as readonly string[]).includes(c.kind)).map(c => `  - ${c.text}`),
    }))
    .filter(g => g.lines.length)
    .map(g => `${g.heading}\n${g.lines.join('\n')}`)
    .join('\n')
}
