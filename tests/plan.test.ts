// The company's proposal (data/plan.ts) and the meeting's shape: the plan is validated like the figures, no plan
// number is typed into a slide, every measure a slide promises is defined once, and the main story fits the meeting.
import type { Plan } from '../data/plan'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatDecimal, formatWhole } from '../data/format'
import { ALL_MEASURES, promisedMeasure, RECORD_MEASURES } from '../data/measures'
import { costLines, pilotPeople, pilotPower } from '../data/pilot'
import { formatMoney, PLAN, planProblems, totalCap } from '../data/plan'
import { formatDate } from '../data/sources'
import { USER_ERROR_EXIT } from '../scripts/lib/cli.ts'
import { MAIN_STORY_MINUTES, minutesOf, partOf } from '../shared/parts'
import { deckSlides } from './helpers/deck'
import { validateWith } from './helpers/project'

const SLIDES_PATH = join(__dirname, '..', 'slides.md')
const markdown = readFileSync(SLIDES_PATH, 'utf8')
/** A deep copy of the plan with one change, for the checks that must fail. */
function variant(change: (p: Plan) => void): Plan {
  const p = structuredClone(PLAN) as Plan
  change(p)
  return p
}

describe('data/plan.ts is checked like the figures: a bad plan names its field', () => {
  it('the plan as it stands has no problems', () => expect(planProblems(PLAN)).toEqual([]))

  it.each([
    [
      'a missing owner',
      (p: Plan) => ((p.asks[0] as { owner: string }).owner = ''),
      /^asks\[0\] \(pilot\)\.owner is missing/,
    ],
    [
      'a negative amount',
      (p: Plan) => ((p.asks[0] as { cap: { amount: number } }).cap.amount = -5),
      /^asks\[0\] \(pilot\)\.cap\.amount must be a positive amount, got -5/,
    ],
    [
      'a review before the meeting it is proposed at',
      (p: Plan) => ((p.meetings as Record<string, { date: string }>).pilotReview.date = '2026-11-01'),
      /^meetings\.pilotReview\.date \(2026-11-01\) must come after the meeting the plan is proposed at \(2026-12-10\)/,
    ],
    [
      'a currency that differs from the plan’s',
      (p: Plan) => ((p.asks[0] as { cap: { currency: string } }).cap.currency = 'GBP'),
      /^asks\[0\] \(pilot\)\.cap\.currency is GBP, but the plan is in USD/,
    ],
    [
      'a day that is not in the calendar',
      (p: Plan) => ((p.pilot as { toolsFrom: string }).toolsFrom = '2027-02-30'),
      /^pilot\.toolsFrom must be a real day/,
    ],
    [
      'a comparison wave coached inside the test quarter',
      (p: Plan) => ((p.pilot.waves[1] as { coachingFrom: string, onlyIfGo?: boolean }) = { ...p.pilot.waves[1], coachingFrom: '2027-08-01', onlyIfGo: false }),
      /^pilot\.waves\[1\]\.coachingFrom \(2027-08-01\) falls inside the test quarter 2027-Q3/,
    ],
    // The decision rule is data: a pilot that cannot answer its own question is refused, naming the field.
    [
      'a pilot too small to see the gain the paper expects',
      (p: Plan) => ((p.pilot as { functions: unknown }).functions = p.pilot.functions.map(f => ({ ...f, people: f.people / 4 }))),
      /^pilot\.functions give the pilot a power of \d+% to see the expected gain of [\d.]+ points; at least 80% is needed/,
    ],
    [
      'a go threshold above the gain the paper expects',
      (p: Plan) => ((p.pilot as { goAbove: number }).goAbove = 5),
      /^pilot\.goAbove \(5 points\) must be below the gain the paper expects/,
    ],
    [
      'a pilot function with only one wave (one person a team)',
      (p: Plan) => ((p.pilot as { functions: unknown }).functions = [
        { ...p.pilot.functions[0], people: p.pilot.functions[0].teams },
        ...p.pilot.functions.slice(1),
      ]),
      /^pilot\.functions\[0\] \(Finance\)\.people must be at least two a team \(\d+\), so every team, and so the function, has people in both waves/,
    ],
    [
      'cost lines that do not sum within the cap',
      (p: Plan) => ((p.asks[0] as { cap: { amount: number } }).cap.amount = 500_000),
      /^asks\[0\] \(pilot\)\.cap\.amount \(US\$500,000\) is less than the pilot's cost lines, which sum to US\$[\d,]+/,
    ],
    [
      'a second wave coached only if go, but before the go/no-go meeting',
      (p: Plan) => ((p.pilot.waves[1] as { coachingFrom: string }).coachingFrom = '2027-10-01'),
      /^pilot\.waves\[1\]\.coachingFrom \(2027-10-01\) is coached only if the board says go/,
    ],
    [
      'a pilot with no stop rule',
      (p: Plan) => ((p.pilot as { stopRules: unknown }).stopRules = []),
      /^pilot\.stopRules must say at least once what stops the pilot/,
    ],
  ])('%s', (_, change, message) => {
    const problems = planProblems(variant(change))
    expect(problems.length).toBeGreaterThanOrEqual(1)
    expect(problems[0]).toMatch(message)
  })

  it('a plan in another currency than the CEO office’s budget is refused', () => {
    expect(planProblems(PLAN, 'EUR')).toEqual(['currency is USD, but data/scorecard/budget.json is in EUR'])
  })

  it('never compares with today: the checks depend on the plan’s own dates only', () => {
    const source = readFileSync(join(__dirname, '..', 'data', 'plan.ts'), 'utf8')
    expect(source).not.toMatch(/new Date\(\)|Date\.now\(\)/)
  })

  it('a broken plan stops the build (the step every build and export runs), naming the field', () => {
    const r = validateWith('data/plan.ts', source => source.replace('owner: \'Chief Technology Officer\',\n      cap: null', 'owner: \'\',\n      cap: null'))
    expect(r.status).toBe(USER_ERROR_EXIT)
    expect(r.stderr).toContain('asks[1] (review).owner is missing')
  })

  it('npm run validate refuses a pilot too small to see the gain, and a go threshold above it, naming the fields', () => {
    const r = validateWith('data/plan.ts', source => source
      .replace(/people: (\d+) \}/g, (_, n: string) => `people: ${Number(n) / 4} }`)
      .replace(/goAbove: 0,/, 'goAbove: 5,'))
    expect(r.status).toBe(USER_ERROR_EXIT)
    expect(r.stderr).toMatch(/pilot\.functions give the pilot a power of \d+% to see the expected gain/)
    expect(r.stderr).toMatch(/pilot\.goAbove \(5 points\) must be below the gain the paper expects/)
  })
})

describe('no plan number is typed into a slide: amounts, dates, thresholds and counts come from data/plan.ts', () => {
  const typed = [
    ...new Set([
      formatMoney(totalCap()),
      ...PLAN.asks.flatMap(a => (a.cap
        ? [
            formatMoney(a.cap),
            String(a.cap.amount),
          ]
        : [])),
      ...Object.values(PLAN.meetings).map(m => formatDate(m.date)),
      ...PLAN.pilot.waves.map(w => formatDate(w.coachingFrom)),
      formatDate(PLAN.pilot.toolsFrom),
      `${PLAN.pilot.minReviewCoverage}%`,
      formatDate(PLAN.pilot.interimReportBy),
      `${formatWhole(pilotPeople(PLAN.pilot).total)} people`,
      ...costLines(PLAN.pilot, PLAN.meetings.pilotReview.date).map(l => formatMoney({ amount: l.amount, currency: PLAN.currency })),
      `${formatDecimal(pilotPower(PLAN.pilot).expected * 100)} points`,
      `${formatDecimal(pilotPower(PLAN.pilot).detectable * 100)} percentage points`,
    ]),
  ]
  const words = 'zero one two three four five six seven eight nine ten'.split(' ')
  const counts = [
    `${words[PLAN.pilot.waves.length]} waves`,
    `${words[PLAN.pilot.waves.length]}-wave`,
    `${words[PLAN.pilot.functions.length]} functions`,
    `${words[PLAN.asks.length]} decisions`,
    `${words[PLAN.risks.length]} risks`,
  ]

  it('slides.md holds none of them, in slide text or notes', () => {
    const lower = markdown.toLowerCase()
    expect(typed.filter(t => markdown.includes(t))).toEqual([])
    expect(counts.filter(c => lower.includes(c))).toEqual([])
  })

  it('the check catches a typed amount and a typed count', () => {
    const typedIn = (md: string) => [
      ...typed.filter(t => md.includes(t)),
      ...counts.filter(c => md.toLowerCase().includes(c)),
    ]
    expect(typedIn(`${markdown}\nWe ask for ${formatMoney(totalCap())}.`)).toEqual([
      formatMoney(totalCap()),
    ])
    expect(typedIn(`${markdown}\nA Two-wave pilot.`)).toEqual([counts[1]])
  })
})

describe('the pilot\'s measures are read no earlier than the pilot can give them', () => {
  it('every company record of agent work has its first reading in or after the quarter the tool arrives (charters come before it)', () => {
    const [y, m] = PLAN.pilot.toolsFrom.split('-').map(Number)
    const toolQuarter = `${y}-Q${Math.ceil(m / 3)}`
    const early = Object.values(RECORD_MEASURES).filter(r => r.id !== 'charterCoverage' && r.firstReading < toolQuarter).map(r => `${r.id}: ${r.firstReading}`)
    expect(early).toEqual([])
  })
})

describe('every measure a slide promises is defined once, and the scorecard lists exactly those', () => {
  const promised = [
    ...markdown.matchAll(/<Measures ids="([^"]+)"/g),
  ].flatMap(m => m[1].split(/\s+/))

  it('each "How we will find out" names its measures through <Measures>, never in free text', () => {
    const sections = markdown.split('## How we will find out').slice(1)
    expect(sections.length).toBeGreaterThanOrEqual(5)
    for (const s of sections) expect(s.trimStart()).toMatch(/^<Measures ids="/)
    expect(markdown).not.toMatch(/We will measure/)
  })

  it('every promised measure is defined, and every defined measure is promised by a slide', () => {
    expect(promised.filter(id => !ALL_MEASURES.some(m => m.id === id))).toEqual([])
    expect(ALL_MEASURES.map(m => m.id).filter(id => !promised.includes(id))).toEqual([])
  })

  it('a slide naming an undefined measure fails, naming it', () => {
    expect(() => promisedMeasure('valueDelivered')).toThrow(/Unknown measure "valueDelivered": define it in data\/measures\.ts/)
  })
})

describe('the meeting: a short main story, then the pre-read', () => {
  for (const hasData of [false, true]) {
    describe(hasData ? 'with a quarter of our own data' : 'before any quarter of our own data', () => {
      const slides = deckSlides(undefined, hasData)
      const main = slides.filter(s => partOf(s.frontmatter) === 'main')

      it('every slide says which part it is in, and the pre-read follows the main story', () => {
        const parts = slides.map(s => partOf(s.frontmatter))
        expect(parts.indexOf('pre-read')).toBe(main.length)
        expect(parts.slice(main.length).every(p => p === 'pre-read')).toBe(true)
      })

      it('the main story has at most twelve slides, cover and asks included, and the scorecard takes at most one', () => {
        expect(main.length).toBeLessThanOrEqual(12)
        expect(main[0].index).toBe(0)
        expect(main[1].title).toMatch(/^We ask the Board/)
        expect(main.filter(s => s.frontmatter.scorecard).length).toBe(1)
      })

      it(`the main slides' time budgets add up to ${MAIN_STORY_MINUTES} minutes or less, leaving the rest for discussion`, () => {
        const total = main.reduce((s, x) => s + minutesOf(x.frontmatter), 0)
        expect(total).toBeGreaterThan(0)
        expect(total).toBeLessThanOrEqual(MAIN_STORY_MINUTES)
      })
    })
  }

  it('a main slide without a time budget, or a slide without a part, is refused with a clear message', () => {
    expect(() => minutesOf({ part: 'main' })).toThrow(/"minutes: <number>"/)
    expect(() => partOf({})).toThrow(/"part: main" or "part: pre-read"/)
  })
})
