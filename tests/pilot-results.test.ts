// The go/no-go computed from our data (data/pilot-results.ts, vite/pilot-results.ts): a results folder built to pass,
// to fail and to land in between gives go, stop and redesign by the approved rule; before the test quarter, the
// reading is due; a bad file is refused naming the file, row and field, and no person's row reaches the browser.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePilotQuarter, pilotReading } from '../data/pilot-results'
import { PLAN } from '../data/plan'
import { readPilotQuarters, readPilotReading } from '../vite/pilot-results'
import { quarterRows, SHAPES, writePilotResults } from './fixtures/pilot/quarters'

const tmp = () => mkdtempSync(join(tmpdir(), 'pilot-results-'))
const functions = PLAN.pilot.functions.map(f => f.name)

describe('the pilot reading, from the results folder', () => {
  it('before the test quarter is in: due, at the go/no-go meeting', () => {
    const reading = readPilotReading(join(tmp(), 'none'))
    expect(reading).toMatchObject({ status: 'due', quarter: PLAN.pilot.testQuarter })
  })

  it.each(Object.entries(SHAPES))('a test quarter built to say %s says it, with the estimate inside its interval', (verdict, shape) => {
    const reading = readPilotReading(writePilotResults(tmp(), shape))
    expect(reading.status).toBe('read')
    if (reading.status !== 'read')
      return
    expect(reading.verdict).toBe(verdict)
    // The rows round each person's count to a whole deliverable, so the gain lands near, not on, the one built in.
    expect(Math.abs(reading.analysis.estimate - (shape.coached - shape.comparison))).toBeLessThan(0.02)
    expect(reading.analysis.estimate).toBeCloseTo(reading.analysis.coached - reading.analysis.comparison, 10)
    expect(reading.analysis.low).toBeLessThan(reading.analysis.estimate)
    expect(reading.analysis.high).toBeGreaterThan(reading.analysis.estimate)
    expect(reading.coverage).toEqual([1, 1])
  })

  it('with the baseline quarter in, the design is checked on it: its share, deliverables a person, how alike people are, and the power they give', () => {
    const reading = readPilotReading(writePilotResults(tmp(), SHAPES.stop))
    expect(reading.baseline).not.toBeNull()
    const b = reading.baseline!
    expect(b.quarter).toBe(PLAN.pilot.baselineQuarter)
    expect(Math.abs(b.share - SHAPES.stop.comparison)).toBeLessThan(0.02)
    expect(b.deliverablesPerPerson).toBe(PLAN.pilot.deliverablesPerPerson)
    expect(b.power).toBeGreaterThan(0)
    expect(b.enough).toBe(b.power >= PLAN.pilot.minPower)
    // Before the test quarter, the check is there on its own.
    const dir = tmp()
    writePilotResults(dir, SHAPES.stop)
    rmSync(join(dir, `${PLAN.pilot.testQuarter}.json`))
    expect(readPilotReading(dir)).toMatchObject({
      status: 'due',
      baseline: { quarter: PLAN.pilot.baselineQuarter },
    })
  })

  it('a baseline whose people differ far more than assumed says the design is short of power', () => {
    const dir = tmp()
    // Half the people verify nothing and half verify almost everything: people are very alike within themselves.
    const rows = quarterRows(SHAPES.stop).map((r, i) => ({
      ...r,
      verified: i % 4 < 2
        ? 0
        : Math.round(r.deliverables * 0.46),
    }))
    writeFileSync(join(dir, `${PLAN.pilot.baselineQuarter}.json`), JSON.stringify({ quarter: PLAN.pilot.baselineQuarter, rows }))
    const reading = readPilotReading(dir)
    expect(reading.baseline!.icc).toBeGreaterThan(PLAN.pilot.icc * 2)
    expect(reading.baseline!.enough).toBe(false)
  })

  it('a clear gain with too little review is a redesign, not a go', () => {
    const reading = readPilotReading(writePilotResults(tmp(), { ...SHAPES.go, coverage: (PLAN.pilot.minReviewCoverage - 10) / 100 }))
    expect(reading).toMatchObject({ status: 'read', verdict: 'redesign', coverageMet: false })
  })

  it('the browser gets the reading only: no person code in it', () => {
    const reading = readPilotReading(writePilotResults(tmp(), SHAPES.go))
    expect(JSON.stringify(reading)).not.toMatch(/P-\d{4}/)
  })

  it('pure: the same rows give the same reading without the folder', () => {
    const q = {
      quarter: PLAN.pilot.testQuarter,
      rows: quarterRows(SHAPES.stop),
    }
    expect(pilotReading(PLAN.pilot, [q], 'm')).toMatchObject({ status: 'read', verdict: 'stop' })
  })
})

describe('a bad results file is refused, naming the file, the row and the field', () => {
  const file = `data/pilot-results/${PLAN.pilot.testQuarter}.json`
  const rows = () => quarterRows(SHAPES.go).slice(0, 4) as unknown as Record<string, unknown>[]
  it.each([
    [
      'a name instead of a code',
      (r: Record<string, unknown>[]) => (r[1].person = 'ann.lee@example.com'),
      /row 2 person: must be a code of letters, digits and dashes \(no names or emails\)/,
    ],
    [
      'a wave that does not exist',
      (r: Record<string, unknown>[]) => (r[0].wave = 3),
      /row 1 wave: must be 1 \(coached\) or 2 \(comparison\), got 3/,
    ],
    [
      'more verified than delivered',
      (r: Record<string, unknown>[]) => (r[2].verified = 99),
      /row 3 verified: \(99\) is more than the person's deliverables/,
    ],
    [
      'a function outside the pilot',
      (r: Record<string, unknown>[]) => (r[3].function = 'Marketing'),
      /row 4 function: must be one of the pilot's functions/,
    ],
    [
      'a field the pilot does not keep',
      (r: Record<string, unknown>[]) => (r[0].email = 'x'),
      /row 1: has fields the pilot does not keep \(email\)/,
    ],
    [
      'the same person twice',
      (r: Record<string, unknown>[]) => (r[1].person = r[0].person),
      /row 2 person: P-0001 appears twice/,
    ],
  ])('%s', (_, change, message) => {
    const r = rows()
    change(r)
    expect(() => parsePilotQuarter({ quarter: PLAN.pilot.testQuarter, rows: r }, file, functions)).toThrow(message)
    try {
      parsePilotQuarter({ quarter: PLAN.pilot.testQuarter, rows: r }, file, functions)
    }
    catch (e) {
      expect((e as Error).message.startsWith(file)).toBe(true)
    }
  })

  it('a stray file in the folder, or a file that is not JSON, is refused by name', () => {
    const dir = tmp()
    writeFileSync(join(dir, 'review-log-raw.csv'), 'person,email\n')
    expect(() => readPilotQuarters(dir)).toThrow(/review-log-raw\.csv: only <quarter>\.json files/)
    const dir2 = tmp()
    writeFileSync(join(dir2, `${PLAN.pilot.testQuarter}.json`), '{ not json')
    expect(() => readPilotQuarters(dir2)).toThrow(new RegExp(`${PLAN.pilot.testQuarter}\\.json: not valid JSON`))
  })
})
