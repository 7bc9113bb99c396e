/**
 * The pilot as a designed experiment: who takes part, how they are split into waves, what is measured, what gain
 * the paper expects and whether the pilot is big enough to see it, what it costs line by line, and the rule that
 * turns its result into go, stop or redesign. The design's inputs are our data (data/plan.ts holds them); every
 * number derived from them (power, smallest gain seen, cost lines, totals) is computed here, never typed.
 * The gain expected is the what-if slide's default illustration (data/scenario.ts), read, not retyped.
 */
import type { Design, Verdict, WaveResult } from './pilot-stats.ts'
import { formatDate, formatPoints, formatWhole } from './format.ts'
import { analysePilot, designPower, effectivePerWave, minimumDetectableEffect } from './pilot-stats.ts'
import { DEFAULT_SCENARIO, projectScenario } from './scenario.ts'
import { quarterLabel } from './scorecard.ts'

export interface PilotFunction {
  name: string
  /** Teams in the pilot, and people in them: every team has people in both waves. */
  teams: number
  people: number
}

export interface PilotWave {
  name: string
  /** The first day of coaching for this wave; both waves have the tool from `toolsFrom`. */
  coachingFrom: string
  /** The comparison wave is coached only if the board says go. */
  onlyIfGo?: boolean
}

export interface StopRule {
  when: string
  who: string
  action: string
}

export interface PilotCosts {
  /** Our planning price for one person's licence for a month, until the contract says otherwise. */
  licencePerPersonMonth: number
  /** Coaching one person of the coached wave (sessions on their own tasks, the coach's time, materials). */
  coachingPerPerson: number
  /** Reviewers' extra time to record each deliverable's outcome in the review log, and what an hour costs. */
  reviewMinutesPerDeliverable: number
  hourlyCost: number
  /** The independent analysis of the result, a fixed fee. */
  analysis: number
  /** Months of licences still owed after a decision to stop. */
  noticeMonths: number
}

export interface Pilot {
  /** Both waves get the tool on this day, so the quarter before any coaching is the baseline for both. */
  toolsFrom: string
  functions: readonly PilotFunction[]
  /** People are split at random within each team, half to each wave, by this recorded seed. */
  assignmentSeed: number
  waves: readonly PilotWave[]
  /** The quarter before coaching (both waves uncoached) and the quarter the first wave is coached (the second not yet). */
  baselineQuarter: string
  testQuarter: string
  /** Deliverables each person is expected to submit for review in a quarter (our assumption). */
  deliverablesPerPerson: number
  /** How alike one person's deliverables are in outcome (intra-person correlation; our assumption). */
  icc: number
  /** Two-sided significance level: the interval is 1 − alpha. */
  alpha: number
  /** The least power, at the gain expected, the board accepts. */
  minPower: number
  /** Go only if the interval's low end is above this many percentage points. */
  goAbove: number
  /** …and at least this share of the pilot's agent-made changes carried test evidence and a domain reviewer's sign-off. */
  minReviewCoverage: number
  /** A written interim report reaches the board by this day: baseline rates, coaching done, spend, incidents. */
  interimReportBy: string
  costs: PilotCosts
  stopRules: readonly StopRule[]
}

/** Everyone in the pilot, and in each wave (half of each team; an odd person goes to the comparison wave). */
export function pilotPeople(p: Pilot): { total: number, perWave: number } {
  const total = p.functions.reduce((s, f) => s + f.people, 0)
  return {
    total,
    perWave: Math.floor(total / 2),
  }
}

/**
 * The share of deliverables verified without coaching, and the gain coaching is expected to bring, as fractions:
 * the what-if slide's default (its novice share, the share of novice-level work coaching moves, the study's rates).
 * The gain is the low end of the study's range, so the pilot is sized for the smaller of the gains it could be.
 */
export function expectedGain(): { baseline: number, gain: number, gainHigh: number } {
  const { today, after } = projectScenario(DEFAULT_SCENARIO)
  return {
    baseline: today.verified[0] / today.sessions,
    gain: (after.verified[0] - today.verified[0]) / today.sessions,
    gainHigh: (after.verified[1] - today.verified[1]) / today.sessions,
  }
}

export function pilotDesign(p: Pilot): Design {
  return {
    peoplePerWave: pilotPeople(p).perWave,
    deliverablesPerPerson: p.deliverablesPerPerson,
    icc: p.icc,
    baseline: expectedGain().baseline,
    alpha: p.alpha,
  }
}

/** What the design can see: its power at the gain expected, and the smallest gain it sees at the power required. */
export function pilotPower(p: Pilot): { power: number, detectable: number, expected: number, expectedHigh: number, baseline: number, effectivePerWave: number } {
  const d = pilotDesign(p)
  const { gain, gainHigh, baseline } = expectedGain()
  return {
    power: designPower(d, gain),
    detectable: minimumDetectableEffect(d, p.minPower),
    expected: gain,
    expectedHigh: gainHigh,
    baseline,
    effectivePerWave: effectivePerWave(d),
  }
}

/** Whole months a licence runs, counting the month the tool arrives and the month of the decision. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number)
  const [ty, tm] = to.split('-').map(Number)
  return (ty - fy) * 12 + (tm - fm) + 1
}

/** Months of licences the cap pays for: up to the decision, and the notice after it, so stopping costs nothing more. */
export function licenceMonths(p: Pilot, reviewDate: string): number {
  return monthsBetween(p.toolsFrom, reviewDate) + p.costs.noticeMonths
}

/** "95% interval": the interval the go rule reads, from alpha. */
export function intervalName(p: Pilot): string {
  return `${Math.round((1 - p.alpha) * 100)}% interval`
}

/** What the interval must lie above for a go, in words: "zero", or "2 percentage points". */
export function goAboveName(p: Pilot): string {
  return p.goAbove === 0
    ? 'zero'
    : `${p.goAbove} percentage points`
}

/** The pilot's functions as a sentence lists them: "Finance, Operations, Legal and Sales". */
export function functionList(p: Pilot): string {
  return new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(p.functions.map(f => f.name))
}

export interface CostLine {
  id: 'licences' | 'coaching' | 'review' | 'analysis'
  label: string
  /** How the amount is made, in words with its numbers ("800 people × 7 months × US$100"). */
  basis: { quantity: number, unit: string, each: number }[]
  amount: number
}

/** What the cap buys, line by line, each the product of the design's own numbers; the decision is on `reviewDate`. */
export function costLines(p: Pilot, reviewDate: string): CostLine[] {
  const { total, perWave } = pilotPeople(p)
  const months = licenceMonths(p, reviewDate)
  // Both quarters measured (baseline and test), every person's deliverables logged.
  const deliverables = total * p.deliverablesPerPerson * 2
  const c = p.costs
  const line = (id: CostLine['id'], label: string, basis: CostLine['basis']): CostLine => ({
    id,
    label,
    basis,
    amount: Math.round(basis.reduce((s, b) => s * b.quantity * b.each, 1)),
  })
  return [
    line('licences', 'Licences for everyone in the pilot until the decision, and the notice month after it', [
      { quantity: total, unit: 'people', each: 1 },
      { quantity: months, unit: 'months', each: c.licencePerPersonMonth },
    ]),
    line('coaching', 'Coaching the first wave', [
      { quantity: perWave, unit: 'people', each: c.coachingPerPerson },
    ]),
    line('review', 'Reviewers’ time to log each deliverable’s outcome, both quarters', [
      { quantity: deliverables, unit: 'deliverables', each: 1 },
      { quantity: c.reviewMinutesPerDeliverable / 60, unit: 'hours', each: c.hourlyCost },
    ]),
    line('analysis', 'Independent analysis of the result', [
      { quantity: 1, unit: 'fixed fee', each: c.analysis },
    ]),
  ]
}

export function costTotal(lines: readonly CostLine[]): number {
  return lines.reduce((s, l) => s + l.amount, 0)
}

/**
 * After the decision: a month's licences if the Board says go (plus coaching the second wave, once), and the hours a
 * person would then have to save a month to cover the licences. Stopping costs nothing beyond the cap: the notice
 * month is one of the cost lines.
 */
export function afterDecision(p: Pilot): { runRatePerMonth: number, secondWaveCoaching: number, runRateBreakEvenHours: number } {
  const { total, perWave } = pilotPeople(p)
  const monthly = total * p.costs.licencePerPersonMonth
  return {
    runRatePerMonth: monthly,
    secondWaveCoaching: (total - perWave) * p.costs.coachingPerPerson,
    runRateBreakEvenHours: p.costs.licencePerPersonMonth / p.costs.hourlyCost,
  }
}

/**
 * The benefit at which the pilot pays for itself, since the study measured no benefit we could forecast: hours each
 * person in the pilot would have to save a month, at the same hourly cost, to cover its total cost.
 */
export function breakEvenHours(p: Pilot, reviewDate: string): number {
  return costTotal(costLines(p, reviewDate)) / (pilotPeople(p).total * licenceMonths(p, reviewDate) * p.costs.hourlyCost)
}

/** The pre-registered rule applied to the test quarter's results (fractions in, fractions out). */
export function pilotVerdict(p: Pilot, coached: WaveResult, comparison: WaveResult): ReturnType<typeof analysePilot> {
  return analysePilot(coached, comparison, { alpha: p.alpha, goAbove: p.goAbove / 100, expected: expectedGain().gain })
}

export type { Verdict, WaveResult }

/** The pilot as the resolution records it: who, from when, how split. Self-contained: no "see the pilot slide". */
export function pilotDecision(p: Pilot): string {
  const [first, second] = p.waves
  return `a randomised pilot of coaching in directing the agent: ${formatWhole(pilotPeople(p).total)} people in ${functionList(p)} get the tool from ${formatDate(p.toolsFrom)}; half of each team, drawn at random, is coached from ${formatDate(first.coachingFrom)}; the other half, the comparison wave, is coached ${second.onlyIfGo
    ? 'only if the Board says go'
    : `from ${formatDate(second.coachingFrom)}`}`
}

/** The go/no-go test as the resolution records it. */
export function pilotTest(p: Pilot): string {
  // The gain alone: the test's words need no power calculation (this runs when data/plan.ts loads).
  const { gain } = expectedGain()
  return `go only if, in ${quarterLabel(p.testQuarter)}, the coached wave’s share of verified deliverables beats the comparison wave’s beyond chance (the ${intervalName(p)} for the difference above ${goAboveName(p)}) with review coverage of at least ${p.minReviewCoverage}% in both waves; else stop if that interval lies wholly below ${formatPoints(gain)} points (the illustration’s low end); else redesign`
}
