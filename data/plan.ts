/**
 * The company's proposal: what the board is asked to decide, who owns each decision, what it may cost and
 * when it comes back, with the pilot that tests our training hypothesis and the risks we carry. This is our
 * data, not the study's: the deck shows it in the "we propose" style, and a slide never types one of its
 * numbers (tests/plan.test.ts). Checked by validatePlan() when the deck is built, exported or served.
 */

import { formatCurrency } from './format.ts'
import { isUtcDay, QUARTER, quarterBounds } from './scorecard.ts'

/** Days are YYYY-MM-DD. */
export interface Meeting {
  name: string
  date: string
}

export interface Money {
  amount: number
  currency: string
}

export type MeetingId = 'proposed' | 'charters' | 'pilotReview'

export interface Ask {
  id: string
  /** What the board does: the first word of the resolution. */
  verb: 'Approve' | 'Note'
  /** The decision, in our words, as the minutes would record it. */
  decision: string
  /** Who answers for it: a role, never a name. */
  owner: string
  /** What it may cost at most, or null when it needs no new money (then `costNote` says why). */
  cap: Money | null
  costNote?: string
  /** The meeting it comes back to, and the test it must pass there. */
  returnsAt: MeetingId
  test: string
}

export interface PilotWave {
  name: string
  functions: readonly string[]
  /** The first day of coaching for this wave; both waves have the tool from `pilot.toolsFrom`. */
  coachingFrom: string
}

export interface Risk {
  risk: string
  mitigation: string
  owner: string
}

export interface Plan {
  setBy: string
  setOn: string
  currency: string
  meetings: Readonly<Record<MeetingId, Meeting>>
  asks: readonly Ask[]
  pilot: {
    /** Both waves get the tool on this day, so the quarter before any coaching is the baseline for both. */
    toolsFrom: string
    waves: readonly PilotWave[]
    /** The quarter before coaching (both waves uncoached) and the quarter the first wave is coached (the second not yet). */
    baselineQuarter: string
    testQuarter: string
    /** Go at the pilot review if, from the baseline quarter to the test quarter, the first wave's commit-or-pull-request share rose by at least this many percentage points more than the second wave's… */
    minGainOverComparison: number
    /** …and at least this share of the pilot's agent-made changes carried test evidence and a domain reviewer's sign-off. */
    minReviewCoverage: number
  }
  risks: readonly Risk[]
}

export const PLAN: Plan = {
  setBy: 'Office of the CEO',
  setOn: '2026-11-27',
  currency: 'USD',
  meetings: {
    proposed: { name: 'Board meeting', date: '2026-12-10' },
    charters: { name: 'Board meeting', date: '2027-02-11' },
    pilotReview: { name: 'Board meeting', date: '2027-07-22' },
  },
  asks: [
    {
      id: 'pilot',
      verb: 'Approve',
      decision: 'a pilot in waves in the functions on the pilot slide, with coaching in directing the agent on each function’s own tasks; the later wave, coached a quarter later, is the comparison group',
      owner: 'Chief Operating Officer',
      cap: { amount: 180_000, currency: 'USD' },
      costNote: 'licences and coaching for both waves',
      returnsAt: 'pilotReview',
      test: 'go to a company-wide plan only if the pilot test on the pilot slide is met; otherwise stop or redesign',
    },
    {
      id: 'review',
      verb: 'Approve',
      decision: 'a review rule: an agent-made change to a production system counts as done only with test evidence and sign-off by someone experienced in that domain',
      owner: 'Chief Technology Officer',
      cap: null,
      costNote: 'within existing engineering budgets',
      returnsAt: 'pilotReview',
      test: 'review coverage, from the review log, meets the pilot’s threshold',
    },
    {
      id: 'charters',
      verb: 'Approve',
      decision: 'a short charter for each pilot team: what the agent may do on its own, and which decisions stay with a named person',
      owner: 'Heads of the pilot functions',
      cap: null,
      costNote: 'staff time only',
      returnsAt: 'charters',
      test: 'every pilot team has a charter before its wave starts',
    },
    {
      id: 'limits',
      verb: 'Note',
      decision: 'that the study is the vendor’s own, observational and not replicated, and that no change to roles or headcount is proposed on it',
      owner: 'Chief Executive',
      cap: null,
      costNote: 'no spend',
      returnsAt: 'pilotReview',
      test: 'the pilot’s own results, not the study, decide what comes next',
    },
  ],
  pilot: {
    toolsFrom: '2027-01-04',
    waves: [
      {
        name: 'First wave',
        functions: ['Finance', 'Operations'],
        coachingFrom: '2027-04-01',
      },
      {
        name: 'Second wave',
        functions: ['Legal', 'Sales'],
        coachingFrom: '2027-07-01',
      },
    ],
    baselineQuarter: '2027-Q1',
    testQuarter: '2027-Q2',
    minGainOverComparison: 5,
    minReviewCoverage: 90,
  },
  risks: [
    {
      risk: 'Confidential data reaches the agent, or the agent acts beyond a person’s permissions',
      mitigation: 'Business plan with data retention terms; the agent runs with the person’s existing access only; no production credentials in pilot sessions',
      owner: 'Chief Information Security Officer',
    },
    {
      risk: 'Dependence on one vendor, whose study this is',
      mitigation: 'Measure with our own data; keep work in our own repositories; review a second vendor before any company-wide contract',
      owner: 'Chief Technology Officer',
    },
    {
      risk: 'Regulation: data protection and sector rules on automated work',
      mitigation: 'Data protection impact assessment before the first wave; legal sign-off on each pilot function’s use',
      owner: 'General Counsel',
    },
    {
      risk: 'Staff relations: people read the pilot as a prelude to cuts',
      mitigation: 'Say plainly that no change to roles is proposed; consult staff representatives before the first wave',
      owner: 'Chief People Officer',
    },
  ],
}

export class PlanError extends Error {
  constructor(public readonly problems: readonly string[]) {
    super(`The plan (data/plan.ts) is invalid:\n${problems.map(p => `  - ${p}`).join('\n')}`)
    this.name = 'PlanError'
  }
}

const text = (v: unknown) => typeof v === 'string' && v.trim().length > 0

/**
 * Every problem with the plan, each naming its field. Dates are compared with each other, never with
 * today, so an old version of the paper still builds.
 */
export function planProblems(plan: Plan, budgetCurrency?: string): string[] {
  const out: string[] = []
  const bad = (field: string, why: string) => out.push(`${field} ${why}`)
  if (!text(plan.setBy))
    bad('setBy', 'must say who set the plan')
  if (!isUtcDay(plan.setOn))
    bad('setOn', `must be a day YYYY-MM-DD, got ${JSON.stringify(plan.setOn)}`)
  if (!/^[A-Z]{3}$/.test(plan.currency))
    bad('currency', `must be a three-letter code, got ${JSON.stringify(plan.currency)}`)
  if (budgetCurrency && budgetCurrency !== plan.currency)
    bad('currency', `is ${plan.currency}, but data/scorecard/budget.json is in ${budgetCurrency}`)
  for (const [id, m] of Object.entries(plan.meetings)) {
    if (!text(m.name))
      bad(`meetings.${id}.name`, 'is missing')
    if (!isUtcDay(m.date))
      bad(`meetings.${id}.date`, `must be a real day YYYY-MM-DD, got ${JSON.stringify(m.date)}`)
    else if (id !== 'proposed' && isUtcDay(plan.meetings.proposed.date) && m.date <= plan.meetings.proposed.date)
      bad(`meetings.${id}.date`, `(${m.date}) must come after the meeting the plan is proposed at (${plan.meetings.proposed.date})`)
  }
  if (isUtcDay(plan.setOn) && isUtcDay(plan.meetings.proposed.date) && plan.setOn > plan.meetings.proposed.date)
    bad('setOn', `(${plan.setOn}) is after the meeting it is for (${plan.meetings.proposed.date})`)
  const ids = new Set<string>()
  plan.asks.forEach((a, i) => {
    const at = `asks[${i}] (${a.id || 'no id'})`
    if (!text(a.id) || ids.has(a.id))
      bad(`${at}.id`, 'must be present and unique')
    ids.add(a.id)
    if (!text(a.decision))
      bad(`${at}.decision`, 'is missing')
    if (!text(a.owner))
      bad(`${at}.owner`, 'is missing: every decision has an owner (a role)')
    if (!text(a.test))
      bad(`${at}.test`, 'is missing: say what it must show when it comes back')
    if (!(a.returnsAt in plan.meetings))
      bad(`${at}.returnsAt`, `names no meeting in meetings (${JSON.stringify(a.returnsAt)})`)
    if (a.cap) {
      if (typeof a.cap.amount !== 'number' || !Number.isFinite(a.cap.amount) || a.cap.amount <= 0)
        bad(`${at}.cap.amount`, `must be a positive amount, got ${JSON.stringify(a.cap.amount)}`)
      if (a.cap.currency !== plan.currency)
        bad(`${at}.cap.currency`, `is ${a.cap.currency}, but the plan is in ${plan.currency}`)
    }
    else if (!text(a.costNote)) {
      bad(`${at}.costNote`, 'must say why no money is needed when there is no cap')
    }
  })
  if (!plan.asks.length)
    bad('asks', 'is empty: the board must be asked for something')
  const p = plan.pilot
  if (!isUtcDay(p.toolsFrom))
    bad('pilot.toolsFrom', `must be a real day YYYY-MM-DD, got ${JSON.stringify(p.toolsFrom)}`)
  else if (p.toolsFrom <= plan.meetings.proposed.date)
    bad('pilot.toolsFrom', `(${p.toolsFrom}) must come after the meeting that approves the pilot (${plan.meetings.proposed.date})`)
  p.waves.forEach((w, i) => {
    const at = `pilot.waves[${i}]`
    if (!text(w.name))
      bad(`${at}.name`, 'is missing')
    if (!w.functions.length || !w.functions.every(text))
      bad(`${at}.functions`, 'must name at least one function')
    if (!isUtcDay(w.coachingFrom))
      bad(`${at}.coachingFrom`, `must be a real day YYYY-MM-DD, got ${JSON.stringify(w.coachingFrom)}`)
    else if (isUtcDay(p.toolsFrom) && w.coachingFrom <= p.toolsFrom)
      bad(`${at}.coachingFrom`, `(${w.coachingFrom}) must come after the tool arrives (${p.toolsFrom}), so each wave has an uncoached baseline`)
    else if (i > 0 && isUtcDay(p.waves[i - 1].coachingFrom) && w.coachingFrom <= p.waves[i - 1].coachingFrom)
      bad(`${at}.coachingFrom`, 'must come after the wave before it: the later wave is the comparison group')
  })
  for (const k of ['baselineQuarter', 'testQuarter'] as const) {
    if (!QUARTER.test(p[k]))
      bad(`pilot.${k}`, `must be a quarter such as 2027-Q1, got ${JSON.stringify(p[k])}`)
  }
  if (QUARTER.test(p.baselineQuarter) && QUARTER.test(p.testQuarter) && p.testQuarter <= p.baselineQuarter)
    bad('pilot.testQuarter', 'must come after the baseline quarter')
  const [first, second] = p.waves
  if (first && second && isUtcDay(first.coachingFrom) && isUtcDay(second.coachingFrom) && QUARTER.test(p.testQuarter)) {
    const { from: starts, to: ends } = quarterBounds(p.testQuarter)
    if (first.coachingFrom > starts)
      bad('pilot.testQuarter', `(${p.testQuarter}) starts before the first wave's coaching (${first.coachingFrom})`)
    if (second.coachingFrom <= ends)
      bad('pilot.waves[1].coachingFrom', `(${second.coachingFrom}) falls inside the test quarter ${p.testQuarter}: the comparison wave must still be uncoached`)
    if (plan.meetings.pilotReview.date <= ends)
      bad('meetings.pilotReview.date', `(${plan.meetings.pilotReview.date}) must come after the test quarter ${p.testQuarter} closes (${ends})`)
  }
  if (plan.pilot.waves.length < 2)
    bad('pilot.waves', 'needs at least two waves: the later one is the comparison group')
  for (const k of ['minGainOverComparison', 'minReviewCoverage'] as const) {
    const v = plan.pilot[k]
    if (typeof v !== 'number' || !(v > 0 && v <= 100))
      bad(`pilot.${k}`, `must be a number of percentage points above 0 and at most 100, got ${JSON.stringify(v)}`)
  }
  plan.risks.forEach((r, i) => {
    for (const k of ['risk', 'mitigation', 'owner'] as const) {
      if (!text(r[k]))
        bad(`risks[${i}].${k}`, 'is missing')
    }
  })
  return out
}

export function assertValidPlan(plan: Plan = PLAN, budgetCurrency?: string): Plan {
  const problems = planProblems(plan, budgetCurrency)
  if (problems.length)
    throw new PlanError(problems)
  return plan
}

/** The total the board is asked to approve: the sum of the caps. */
export function totalCap(plan: Plan = PLAN): Money {
  return {
    amount: plan.asks.reduce((s, a) => s + (a.cap?.amount ?? 0), 0),
    currency: plan.currency,
  }
}

/** "US$180,000": British style, with the currency named, as the analytics and the budget are in US dollars. */
export function formatMoney(m: Money): string {
  return formatCurrency(m.amount, m.currency, { named: true })
}
