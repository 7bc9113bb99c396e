// As of: each scorecard chart says the period its data covers and when the latest quarter was exported and
// imported; the source line says when each was exported and imported; the no-data slide says when the first
// reading is due, counted from the meeting this paper goes to (components/scorecard/scorecard.ts).
import type { Plan } from '../data/plan'
import type { QuarterFile } from '../data/scorecard'
import { describe, expect, it } from 'vitest'
import { asOfLine, firstReading, provenanceLine } from '../components/scorecard/scorecard'
import { formatDateTime } from '../data/format'
import { PAPER } from '../data/paper'
import { PLAN } from '../data/plan'

function quarter(quarter: string, from: string, to: string, exportedAt: string, importedAt: string) {
  return ({
    quarter,
    provenance: {
      from,
      to,
      exportedAt,
      importedAt,
      source: 'x',
      mergedIntoOther: [],
      unmappedPeople: 0,
    },
  }) as unknown as QuarterFile
}

const Q2 = quarter('2026-Q2', '2026-04-01', '2026-06-30', '2026-07-02T08:00:00.000Z', '2026-07-03T09:30:00.000Z')
const Q3 = quarter('2026-Q3', '2026-07-01', '2026-09-30', '2026-10-02T08:00:00.000Z', '2026-10-03T09:30:00.000Z')

describe('as of', () => {
  it('a chart: the period, from the first quarter’s start to the last one’s end, and the latest export and import, with their times', () => {
    expect(asOfLine([Q2, Q3])).toBe('As of 30 September 2026: Q2 2026 to Q3 2026 (1 April 2026 to 30 September 2026); latest quarter exported 2 October 2026, 08:00 UTC, imported 3 October 2026, 09:30 UTC.')
    expect(asOfLine([Q3])).toMatch(/^As of 30 September 2026: Q3 2026 \(1 July 2026 to 30 September 2026\);/)
    expect(asOfLine([])).toBe('')
  })

  it('the source line: every export and import day', () => {
    const line = provenanceLine([Q2, Q3])
    expect(line).toContain('exported 2 July 2026, 2 October 2026, imported 3 July 2026, 3 October 2026.')
  })

  it('times are given in UTC, whatever the machine’s zone', () => {
    expect(formatDateTime('2026-10-02T23:30:00-02:00')).toBe('3 October 2026, 01:30 UTC')
  })
})

describe('the no-data slide: when the first reading is due', () => {
  it('at the first of the plan’s meetings after the quarter closes, counted from this paper’s meeting', () => {
    const plan = structuredClone(PLAN) as Plan
    plan.meetings = {
      proposed: { name: 'Board meeting', date: '2026-12-10' },
      charters: { name: 'Board meeting', date: '2027-02-11' },
      pilotReview: { name: 'Board meeting', date: '2027-07-22' },
    }
    const paper = { ...PAPER, meeting: 'proposed' as const }
    expect(firstReading(plan, paper, '2026-Q4')).toEqual({
      quarter: 'Q4 2026',
      closes: '31 December 2026',
      due: 'at the Board meeting of 11 February 2027, the next meeting after this one (10 December 2026)',
    })
    expect(firstReading(plan, paper, '2027-Q1').due).toBe('at the Board meeting of 22 July 2027, the second meeting in the plan after this one (10 December 2026)')
  })

  it('with no meeting in the plan after the quarter closes: the first board meeting after it', () => {
    expect(firstReading(PLAN, PAPER, '2027-Q4').due).toBe('at the first board meeting after 31 December 2027')
  })
})
