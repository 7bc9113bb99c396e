// The what-if calculation, on inputs whose results are worked out by hand here from the study's
// rates as the report states them (Figure 5): verified 15% novice vs 28–33% intermediate or above;
// at least partial 77% vs 91–92%; abandoned when in trouble 19% vs 5–7%.
import type { Scenario } from '../data/scenario'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SCENARIO, LIMITS, parseInput, projectScenario, readScenarioQuery, scenarioFromQuery, scenarioToQuery, studyRates } from '../data/scenario'

function close(actual: readonly number[] | null, expected: readonly number[]) {
  expect(actual).not.toBeNull()
  actual!.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9))
}

const base: Scenario = {
  people: 100,
  sessionsPerPerson: 10,
  noviceShare: 40,
  trainingShift: 50,
  troubleShare: 20,
}

describe('studyRates', () => {
  it('reads the report’s rates from the figures module', () => {
    const r = studyRates()
    expect(r.noviceVerified).toBeCloseTo(0.15)
    expect(r.skilledVerified[0]).toBeCloseTo(0.28)
    expect(r.skilledVerified[1]).toBeCloseTo(0.33)
    expect(r.novicePartial).toBeCloseTo(0.77)
    expect(r.skilledPartial[1]).toBeCloseTo(0.92)
    expect(r.noviceAbandoned).toBeCloseTo(0.19)
    expect(r.skilledAbandoned[0]).toBeCloseTo(0.05)
  })
})

describe('projectScenario', () => {
  // 100 people × 10 sessions = 1,000 sessions; 40% novice → 400 novice, 600 intermediate or above.
  const { today, after } = projectScenario(base)

  it('today: verified = 400×0.15 + 600×[0.28, 0.33] = 60 + [168, 198]', () => {
    expect(today.sessions).toBe(1000)
    close(today.verified, [228, 258])
  })
  it('today: partial = 400×0.77 + 600×[0.91, 0.92] = 308 + [546, 552]', () => {
    close(today.partial, [854, 860])
  })
  it('today: abandoned = 20% in trouble → 80×0.19 + 120×[0.05, 0.07] = 15.2 + [6, 8.4]', () => {
    close(today.abandoned, [21.2, 23.6])
  })
  it('after moving half the novice work: 200 novice, 800 above → verified 30 + [224, 264]', () => {
    close(after.verified, [254, 294])
    close(after.partial, [154 + 728, 154 + 736])
    close(after.abandoned, [7.6 + 8, 7.6 + 11.2])
  })
  it('carries the range through: low end uses the low rates, high end the high rates', () => {
    expect(after.verified[0]).toBeLessThan(after.verified[1])
  })

  it('no trouble share set → no abandoned figures', () => {
    const r = projectScenario({ ...base, troubleShare: null })
    expect(r.today.abandoned).toBeNull()
    expect(r.after.abandoned).toBeNull()
  })
  it('no novice work → training changes nothing', () => {
    const r = projectScenario({ ...base, noviceShare: 0 })
    expect(r.after.verified).toEqual(r.today.verified)
    close(r.today.verified, [280, 330])
  })
  it('all novice, training moves all of it → everyone at the intermediate-or-above range', () => {
    const r = projectScenario({ ...base, noviceShare: 100, trainingShift: 100 })
    close(r.today.verified, [150, 150])
    close(r.after.verified, [280, 330])
  })
  it('nobody → zero, never NaN', () => {
    const r = projectScenario({ ...base, people: 0 })
    expect(r.today.verified).toEqual([0, 0])
    expect(r.after.abandoned).toEqual([0, 0])
  })
})

describe('parseInput: out-of-range input is clamped or refused with a message, never NaN', () => {
  it('a negative headcount becomes 0', () => {
    expect(parseInput('people', '-5', 250)).toEqual({
      value: 0,
      message: expect.stringContaining('cannot be below 0'),
    })
  })
  it('a share above 100% becomes 100', () => {
    expect(parseInput('noviceShare', '150', 40)).toEqual({
      value: 100,
      message: expect.stringContaining('cannot exceed 100'),
    })
  })
  it('a headcount above the limit is clamped to it', () => {
    expect(parseInput('people', String(LIMITS.people.max + 1), 250).value).toBe(LIMITS.people.max)
  })
  it('a non-number is refused and the previous value kept', () => {
    expect(parseInput('people', 'lots', 250)).toEqual({
      value: 250,
      message: expect.stringContaining('is not a number'),
    })
    expect(parseInput('sessionsPerPerson', '', 8)).toEqual({
      value: 8,
      message: expect.stringContaining('is not a number'),
    })
  })
  it('fractions of a person are rounded', () => {
    expect(parseInput('people', '12.6', 250).value).toBe(13)
  })
  it('the edges themselves are accepted without a message', () => {
    expect(parseInput('trainingShift', '0', 50)).toEqual({ value: 0, message: null })
    expect(parseInput('trainingShift', '100', 50)).toEqual({ value: 100, message: null })
  })
  it('an empty trouble share means “not set”', () => {
    expect(parseInput('troubleShare', '', 20)).toEqual({ value: null, message: null })
  })
})

describe('the URL query restores a scenario', () => {
  it('round-trips a changed scenario', () => {
    const s: Scenario = {
      people: 1200,
      sessionsPerPerson: 5,
      noviceShare: 60,
      trainingShift: 30,
      troubleShare: 25,
    }
    expect(scenarioFromQuery(scenarioToQuery(s))).toEqual(s)
  })
  it('writes only what differs from the defaults', () => {
    expect(scenarioToQuery({ ...DEFAULT_SCENARIO, people: 999 })).toEqual({ people: '999' })
    expect(scenarioToQuery(DEFAULT_SCENARIO)).toEqual({})
  })
  it('clamps a hand-edited link instead of drawing NaN', () => {
    expect(scenarioFromQuery({ people: '-3', novice: 'abc', training: '400' })).toMatchObject({ people: 0, noviceShare: DEFAULT_SCENARIO.noviceShare, trainingShift: 100 })
  })
  it('says, for each value of a shared link it could not use, what the link said and what the slide uses instead', () => {
    const { scenario, notes } = readScenarioQuery({
      people: '-3',
      novice: 'abc',
      training: '400',
      spp: ['4', '5'],
    })
    expect(scenario).toMatchObject({
      people: 0,
      noviceShare: DEFAULT_SCENARIO.noviceShare,
      trainingShift: 100,
      sessionsPerPerson: DEFAULT_SCENARIO.sessionsPerPerson,
    })
    expect(notes.people).toBe('The link asked for -3 (people directing coding agents), outside what this slide takes, so it uses 0 instead.')
    expect(notes.noviceShare).toBe(`The link’s value for sessions at novice level today, “abc”, is not a number, so this slide ignored it and uses ${DEFAULT_SCENARIO.noviceShare}.`)
    expect(notes.trainingShift).toMatch(/asked for 400 .* uses 100 instead\.$/)
    expect(notes.sessionsPerPerson).toMatch(/gave “spp” more than once/)
    expect(readScenarioQuery({ people: '1200' }).notes).toEqual({})
  })
  it('a link with "?trouble" and no value (the router reads null) turns the trouble share off, with no note', () => {
    const { scenario, notes } = readScenarioQuery({ trouble: null })
    expect(scenario.troubleShare).toBeNull()
    expect(notes).toEqual({})
  })
  it('people=-0 is 0 people, never “-0 people”', () => {
    const { scenario, notes } = readScenarioQuery({ people: '-0' })
    expect(Object.is(scenario.people, 0)).toBe(true)
    expect(notes).toEqual({})
    expect(Object.is(parseInput('people', '-0.4', 5).value, 0)).toBe(true)
    expect(Object.is(parseInput('noviceShare', '-0', 5).value, 0)).toBe(true)
  })
})

describe('the default illustration printed in the board pack', () => {
  // 250 people × 8 sessions = 2,000 a week; 40% novice → 800 novice, 1,200 intermediate or above.
  // Today verified: 800×0.15 + 1,200×[0.28, 0.33] = 120 + [336, 396]. After moving half the novice
  // work: 400×0.15 + 1,600×[0.28, 0.33] = 60 + [448, 528]. Changing a default changes the PDF.
  it('is 2,000 sessions a week: 456–516 verified today, 508–588 after the programme', () => {
    expect(DEFAULT_SCENARIO.troubleShare).toBeNull()
    const { today, after } = projectScenario(DEFAULT_SCENARIO)
    expect(today.sessions).toBe(2000)
    close(today.verified, [456, 516])
    close(after.verified, [508, 588])
    close(today.partial, [800 * 0.77 + 1200 * 0.91, 800 * 0.77 + 1200 * 0.92])
  })
})
