// The scorecard is current when its latest quarter is the one before the meeting's (data/scorecard-currency.ts).
import { describe, expect, it } from 'vitest'
import { staleScorecard } from '../data/scorecard-currency'

describe('is the scorecard current for the meeting?', () => {
  it.each([
    [
      ['2026-Q3'],
      '2026-12-10',
      null,
    ],
    [
      ['2026-Q4'],
      '2026-12-10',
      null,
    ],
    [
      ['2026-Q1', '2026-Q2'],
      '2026-12-10',
      /latest quarter is 2026-Q2, which ended more than one quarter before the meeting on 2026-12-10: import 2026-Q3/,
    ],
    [
      ['2026-Q3'],
      '2027-02-11',
      /import 2026-Q4/,
    ],
    [
      ['2026-Q4'],
      '2027-02-11',
      null,
    ],
    [[], '2026-12-10', null],
  ] as const)('%j for a meeting on %s', (quarters, date, expected) => {
    const got = staleScorecard(quarters, date)
    if (expected === null)
      expect(got).toBeNull()
    else expect(got).toMatch(expected)
  })
})
