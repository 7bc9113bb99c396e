// Our scorecard: the import turns the API's saved pages into sums by function and quarter, and nothing
// more; the checks name the file, quarter and field; small groups merge into "Other"; no email gets through.
// Expected values are worked out here from the synthetic pages directly, not by the code under test.
import type { QuarterFile } from '../data/scorecard'
import type { UsageRecord } from '../scripts/scorecard/api'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadScorecard, MIN_GROUP, quarterProblems, ScorecardError } from '../data/scorecard'
import { measureTable, measureValue, totalOf } from '../data/scorecard-measures'
import { USER_ERROR_EXIT } from '../scripts/lib/cli.ts'
import { aggregate, parsePeopleCsv } from '../scripts/scorecard/aggregate'
import { PageError, parsePage } from '../scripts/scorecard/api'
import { peopleFile } from '../scripts/scorecard/import'
import { readScorecardFiles } from '../vite/scorecard-files'
import { npx, slidevBuild } from './helpers/npx'
import { sampleQuarter } from './helpers/sampleQuarter'
import { activePeopleIn, FIXTURE, fixtureEmails, folderBytes, importFixture, PAGES, pagesFolder, peopleCsv, peopleOutsideRepo, quarterOfDate, rawRecords } from './helpers/scorecardFixture'

describe('import: saved API pages to sums by function and quarter', () => {
  let out: string
  let quarters: QuarterFile[]
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'scorecard-'))
    quarters = importFixture([PAGES], {
      out,
      now: new Date('2026-10-03T00:00:00Z'),
    }).quarters
  })

  it('writes one file per quarter in the pages, each passing the checks', () => {
    expect(readdirSync(out).sort()).toEqual(['2026-Q2.json', '2026-Q3.json'])
    for (const f of readdirSync(out)) expect(quarterProblems(JSON.parse(readFileSync(join(out, f), 'utf8')), join(out, f))).toEqual([])
  })

  it('counts every session, commit-or-PR day, edit and cent of the pages, people and API keys apart', () => {
    for (const q of quarters) {
      const recs = rawRecords().filter(r => quarterOfDate(r.date) === q.quarter)
      const people = recs.filter(r => r.actor.type === 'user_actor')
      const sum = (rs: UsageRecord[], f: (r: UsageRecord) => number) => rs.reduce((s, r) => s + f(r), 0)
      const t = totalOf(q)
      expect(t.sessions).toBe(sum(people, r => r.core_metrics.num_sessions))
      expect(t.sessionsOnCommitOrPrDays).toBe(sum(people, r => (r.core_metrics.commits_by_claude_code + r.core_metrics.pull_requests_by_claude_code > 0
        ? r.core_metrics.num_sessions
        : 0)))
      expect(t.commits).toBe(sum(people, r => r.core_metrics.commits_by_claude_code))
      expect(t.editsAccepted).toBe(sum(people, r => Object.values(r.tool_actions).reduce((s, c) => s + (c?.accepted ?? 0), 0)))
      expect(t.estimatedCostMinor).toBe(sum(people, r => sum([r], x => x.model_breakdown.reduce((s, m) => s + m.estimated_cost.amount, 0))))
      expect(t.activePeople).toBe(activePeopleIn(q.quarter))
      expect(q.provenance.apiKeySessions).toBe(sum(recs.filter(r => r.actor.type === 'api_actor'), r => r.core_metrics.num_sessions))
      expect(q.provenance.peopleCovered).toBe(t.activePeople)
    }
  })

  it('joins people to functions by email, whatever its case', () => {
    const engineers = new Set(peopleCsv.split('\n').filter(l => l.endsWith(',Engineering')).map(l => l.split(',')[0]))
    for (const q of quarters) {
      const recs = rawRecords().filter(r => quarterOfDate(r.date) === q.quarter && r.actor.type === 'user_actor' && engineers.has(r.actor.email_address))
      expect(q.functions.find(f => f.function === 'Engineering')!.sessions).toBe(recs.reduce((s, r) => s + r.core_metrics.num_sessions, 0))
    }
  })

  it('merges functions of fewer than 5 active people, and people with no function, into "Other", and says so', () => {
    for (const q of quarters) {
      expect(q.functions.map(f => f.function)).toEqual([
        'Engineering',
        'Finance',
        'Operations',
        'Other',
      ])
      expect(q.provenance.mergedIntoOther).toEqual(['Legal', 'Sales'])
      expect(q.provenance.unmappedPeople).toBe(1)
      expect(Math.min(...q.functions.map(f => f.activePeople))).toBeGreaterThanOrEqual(MIN_GROUP)
    }
  })

  it('takes the dates covered from the export manifest, inside each quarter', () => {
    expect(quarters.map(q => [q.provenance.from, q.provenance.to])).toEqual([
      ['2026-04-01', '2026-06-30'],
      ['2026-07-01', '2026-09-30'],
    ])
    expect(quarters[0].provenance.exportedAt).toBe('2026-10-02T08:00:00.000Z')
  })

  it('counts a page saved twice once', () => {
    const dup = mkdtempSync(join(tmpdir(), 'pages-'))
    for (const f of readdirSync(PAGES)) copyFileSync(join(PAGES, f), join(dup, f))
    copyFileSync(join(PAGES, '2026-07-01-p1.json'), join(dup, 'copy-of-2026-07-01-p1.json'))
    const r = importFixture([dup])
    expect(r.duplicates).toBe(JSON.parse(readFileSync(join(PAGES, '2026-07-01-p1.json'), 'utf8')).data.length)
    expect(totalOf(r.quarters[1]).sessions).toBe(totalOf(quarters[1]).sessions)
  })
})

describe('privacy: only sums by function leave the import', () => {
  it('no email address, API key name or "@" is in what the import writes', () => {
    const out = mkdtempSync(join(tmpdir(), 'scorecard-'))
    importFixture([PAGES], { out })
    const written = readdirSync(out).map(f => readFileSync(join(out, f), 'utf8')).join('\n')
    expect(fixtureEmails().length).toBeGreaterThan(20)
    for (const email of fixtureEmails()) expect(written).not.toContain(email)
    expect(written).not.toContain('@')
    expect(written).not.toContain('ci-pipeline-key')
  })

  it('refuses a people file inside the repo', () => {
    expect(() => peopleFile(join(FIXTURE, 'people.csv'))).toThrow(/inside the repo/)
  })

  it('the command line prints counts, never an email, and fails clearly without a people file', () => {
    const out = mkdtempSync(join(tmpdir(), 'scorecard-'))
    const ok = npx([
      'tsx',
      'scripts/scorecard/import.ts',
      PAGES,
      '--people',
      peopleOutsideRepo(),
      '--out',
      out,
    ])
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stdout).toMatch(/2026-Q3 .*active people in 4 functions/)
    expect(ok.stdout).toMatch(/merged into Other \(fewer than 5 active people\): Legal, Sales/)
    for (const email of fixtureEmails()) expect(ok.stdout + ok.stderr).not.toContain(email)
    const bad = npx([
      'tsx',
      'scripts/scorecard/import.ts',
      PAGES,
      '--out',
      out,
    ], { SCORECARD_PEOPLE: '' })
    expect(bad.status).toBe(USER_ERROR_EXIT)
    expect(bad.stderr).toMatch(/Name the people file/)
  }, 60_000) // two runs of the command, each a Node start and a child process

  it('the scorecard folder refuses any file but quarters and the budget (a raw page would carry emails)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorecard-'))
    copyFileSync(join(PAGES, '2026-07-01-p1.json'), join(dir, '2026-07-01-p1.json'))
    expect(() => readScorecardFiles(dir)).toThrow(/2026-07-01-p1\.json: only <quarter>\.json files/)
  })

  it('a function name that is an email address is refused', () => {
    expect(() => parsePeopleCsv('email,function\nann@example.com,bob@example.com\n', 'people.csv')).toThrow(/people.csv, line 2: the function looks like an email/)
  })
})

describe('small groups', () => {
  const rec = (email: string, sessions = 3): UsageRecord => ({
    actor: { type: 'user_actor', email_address: email },
    core_metrics: {
      num_sessions: sessions,
      lines_of_code: { added: 1, removed: 0 },
      commits_by_claude_code: 0,
      pull_requests_by_claude_code: 0,
    },
    customer_type: 'api',
    date: '2026-08-03',
    model_breakdown: [
      {
        model: 'm',
        tokens: {
          input: 1,
          output: 1,
          cache_read: 0,
          cache_creation: 0,
        },
        estimated_cost: { amount: 100, currency: 'USD' },
      },
    ],
    organization_id: 'o',
    terminal_type: 't',
    tool_actions: {},
  })
  const team = (fn: string, n: number) => Array.from({ length: n }, (_, i) => [`${fn}${i}@example.com`, fn] as const)

  it('when "Other" is still under 5, the smallest named function joins it', () => {
    const people = new Map([
      ...team('a', 7),
      ...team('b', 6),
      ...team('c', 2),
    ])
    const [q] = aggregate([
      ...people.keys(),
    ].map(e => rec(e)), people, { exportedAt: '2026-10-01T00:00:00Z' })
    // c (2) is merged, leaving Other at 2; b (6, the smallest named) joins it: Other 8.
    expect(q.functions.map(f => [f.function, f.activePeople])).toEqual([
      ['a', 7],
      ['Other', 8],
    ])
    expect(q.provenance.mergedIntoOther).toEqual(['b', 'c'])
  })

  it('fewer than 5 active people in all stops the import: the numbers would describe individuals', () => {
    const people = new Map(team('a', 4))
    expect(() => aggregate([
      ...people.keys(),
    ].map(e => rec(e)), people, { exportedAt: '2026-10-01T00:00:00Z' })).toThrow(/2026-Q3: only 4 active people in all/)
  })

  it('costs in two currencies stop the import rather than being added up', () => {
    const people = new Map(team('a', 5))
    const recs = [
      ...people.keys(),
    ].map(e => rec(e))
    recs[0].model_breakdown[0].estimated_cost.currency = 'EUR'
    expect(() => aggregate(recs, people, { exportedAt: '2026-10-01T00:00:00Z' })).toThrow(/more than one currency/)
  })
})

describe('API pages are checked against the published schema', () => {
  const page = () => JSON.parse(readFileSync(join(PAGES, '2026-07-01-p1.json'), 'utf8'))

  it('the fixture pages pass, and a timestamp date is read as its day', () => {
    const p = parsePage(page(), 'p.json')
    expect(p.data[0].date).toBe('2026-07-01')
  })

  it('a malformed record is refused with its place and field, never its email', () => {
    const bad = page()
    bad.data[3].core_metrics.num_sessions = -1
    bad.data[5].actor = { type: 'person' }
    bad.data[6].model_breakdown[0].estimated_cost = { amount: '12', currency: 'USD' }
    bad.has_more = true
    const err = (() => {
      try {
        parsePage(bad, 'saved/2026-07-01-p1.json')
      }
      catch (e) {
        return e as Error
      }
    })()
    expect(err).toBeInstanceOf(PageError)
    expect(err!.message).toContain('saved/2026-07-01-p1.json is not a Claude Code usage report page')
    expect(err!.message).toContain('data[3].core_metrics.num_sessions must be a whole number from 0 to 1,000,000 (a person\'s day), got -1')
    expect(err!.message).toContain('data[5].actor.type must be "user_actor" or "api_actor"')
    expect(err!.message).toContain('data[6].model_breakdown[0].estimated_cost.amount must be a number from 0 to 1,000,000 minor units (a person\'s day), got "12"')
    expect(err!.message).toContain('"has_more" is true but "next_page" is missing')
    expect(err!.message).not.toMatch(/@example\.com/)
  })
})

describe('the scorecard files are checked, each problem naming the file, the quarter and the field', () => {
  const good = sampleQuarter
  const F = 'data/scorecard/2026-Q3.json'

  it('a good file has no problems', () => expect(quarterProblems(good(), F)).toEqual([]))

  it.each([
    [
      'a negative count',
      (q: QuarterFile) => (q.functions[0].sessions = -4),
      'data/scorecard/2026-Q3.json (quarter 2026-Q3): field "functions[0] (Finance).sessions" must be a whole number ≥ 0, got -4',
    ],
    [
      'a group under 5 people',
      (q: QuarterFile) => {
        q.functions[0].activePeople = 3
        q.provenance.peopleCovered = 10
      },
      'field "functions[0] (Finance).activePeople" is 3: a group of fewer than 5 people must be merged into "Other" (privacy)',
    ],
    [
      'a date outside the quarter',
      (q: QuarterFile) => (q.provenance.to = '2026-10-04'),
      'field "provenance.from" 2026-07-01 to 2026-10-04 is not inside 2026-Q3',
    ],
    [
      'a missing export time',
      (q: QuarterFile) => delete (q.provenance as Partial<QuarterFile['provenance']>).exportedAt,
      'field "provenance.exportedAt" must be a date and time, got undefined',
    ],
    [
      'an email for a function',
      (q: QuarterFile) => (q.functions[1].function = 'ann@example.com'),
      'field "functions[1] (ann@example.com).function" looks like an email address',
    ],
    [
      'people covered that do not add up',
      (q: QuarterFile) => (q.provenance.peopleCovered = 13),
      'field "provenance.peopleCovered" is 13, but the functions add up to 12 active people',
    ],
    [
      'more evidence days than sessions',
      (q: QuarterFile) => (q.functions[0].sessionsOnCommitOrPrDays = 51),
      'field "functions[0] (Finance).sessionsOnCommitOrPrDays" (51) is more than sessions (50)',
    ],
  ])('%s', (_, breakIt, message) => {
    const q = good()
    breakIt(q)
    expect(quarterProblems(q, F).join('\n')).toContain(message)
  })

  it('a malformed quarter stops the build, naming the file, the quarter and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorecard-'))
    const q = good()
    q.functions[0].sessions = -4
    writeFileSync(join(dir, '2026-Q3.json'), JSON.stringify(q))
    const out = mkdtempSync(join(tmpdir(), 'site-'))
    const r = npx(slidevBuild(out), { SCORECARD_DIR: dir })
    expect(r.status).not.toBe(0)
    expect(r.stdout + r.stderr).toContain(`${join(dir, '2026-Q3.json')} (quarter 2026-Q3): field "functions[0] (Finance).sessions" must be a whole number ≥ 0, got -4`)
    expect(readdirSync(out)).not.toContain('index.html')
  }, 120_000)

  it('a file named for another quarter is refused', () => {
    expect(quarterProblems(good(), 'data/scorecard/2026-Q2.json').join('\n')).toContain('is 2026-Q3, but the file is named 2026-Q2.json')
  })

  it('loading throws one error that lists every problem', () => {
    const q = good()
    q.currency = 'usd'
    const load = () => loadScorecard([
      { file: F, json: q },
    ], {
      file: 'data/scorecard/budget.json',
      json: {
        costPerActivePersonPerMonth: 0,
        currency: 'USD',
        setBy: 'x',
        setOn: '2026-10-01',
      },
    })
    expect(load).toThrow(ScorecardError)
    expect(load).toThrow('field "currency" must be a three-letter code')
    expect(load).toThrow('data/scorecard/budget.json: field "costPerActivePersonPerMonth" must be a positive number, got 0')
  })

  it('the measures, worked by hand for this file', () => {
    const q = good()
    const eng = q.functions[1]
    // 92 days = 92/7 weeks; 91 sessions by 7 people: 91 / 7 / (92/7) = 91/92 ≈ 0.99 a week.
    expect(measureValue('sessionsPerPersonPerWeek', eng, q.provenance)).toBeCloseTo(91 / 92, 10)
    expect(measureValue('commitOrPrShare', eng, q.provenance)).toBeCloseTo((70 / 91) * 100, 10)
    expect(measureValue('editAcceptance', eng, q.provenance)).toBeCloseTo((300 / 325) * 100, 10)
    // $456.00 over 7 people and 92 × 12 / 365 months.
    expect(measureValue('costPerPersonPerMonth', eng, q.provenance)).toBeCloseTo(456 / 7 / ((92 * 12) / 365), 10)
    expect(measureValue('costPerSession', eng, q.provenance)).toBeCloseTo(456 / 91, 10)
    const all = measureTable('activePeople', [q]).at(-1)!
    expect(all).toEqual({
      function: 'All',
      values: [12],
    })
  })
})

// Keeps the fixture honest: regenerating it gives the files in the repo.
describe('the synthetic fixture', () => {
  it('is what tests/fixtures/scorecard/generate.mjs writes', () => {
    const before = readdirSync(PAGES).map(f => readFileSync(join(PAGES, f), 'utf8'))
    const tmp = mkdtempSync(join(tmpdir(), 'fixture-'))
    mkdirSync(join(tmp, 'pages'))
    copyFileSync(join(FIXTURE, 'generate.mjs'), join(tmp, 'generate.mjs'))
    const r = spawnSync('node', [
      join(tmp, 'generate.mjs'),
    ], { encoding: 'utf8' })
    expect(r.status, r.stderr).toBe(0)
    expect(readdirSync(join(tmp, 'pages')).map(f => readFileSync(join(tmp, 'pages', f), 'utf8'))).toEqual(before)
    for (const email of fixtureEmails()) expect(email).toMatch(/@example\.com$/)
  })
})

describe('monthly top-ups and re-imports: the period is what was fetched, and nothing is replaced unasked', () => {
  // Worked from the raw records: Q3's people-sessions over the whole quarter, 92 days.
  const q3 = rawRecords().filter(r => r.actor.type === 'user_actor' && quarterOfDate(r.date) === '2026-Q3')
  const trueRate = q3.reduce((s, r) => s + r.core_metrics.num_sessions, 0) / activePeopleIn('2026-Q3') / (92 / 7)

  it('July fetched, then August to September into the same folder: Q3 covers the whole quarter, at the true rate', () => {
    const dir = pagesFolder(/^2026-(07|08|09)-/, {
      'export-manifest-2026-07-01_2026-07-31.json': ['2026-07-01', '2026-07-31'],
      'export-manifest-2026-08-01_2026-09-30.json': ['2026-08-01', '2026-09-30'],
    })
    const r = importFixture([dir])
    const q = r.quarters.find(x => x.quarter === '2026-Q3')!
    expect([q.provenance.from, q.provenance.to]).toEqual(['2026-07-01', '2026-09-30'])
    expect(measureValue('sessionsPerPersonPerWeek', totalOf(q), q.provenance)).toBeCloseTo(trueRate, 6)
    expect(r.missingDays['2026-Q3']).toEqual([])
  })

  it('a folder whose one manifest was overwritten by the top-up refuses the records it does not cover, naming the file and day', () => {
    const dir = pagesFolder(/^2026-(07|08|09)-/, {
      'export-manifest.json': ['2026-08-01', '2026-09-30'],
    })
    expect(() => importFixture([dir])).toThrow(/2026-07-01-p1\.json, data\[0\]\.date: 2026-07-01 is outside every export range \(2026-08-01 to 2026-09-30/)
  })

  it('a gap between two fetches is reported as missing days', () => {
    const dir = pagesFolder(/^2026-(07|08|09)-/, {
      'export-manifest-a.json': ['2026-07-01', '2026-07-03'],
      'export-manifest-b.json': ['2026-08-01', '2026-09-30'],
    })
    const r = importFixture([dir])
    expect(r.missingDays['2026-Q3']).toHaveLength(28) // 4 to 31 July
    expect(r.missingDays['2026-Q3'][0]).toBe('2026-07-04')
  })

  it('one day imported over a full quarter is refused without --replace, says how they differ, and leaves the folder byte for byte', () => {
    const out = mkdtempSync(join(tmpdir(), 'sc-'))
    importFixture([PAGES], { out })
    const before = folderBytes(out)
    const oneDay = mkdtempSync(join(tmpdir(), 'oneday-'))
    for (const f of ['2026-06-30-p1.json', '2026-06-30-p2.json']) copyFileSync(join(PAGES, f), join(oneDay, f))
    expect(() => importFixture([oneDay], { out })).toThrow(/2026-Q2\.json: 2026-Q2 now 2026-04-01 to 2026-06-30, \d+ active people.*the new import 2026-06-30 to 2026-06-30[\s\S]*--replace|--replace[\s\S]*2026-Q2 now 2026-04-01 to 2026-06-30/)
    expect(folderBytes(out)).toEqual(before)
    const r = importFixture([oneDay], { out, replace: true })
    expect(r.replaced).toHaveLength(1)
    expect(JSON.parse(readFileSync(join(out, '2026-Q2.json'), 'utf8')).provenance.from).toBe('2026-06-30')
  })
})
