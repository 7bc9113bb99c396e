/**
 * The pilot's statistics, pure and small: the power of a comparison of two shares (the normal approximation R's
 * power.prop.test uses), the design effect of measuring several deliverables per person, the smallest effect a
 * design can reliably see, and the pre-registered analysis (estimate, 95% interval, go / stop / redesign).
 * The normal distribution comes from stdlib (@stdlib/stats-base-dists-normal-*), not from a table typed here.
 * Checked in tests/pilot-stats.test.ts against published worked examples and against many simulated pilots.
 */
import cdf from '@stdlib/stats-base-dists-normal-cdf'
import quantile from '@stdlib/stats-base-dists-normal-quantile'

/** The standard normal's distribution function and its inverse. */
export const normalCdf = (z: number): number => cdf(z, 0, 1)
export const normalQuantile = (p: number): number => quantile(p, 0, 1)

export interface TwoShares {
  /** The share expected with coaching, and without (fractions 0–1). */
  treated: number
  control: number
  /** Observations per group (deliverables), already divided by any design effect. */
  perGroup: number
  /** Two-sided significance level, e.g. 0.05 for a 95% interval. */
  alpha: number
}

/**
 * The chance that a two-sided test at `alpha` finds the treated share higher, when the true shares are as given:
 * Φ((|p₁−p₂|·√n − z₁₋α/₂·√(2p̄(1−p̄))) / √(p₁(1−p₁)+p₂(1−p₂))), the formula of R's power.prop.test (strict = FALSE).
 */
export function powerTwoShares({ treated, control, perGroup, alpha }: TwoShares): number {
  const mean = (treated + control) / 2
  const z = normalQuantile(1 - alpha / 2)
  const spreadNull = Math.sqrt(2 * mean * (1 - mean))
  const spreadAlt = Math.sqrt(treated * (1 - treated) + control * (1 - control))
  return normalCdf((Math.abs(treated - control) * Math.sqrt(perGroup) - z * spreadNull) / spreadAlt)
}

/** Observations per group that give `power`, from the same formula solved for n (not rounded). */
export function perGroupForPower({ treated, control, alpha }: Omit<TwoShares, 'perGroup'>, power: number): number {
  const mean = (treated + control) / 2
  const top = normalQuantile(1 - alpha / 2) * Math.sqrt(2 * mean * (1 - mean)) + normalQuantile(power) * Math.sqrt(treated * (1 - treated) + control * (1 - control))
  return (top / (treated - control)) ** 2
}

/**
 * How much less a clustered sample tells than the same number of independent observations: 1 + (m − 1)·ICC, for
 * clusters of m observations whose outcomes correlate by ICC (here: the deliverables of one person).
 */
export function designEffect(perCluster: number, icc: number): number {
  return 1 + (perCluster - 1) * icc
}

/** What the pilot's power depends on: its size, the rates assumed and the test. */
export interface Design {
  /** People randomised to each wave (the smaller wave, if they differ). */
  peoplePerWave: number
  /** Deliverables each person submits for review in the test quarter (assumed). */
  deliverablesPerPerson: number
  /** Correlation of outcomes within a person's deliverables (assumed). */
  icc: number
  /** The share of deliverables verified without coaching (fraction). */
  baseline: number
  alpha: number
}

/** Effective observations per wave once each person's deliverables are counted as the cluster they are. */
export function effectivePerWave(d: Design): number {
  return (d.peoplePerWave * d.deliverablesPerPerson) / designEffect(d.deliverablesPerPerson, d.icc)
}

/** The power of the design to see a true gain of `effect` (a fraction: 0.026 for 2.6 points). */
export function designPower(d: Design, effect: number): number {
  return powerTwoShares({
    treated: d.baseline + effect,
    control: d.baseline,
    perGroup: effectivePerWave(d),
    alpha: d.alpha,
  })
}

/** The smallest gain the design sees with `power` (80% by convention): solved by bisection on designPower. */
export function minimumDetectableEffect(d: Design, power = 0.8): number {
  let lo = 0
  let hi = 1 - d.baseline
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2
    if (designPower(d, mid) < power)
      lo = mid
    else hi = mid
  }
  return hi
}

/** One wave's result in the test quarter: each person's deliverables and how many were verified. */
export interface WaveResult {
  people: readonly { deliverables: number, verified: number }[]
}

export type Verdict = 'go' | 'stop' | 'redesign'

export interface Analysis {
  /** Coached wave's share minus the comparison wave's, as fractions. */
  estimate: number
  low: number
  high: number
  coached: number
  comparison: number
  verdict: Verdict
}

/**
 * The wave's share of verified deliverables and the variance of that share, treating each person as a cluster (a
 * ratio estimator's variance, so people with more deliverables weigh more without their deliverables counting as
 * independent).
 */
function waveShare(w: WaveResult): { share: number, variance: number } {
  const people = w.people.filter(p => p.deliverables > 0)
  const n = people.length
  const total = people.reduce((s, p) => s + p.deliverables, 0)
  if (n < 2 || total === 0)
    throw new RangeError('a wave needs at least two people with deliverables to be analysed')
  const share = people.reduce((s, p) => s + p.verified, 0) / total
  const meanSize = total / n
  const residuals = people.reduce((s, p) => s + (p.verified - share * p.deliverables) ** 2, 0)
  return { share, variance: residuals / (n * (n - 1) * meanSize ** 2) }
}

/**
 * The pre-registered analysis: the coached wave's share of verified deliverables minus the comparison wave's in
 * the test quarter, with its 95% interval (at 1 − alpha). Go if the interval's low end is above `goAbove` (zero:
 * coaching helped, beyond chance); stop if its high end is below the gain expected (the gain the paper hoped for
 * is ruled out); redesign otherwise (too uncertain to say either).
 */
export function analysePilot(coached: WaveResult, comparison: WaveResult, rule: { alpha: number, goAbove: number, expected: number }): Analysis {
  const a = waveShare(coached)
  const b = waveShare(comparison)
  const estimate = a.share - b.share
  const half = normalQuantile(1 - rule.alpha / 2) * Math.sqrt(a.variance + b.variance)
  const low = estimate - half
  const high = estimate + half
  const verdict: Verdict = low > rule.goAbove
    ? 'go'
    : high < rule.expected
      ? 'stop'
      : 'redesign'
  return {
    estimate,
    low,
    high,
    coached: a.share,
    comparison: b.share,
    verdict,
  }
}

/**
 * How alike one person's outcomes are, estimated from the people's counts (the one-way analysis-of-variance
 * estimator for clusters of unequal size): 0 when people differ no more than chance, higher as they differ more.
 * Used on the baseline quarter, when nobody is coached, to check the design's assumption without looking at the result.
 */
export function estimateIcc(people: readonly { deliverables: number, verified: number }[]): number {
  const rows = people.filter(p => p.deliverables > 0)
  const k = rows.length
  const total = rows.reduce((s, p) => s + p.deliverables, 0)
  if (k < 2 || total <= k)
    throw new RangeError('at least two people, and more deliverables than people, are needed to estimate how alike people are')
  const share = rows.reduce((s, p) => s + p.verified, 0) / total
  const between = rows.reduce((s, p) => s + p.deliverables * (p.verified / p.deliverables - share) ** 2, 0) / (k - 1)
  const within = rows.reduce((s, p) => s + p.verified * (1 - p.verified / p.deliverables), 0) / (total - k)
  const size = (total - rows.reduce((s, p) => s + p.deliverables ** 2, 0) / total) / (k - 1)
  const icc = (between - within) / (between + (size - 1) * within)
  return Math.max(0, icc)
}
