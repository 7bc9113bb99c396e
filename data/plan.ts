/**
 * The company's proposal: what the board is asked to decide, who owns each decision, what it may cost and
 * when it comes back, with the pilot that tests our training hypothesis and the risks we carry. This is our
 * data, not the study's: the deck shows it in the "we propose" style, and a slide never types one of its
 * numbers (tests/plan.test.ts). Checked by validatePlan() when the deck is built, exported or served.
 */

import type { Pilot } from './pilot.ts'
import { formatCurrency } from './format.ts'
import { costLines, costTotal, pilotDecision, pilotPower, pilotTest } from './pilot.ts'
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
  verb: 'Approve' | 'Require' | 'Note'
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
  pilot: Pilot
  risks: readonly Risk[]
}

/** The pilot's design (data/pilot.ts says what each field means): the asks and the resolution are written from it. */
export const PILOT: Pilot = {
  toolsFrom: '2027-04-01',
  // Every function has people in both waves: each team is split at random, half to each.
  functions: [
    { name: 'Finance', teams: 20, people: 200 },
    { name: 'Operations', teams: 20, people: 200 },
    { name: 'Legal', teams: 20, people: 200 },
    { name: 'Sales', teams: 20, people: 200 },
  ],
  assignmentSeed: 20261210,
  waves: [
    { name: 'First wave', coachingFrom: '2027-07-01' },
    { name: 'Second wave', coachingFrom: '2027-11-01', onlyIfGo: true },
  ],
  baselineQuarter: '2027-Q2',
  testQuarter: '2027-Q3',
  deliverablesPerPerson: 26,
  icc: 0.05,
  alpha: 0.05,
  minPower: 0.8,
  goAbove: 0,
  minReviewCoverage: 90,
  interimReportBy: '2027-07-22',
  costs: {
    licencePerPersonMonth: 100,
    coachingPerPerson: 200,
    reviewMinutesPerDeliverable: 2,
    hourlyCost: 75,
    analysis: 40_000,
    noticeMonths: 1,
  },
  stopRules: [
    { when: 'A security incident or data breach from agent work', who: 'Chief Information Security Officer', action: 'suspends access at once and tells the Chair within two days' },
    { when: 'Spend reaches the cap early', who: 'Chief Financial Officer', action: 'stops new spend and reports to the Board' },
    { when: 'Review coverage under the threshold in a month', who: 'Chief Technology Officer', action: 'pauses the teams concerned until it recovers' },
  ],
}

/** The review rule's one scope, as the asks, the resolution and the Safety and Growth slides state it. */
export const REVIEW_RULE = 'wherever the agent is used, agent-assisted work that leaves its author (a change to a production system, an analysis, a document) counts as done only with evidence that it is right and sign-off by someone experienced in that domain'

export const PLAN: Plan = {
  setBy: 'Office of the Chief Executive',
  setOn: '2026-11-27',
  currency: 'USD',
  meetings: {
    proposed: { name: 'Board meeting', date: '2026-12-10' },
    charters: { name: 'Board meeting', date: '2027-02-11' },
    pilotReview: { name: 'Board meeting', date: '2027-10-21' },
  },
  asks: [
    {
      id: 'pilot',
      verb: 'Approve',
      decision: pilotDecision(PILOT),
      owner: 'Chief Operating Officer',
      cap: { amount: 880_000, currency: 'USD' },
      costNote: 'line by line in the pre-read',
      returnsAt: 'pilotReview',
      test: pilotTest(PILOT),
    },
    {
      id: 'review',
      verb: 'Approve',
      decision: `a review rule: ${REVIEW_RULE}`,
      owner: 'Chief Technology Officer',
      cap: null,
      costNote: 'the pilot’s logging time is in its cap',
      returnsAt: 'pilotReview',
      test: `review coverage, from the review log, is at least ${PILOT.minReviewCoverage}% in both waves`,
    },
    {
      id: 'charters',
      verb: 'Require',
      decision: 'that every pilot team has a short charter, signed by the head of its function before the tool arrives: what the agent may do on its own, and which decisions stay with a named person',
      owner: 'Chief Operating Officer',
      cap: null,
      costNote: 'staff time only',
      returnsAt: 'charters',
      test: 'the charter register shows a signed charter for every pilot team',
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
  pilot: PILOT,
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
      mitigation: 'Data protection impact assessment before the tool arrives; legal sign-off on each pilot function’s use',
      owner: 'General Counsel',
    },
    {
      risk: 'Staff relations: people read the pilot as a prelude to cuts',
      mitigation: 'Say plainly that no change to roles is proposed; consult staff representatives before the tool arrives',
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
    if (!isUtcDay(w.coachingFrom))
      bad(`${at}.coachingFrom`, `must be a real day YYYY-MM-DD, got ${JSON.stringify(w.coachingFrom)}`)
    else if (isUtcDay(p.toolsFrom) && w.coachingFrom <= p.toolsFrom)
      bad(`${at}.coachingFrom`, `(${w.coachingFrom}) must come after the tool arrives (${p.toolsFrom}), so each wave has an uncoached baseline`)
    else if (i > 0 && isUtcDay(p.waves[i - 1].coachingFrom) && w.coachingFrom <= p.waves[i - 1].coachingFrom)
      bad(`${at}.coachingFrom`, 'must come after the wave before it: the later wave is the comparison group')
    else if (w.onlyIfGo && isUtcDay(plan.meetings.pilotReview.date) && w.coachingFrom <= plan.meetings.pilotReview.date)
      bad(`${at}.coachingFrom`, `(${w.coachingFrom}) is coached only if the board says go, so it must come after the go/no-go meeting (${plan.meetings.pilotReview.date})`)
  })
  if (!p.functions.length)
    bad('pilot.functions', 'must name at least one function')
  p.functions.forEach((f, i) => {
    const at = `pilot.functions[${i}] (${f.name || 'no name'})`
    if (!text(f.name))
      bad(`${at}.name`, 'is missing')
    if (!Number.isInteger(f.teams) || f.teams < 1)
      bad(`${at}.teams`, `must be a whole number of teams, at least 1, got ${JSON.stringify(f.teams)}`)
    else if (!Number.isInteger(f.people) || f.people < 2 * f.teams)
      bad(`${at}.people`, `must be at least two a team (${2 * f.teams}), so every team, and so the function, has people in both waves; got ${JSON.stringify(f.people)}`)
  })
  const ranges = [
    [
      'deliverablesPerPerson',
      p.deliverablesPerPerson,
      1,
      1000,
      'deliverables a person a quarter',
    ],
    [
      'icc',
      p.icc,
      0,
      0.99,
      'a correlation from 0 to 0.99',
    ],
    [
      'alpha',
      p.alpha,
      0.001,
      0.2,
      'a significance level from 0.001 to 0.2',
    ],
    [
      'minPower',
      p.minPower,
      0.8,
      0.99,
      'a power from 0.8 (the convention) to 0.99',
    ],
    [
      'goAbove',
      p.goAbove,
      -100,
      100,
      'percentage points',
    ],
  ] as const
  for (const [k, v, lo, hi, what] of ranges) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi)
      bad(`pilot.${k}`, `must be ${what} (${lo} to ${hi}), got ${JSON.stringify(v)}`)
  }
  for (const [k, v] of Object.entries(p.costs)) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      bad(`pilot.costs.${k}`, `must be an amount of 0 or more, got ${JSON.stringify(v)}`)
  }
  if (!p.stopRules.length)
    bad('pilot.stopRules', 'must say at least once what stops the pilot, and who stops it')
  p.stopRules.forEach((r, i) => {
    for (const k of ['when', 'who', 'action'] as const) {
      if (!text(r[k]))
        bad(`pilot.stopRules[${i}].${k}`, 'is missing')
    }
  })
  if (!isUtcDay(p.interimReportBy))
    bad('pilot.interimReportBy', `must be a real day YYYY-MM-DD, got ${JSON.stringify(p.interimReportBy)}`)
  else if (isUtcDay(plan.meetings.pilotReview.date) && !(p.interimReportBy > plan.meetings.proposed.date && p.interimReportBy < plan.meetings.pilotReview.date))
    bad('pilot.interimReportBy', `(${p.interimReportBy}) must fall between the meeting that approves the pilot (${plan.meetings.proposed.date}) and the go/no-go meeting (${plan.meetings.pilotReview.date})`)
  // The decision rule is data too: only a design that can answer its own question is put to the board.
  if (!out.some(o => o.startsWith('pilot.'))) {
    const { power, expected, detectable } = pilotPower(p)
    const pts = (x: number) => `${(x * 100).toFixed(1)} points`
    if (p.goAbove / 100 >= expected)
      bad('pilot.goAbove', `(${p.goAbove} points) must be below the gain the paper expects (${pts(expected)}, the what-if slide's default): a pilot whose go threshold is above the expected gain is set to fail even if coaching works`)
    if (power < p.minPower)
      bad('pilot.functions', `give the pilot a power of ${Math.round(power * 100)}% to see the expected gain of ${pts(expected)}; at least ${Math.round(p.minPower * 100)}% is needed (it sees ${pts(detectable)} or more): add people, or deliverables measured per person`)
    const pilotAsk = plan.asks.find(a => a.id === 'pilot')
    if (isUtcDay(plan.meetings.pilotReview.date) && isUtcDay(p.toolsFrom) && pilotAsk?.cap) {
      const total = costTotal(costLines(p, plan.meetings.pilotReview.date))
      if (total > pilotAsk.cap.amount)
        bad(`asks[${plan.asks.indexOf(pilotAsk)}] (pilot).cap.amount`, `(${formatMoney(pilotAsk.cap)}) is less than the pilot's cost lines, which sum to ${formatMoney({ amount: total, currency: plan.currency })}`)
    }
  }
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
  if (typeof p.minReviewCoverage !== 'number' || !(p.minReviewCoverage > 0 && p.minReviewCoverage <= 100))
    bad('pilot.minReviewCoverage', `must be a share above 0 and at most 100, got ${JSON.stringify(p.minReviewCoverage)}`)
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
