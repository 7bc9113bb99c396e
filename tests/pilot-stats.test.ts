// The pilot's statistics (data/pilot-stats.ts), checked three ways: against published worked examples of a
// two-proportion power calculation, against many simulated pilots (the share that pass the go rule), and on
// results built by hand to land on go, stop and redesign.
import type { Design, WaveResult } from '../data/pilot-stats'
import beta from '@stdlib/random-base-beta'
import binomial from '@stdlib/random-base-binomial'
import { describe, expect, it } from 'vitest'
import { expectedGain, pilotDesign, pilotPower } from '../data/pilot'
import { analysePilot, designEffect, designPower, estimateIcc, minimumDetectableEffect, perGroupForPower, powerTwoShares } from '../data/pilot-stats'
import { PLAN } from '../data/plan'

describe('the power of comparing two shares agrees with published worked examples', () => {
  // R's stats::power.prop.test, the examples on its help page (R Documentation, package stats), whose results R prints:
  // n = 50 per group, 50% against 75%, two-sided 5%, gives power 0.740; for 90% power the same shares need 76.7 a group.
  it('R’s power.prop.test help page: power 0.740 at n = 50, n = 76.7 for 90%', () => {
    expect(powerTwoShares({
      treated: 0.75,
      control: 0.5,
      perGroup: 50,
      alpha: 0.05,
    })).toBeCloseTo(0.740, 3)
    expect(perGroupForPower({ treated: 0.75, control: 0.5, alpha: 0.05 }, 0.9)).toBeCloseTo(76.7, 1)
  })

  // The help page's third example solves for the second share: 50 per group at 50% needs 80.26% for 90% power (R's
  // root-finder stops at four significant digits: 0.8026).
  it('R’s power.prop.test help page: p2 = 0.8026 for 90% power at n = 50 and p1 = 0.5', () => {
    let lo = 0.5
    let hi = 0.99
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2
      if (powerTwoShares({
        treated: mid,
        control: 0.5,
        perGroup: 50,
        alpha: 0.05,
      }) < 0.9) {
        lo = mid
      }
      else {
        hi = mid
      }
    }
    expect(hi).toBeCloseTo(0.8026, 3)
  })

  it('solving for n and computing power are inverses; more people, more power; no gain, power of half alpha', () => {
    const shares = { treated: 0.254, control: 0.228, alpha: 0.05 }
    const n = perGroupForPower(shares, 0.8)
    expect(powerTwoShares({ ...shares, perGroup: n })).toBeCloseTo(0.8, 6)
    expect(powerTwoShares({ ...shares, perGroup: 2 * n })).toBeGreaterThan(0.8)
    expect(powerTwoShares({
      treated: 0.3,
      control: 0.3,
      perGroup: 1000,
      alpha: 0.05,
    })).toBeCloseTo(0.025, 3)
  })

  it('the design effect is 1 + (m − 1)·ICC: independent observations lose nothing, perfectly alike ones count once', () => {
    expect(designEffect(26, 0)).toBe(1)
    expect(designEffect(26, 1)).toBe(26)
    expect(designEffect(1, 0.3)).toBe(1)
  })

  it('the smallest detectable gain is the one the design sees with the power asked for', () => {
    const d = pilotDesign(PLAN.pilot)
    const mde = minimumDetectableEffect(d, 0.8)
    expect(designPower(d, mde)).toBeCloseTo(0.8, 4)
    expect(minimumDetectableEffect(d, 0.9)).toBeGreaterThan(mde)
  })
})

/** Simulated pilots: each person's own rate drawn around the wave's (beta, with the design's ICC), then their deliverables. */
function simulate(d: Design, gain: number, runs: number, seed: number): { goShare: number, verdicts: Record<string, number> } {
  // A beta with mean p and (α + β) = 1/ICC − 1 has intra-person correlation ICC: the beta-binomial model.
  const size = 1 / d.icc - 1
  const personRate = (p: number, s: number) => beta.factory(p * size, (1 - p) * size, { seed: s })
  const draw = binomial.factory({ seed: seed + 1 })
  const treatedRates = personRate(d.baseline + gain, seed + 2)
  const controlRates = personRate(d.baseline, seed + 3)
  const wave = (rate: () => number): WaveResult => ({
    people: Array.from({ length: d.peoplePerWave }, () => ({
      deliverables: d.deliverablesPerPerson,
      verified: draw(d.deliverablesPerPerson, rate()),
    })),
  })
  const verdicts: Record<string, number> = { go: 0, stop: 0, redesign: 0 }
  for (let i = 0; i < runs; i++) {
    const r = analysePilot(wave(treatedRates), wave(controlRates), { alpha: d.alpha, goAbove: 0, expected: expectedGain().gain })
    verdicts[r.verdict]++
  }
  return { goShare: verdicts.go / runs, verdicts }
}

describe('the power calculation agrees with many simulated pilots', () => {
  // 2,000 pilots a case: the share that pass has a standard error of about one point; the tolerance is three.
  const RUNS = 2000
  const TOLERANCE = 0.03

  it('the plan’s design at the gain the paper expects: the share of simulated pilots that say go is the power computed', () => {
    const d = pilotDesign(PLAN.pilot)
    const { power, expected } = pilotPower(PLAN.pilot)
    const { goShare } = simulate(d, expected, RUNS, 1)
    expect(Math.abs(goShare - power), `simulated ${goShare}, computed ${power}`).toBeLessThan(TOLERANCE)
  })

  it('a design a third the size, and one with people more alike (ICC 0.15): still within the tolerance', () => {
    for (const d of [
      {
        ...pilotDesign(PLAN.pilot),
        peoplePerWave: Math.round(pilotDesign(PLAN.pilot).peoplePerWave / 3),
      },
      {
        ...pilotDesign(PLAN.pilot),
        icc: 0.15,
      },
    ]) {
      const gain = expectedGain().gain
      const { goShare } = simulate(d, gain, RUNS, 7)
      expect(Math.abs(goShare - designPower(d, gain)), JSON.stringify(d)).toBeLessThan(TOLERANCE)
    }
  })

  it('when coaching does nothing, a go comes up by chance about as often as half of alpha, and most pilots say stop', () => {
    const d = pilotDesign(PLAN.pilot)
    const { goShare, verdicts } = simulate(d, 0, RUNS, 3)
    expect(Math.abs(goShare - d.alpha / 2)).toBeLessThan(0.015)
    expect(verdicts.stop / RUNS).toBeGreaterThan(0.5)
  })

  it('ignoring that a person’s deliverables are alike would overstate the power: the design effect matters', () => {
    const d = pilotDesign(PLAN.pilot)
    const naive = powerTwoShares({
      treated: d.baseline + expectedGain().gain,
      control: d.baseline,
      perGroup: d.peoplePerWave * d.deliverablesPerPerson,
      alpha: d.alpha,
    })
    const { goShare } = simulate(d, expectedGain().gain, RUNS, 5)
    expect(naive - goShare).toBeGreaterThan(0.1)
  })
})

describe('the pre-registered analysis says go, stop or redesign by the rule the board approves', () => {
  /** A wave of `people` people, each with `each` deliverables, `verified` of them verified in all (spread evenly, the rest on the first people). */
  function wave(people: number, each: number, share: number): WaveResult {
    const total = Math.round(people * each * share)
    return {
      people: Array.from({ length: people }, (_, i) => ({
        deliverables: each,
        verified: Math.floor(total / people) + (i < total % people
          ? 1
          : 0),
      })),
    }
  }
  const rule = { alpha: 0.05, goAbove: 0, expected: 0.026 }

  it('a clear gain: go, with the estimate between its interval’s ends', () => {
    const r = analysePilot(wave(400, 26, 0.30), wave(400, 26, 0.23), rule)
    expect(r.verdict).toBe('go')
    expect(r.estimate).toBeCloseTo(0.07, 2)
    expect(r.low).toBeGreaterThan(0)
    expect(r.low).toBeLessThan(r.estimate)
    expect(r.high).toBeGreaterThan(r.estimate)
  })

  it('no gain on a big sample: stop (the gain hoped for is ruled out)', () => {
    const r = analysePilot(wave(400, 26, 0.23), wave(400, 26, 0.23), rule)
    expect(r.verdict).toBe('stop')
    expect(r.high).toBeLessThan(rule.expected)
  })

  it('a small gain on a small sample: redesign (the interval holds both zero and the gain expected)', () => {
    const r = analysePilot(wave(20, 5, 0.25), wave(20, 5, 0.23), rule)
    expect(r.verdict).toBe('redesign')
    expect(r.low).toBeLessThan(0)
    expect(r.high).toBeGreaterThan(rule.expected)
  })

  it('a wave with fewer than two people with deliverables cannot be analysed', () => {
    expect(() => analysePilot(wave(1, 5, 0.2), wave(20, 5, 0.2), rule)).toThrow(/at least two people/)
  })
})

describe('how alike people are, estimated from a quarter of counts (the baseline check)', () => {
  /** People whose own rates are drawn around `share` with intra-person correlation `icc` (beta-binomial), `each` deliverables a person. */
  function people(n: number, each: number, share: number, icc: number, seed: number) {
    const draw = binomial.factory({ seed })
    const rate = icc === 0
      ? () => share
      : beta.factory(share * (1 / icc - 1), (1 - share) * (1 / icc - 1), { seed: seed + 1 })
    return Array.from({ length: n }, () => ({
      deliverables: each,
      verified: draw(each, rate()),
    }))
  }

  it.each([
    [0.05],
    [0.15],
  ])('recovers an ICC of %s from 2,000 simulated people within 0.02', (icc) => {
    expect(Math.abs(estimateIcc(people(2000, 26, 0.23, icc, 11)) - icc)).toBeLessThan(0.02)
  })

  it('finds people no more alike than chance when they are not', () => {
    expect(estimateIcc(people(2000, 26, 0.23, 0, 13))).toBeLessThan(0.01)
  })

  it('needs at least two people', () => {
    expect(() => estimateIcc([
      { deliverables: 5, verified: 1 },
    ])).toThrow(/at least two people/)
  })
})
