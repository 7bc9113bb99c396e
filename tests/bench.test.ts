// The benchmark's own logic: medians, ratios and the budget check.
import { describe, expect, it } from 'vitest'
import { judgeBudgets, median, missedBudgets, ratio, summarise, table, wasBusy } from '../scripts/lib/bench-stats.ts'

describe('median', () => {
  it('takes the middle of an odd count and the mean of the middle two of an even count', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
  it('ignores failed samples and refuses an empty set', () => {
    expect(median([Number.NaN, 2, 4, 6])).toBe(4)
    expect(() => median([])).toThrow('median of no values')
  })
})

describe('ratio and budgets', () => {
  it('is deck over starter', () => {
    expect(ratio(13, 10)).toBeCloseTo(1.3)
    expect(() => ratio(1, 0)).toThrow('positive baseline')
  })

  const samples = {
    'build time': {
      unit: 'ms',
      deck: [12_000, 13_000, 11_000],
      starter: [10_000, 10_000, 10_000],
    },
    'first view': {
      unit: 'bytes',
      deck: [120, 120, 120],
      starter: [100, 100, 100],
    },
    'dist size': {
      unit: 'bytes',
      deck: [5, 5, 5],
      starter: [1, 1, 1],
    },
  }
  const rows = summarise(samples, { 'build time': 1.3, 'first view': 1.1 })

  it('holds a budget at or under its ratio, and misses it above', () => {
    expect(rows.find((r: { measure: string }) => r.measure === 'build time')).toMatchObject({
      deck: 12_000,
      baseline: 10_000,
      baselineName: 'starter',
      ok: true,
    })
    expect(rows.find((r: { measure: string }) => r.measure === 'first view')).toMatchObject({ ok: false, budget: 1.1 })
  })
  it('a measure with no budget is reported, never failed', () => {
    expect(rows.find((r: { measure: string }) => r.measure === 'dist size')).toMatchObject({ budget: null, ok: true })
  })
  it('names each missed measure', () => {
    expect(missedBudgets(rows)).toEqual(['first view: 1.20× the starter, budget 1.1×'])
  })
  it('compares against another baseline by name, and says which in the message', () => {
    const against = summarise({
      'first view': {
        unit: 'bytes',
        deck: [120, 120, 120],
        empty: [100, 100, 100],
      },
    }, { 'first view': 1.0 }, 'empty', 'empty deck')
    expect(against[0]).toMatchObject({ baseline: 100, baselineName: 'empty deck', ok: false })
    expect(missedBudgets(against)).toEqual(['first view: 1.20× the empty deck, budget 1×'])
    expect(table(against).split('\n')[0]).toContain('empty deck')
  })
  it('prints a table row per measure', () => {
    const t = table(rows)
    expect(t.split('\n')).toHaveLength(2 + rows.length)
    expect(t).toContain('MISSED')
  })
})

describe('a slow run is reported as slow, not as a failure', () => {
  const rows = summarise({
    'build time': {
      unit: 'ms',
      deck: [200, 200, 200],
      starter: [100, 100, 100],
    },
    'first view': {
      unit: 'bytes',
      deck: [120, 120, 120],
      starter: [100, 100, 100],
    },
  }, { 'build time': 1.3, 'first view': 1.1 })

  it('on a busy machine a time over budget is slow; a size over budget still fails', () => {
    expect(judgeBudgets(rows, true)).toEqual({
      failed: ['first view: 1.20× the starter, budget 1.1×'],
      slow: ['build time: 2.00× the starter, budget 1.3×'],
    })
  })
  it('on a quiet machine both fail', () => {
    expect(judgeBudgets(rows, false).failed).toHaveLength(2)
    expect(judgeBudgets(rows, false).slow).toEqual([])
  })
  it('busy means a load average above the cores', () => {
    expect(wasBusy([0.5, 2.5, 1], 2)).toBe(true)
    expect(wasBusy([0.5, 2, 1], 2)).toBe(false)
  })
})
