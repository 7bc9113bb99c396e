// The import against faults and hostile input: a record saved twice (in another case, with a trailing space),
// a record revised between two fetches, impossible dates, fractional counts, a people file with quoted commas and
// untidy function names, two export folders at once, days no export covered, and running out of memory.
// Every failure must name the page file, the record and the field, and leave the scorecard folder byte for byte
// as it was. Expected sums are worked out here from the raw pages, not by the code under test.
import type { QuarterFile } from '../data/scorecard'
import type { UsageRecord } from '../scripts/scorecard/api'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { coverage, missingDaysText } from '../components/scorecard/scorecard'
import { quarterProblems } from '../data/scorecard'
import { measureValue, totalOf } from '../data/scorecard-measures'
import { USER_ERROR_EXIT } from '../scripts/lib/cli.ts'
import { Aggregator, parsePeopleCsv } from '../scripts/scorecard/aggregate'
import { importPages } from '../scripts/scorecard/import'
import { npx } from './helpers/npx'
import { activePeopleIn, fixtureEmails, folderBytes, importFixture, PAGES, pagesFolder, peopleCsv, peopleOutsideRepo, quarterOfDate, rawRecords, tmp } from './helpers/scorecardFixture'

/** A fixture page, parsed, to change and save elsewhere. */
const fixturePage = (name: string) => JSON.parse(readFileSync(join(PAGES, name), 'utf8')) as { data: UsageRecord[], has_more: boolean, next_page: string | null }

const sum = (rs: readonly UsageRecord[], f: (r: UsageRecord) => number) => rs.reduce((s, r) => s + f(r), 0)
const userRecords = (quarter: string) => rawRecords().filter(r => r.actor.type === 'user_actor' && quarterOfDate(r.date) === quarter)

/** What the thrown error says (the test fails if nothing is thrown). */
function errorOf(f: () => unknown): string {
  try {
    f()
  }
  catch (e) {
    return (e as Error).message
  }
  throw new Error('expected an error, got none')
}

describe('a failed import names the page file, the record and the field, and leaves the scorecard folder as it was', () => {
  // A scorecard folder holding an earlier import; every import below is allowed to replace it (--replace), so a
  // refusal is the check's doing, not the replace rule's.
  let out: string
  let before: Record<string, string>
  beforeEach(() => {
    out = tmp('scorecard-')
    importFixture([PAGES], { out })
    before = folderBytes(out)
  })
  const importInto = (paths: string[], people = peopleOutsideRepo()) => importPages({ paths, people, out, replace: true })

  it.each([
    ['2026-02-30', '"2026-02-30"'],
    ['2026-08-18 garbage', 'text of 18 characters (not shown)'], // not plain: a message never quotes it
    ['2026-08-18T00:00:00-05:00', '"2026-08-18T00:00:00-05:00"'],
    ['2026-08-18T13:00:00Z', '"2026-08-18T13:00:00Z"'],
  ])('a record dated %j is refused', (date, shownAs) => {
    const dir = pagesFolder(/^2026-08-18/)
    const page = fixturePage('2026-08-18-p1.json')
    ;(page.data[2] as { date: string }).date = date
    writeFileSync(join(dir, '2026-08-18-p1.json'), JSON.stringify(page))
    const message = errorOf(() => importInto([dir]))
    expect(message).toContain(`${join(dir, '2026-08-18-p1.json')} is not a Claude Code usage report page`)
    expect(message).toContain(`data[2].date must be a real UTC day, YYYY-MM-DD or YYYY-MM-DDT00:00:00Z, got ${shownAs}`)
    expect(folderBytes(out)).toEqual(before)
  })

  it('fractional counts (2.5 sessions, 1.5 accepted edits) are refused at the page check, never as "a bug" after writing', () => {
    const dir = pagesFolder(/^2026-08-18/)
    const page = fixturePage('2026-08-18-p1.json')
    page.data[3].core_metrics.num_sessions = 2.5
    page.data[5].tool_actions.edit_tool = { accepted: 1.5, rejected: 0 }
    writeFileSync(join(dir, '2026-08-18-p1.json'), JSON.stringify(page))
    const message = errorOf(() => importInto([dir]))
    expect(message).toContain(`${join(dir, '2026-08-18-p1.json')} is not a Claude Code usage report page`)
    expect(message).toContain('data[3].core_metrics.num_sessions must be a whole number from 0 to 1,000,000 (a person\'s day), got 2.5')
    expect(message).toContain('data[5].tool_actions.edit_tool must have whole "accepted" and "rejected" counts')
    expect(message).not.toMatch(/a bug/)
    expect(folderBytes(out)).toEqual(before)
  })

  it('a record revised between two fetches (same person and day, other values) is a clash naming both files and the fields that differ', () => {
    // The first export in one folder, a later one of 18 August in another, one person's numbers revised.
    const first = pagesFolder(/^2026-(07|08|09)-/)
    const later = tmp('refetch-')
    const page = fixturePage('2026-08-18-p1.json')
    const was = page.data[4].core_metrics.num_sessions
    page.data[4].core_metrics.num_sessions = was + 1
    page.data[4].model_breakdown[1].estimated_cost.amount += 7
    writeFileSync(join(later, '2026-08-18-p1.json'), JSON.stringify(page))
    const message = errorOf(() => importInto([first, later]))
    expect(message).toContain(`${join(later, '2026-08-18-p1.json')}, data[4] and ${join(first, '2026-08-18-p1.json')}, data[4] are the same record (one person, 2026-08-18, terminal vscode, customer type api) with different values`)
    expect(message).toContain(`core_metrics.num_sessions (${was} there, ${was + 1} here)`)
    expect(message).toContain(`model_breakdown[${page.data[4].model_breakdown[1].model}].estimated_cost.amount`)
    expect(message).not.toMatch(/tokens|lines_of_code|tool_actions/) // only the fields that differ
    for (const email of fixtureEmails()) expect(message).not.toContain(email)
    expect(folderBytes(out)).toEqual(before)
  })

  it('a cost in a second currency is refused naming the file, the record and the field', () => {
    const dir = pagesFolder(/^2026-08-18/)
    const page = fixturePage('2026-08-18-p1.json')
    page.data[6].model_breakdown[1].estimated_cost.currency = 'EUR'
    writeFileSync(join(dir, '2026-08-18-p1.json'), JSON.stringify(page))
    expect(errorOf(() => importInto([dir]))).toContain(`${join(dir, '2026-08-18-p1.json')}, data[6]: model_breakdown[1].estimated_cost.currency: 2026-Q3's estimated costs come in more than one currency (USD, EUR)`)
    expect(folderBytes(out)).toEqual(before)
  })

  it('running out of memory ends in a message saying what to do, not a bare crash', () => {
    // A 40 MB page (a valid one, padded) cannot be read in a 24 MB heap.
    const dir = tmp('huge-')
    writeFileSync(join(dir, '2026-08-18-p1.json'), JSON.stringify({
      ...fixturePage('2026-08-18-p1.json'),
      padding: 'x'.repeat(40_000_000),
    }))
    const r = npx([
      'tsx',
      'scripts/scorecard/import.ts',
      dir,
      '--people',
      peopleOutsideRepo(),
      '--out',
      out,
      '--replace',
    ], { SCORECARD_IMPORT_HEAP_MB: '24' })
    expect(r.status).toBe(USER_ERROR_EXIT)
    expect(r.stderr).toContain(`✗ The import ran out of memory (its heap is 24 MB). ${out} is as it was. Give it more with SCORECARD_IMPORT_HEAP_MB=48`)
    expect(folderBytes(out)).toEqual(before)
  }, 60_000)
})

describe('one record counted once, by who and what it is about', () => {
  it('the same person-day again, the email in capitals with a trailing space, counts once: same people, same sums', () => {
    const dir = pagesFolder(/^2026-/)
    const page = fixturePage('2026-08-18-p1.json')
    for (const r of page.data) {
      if (r.actor.type === 'user_actor')
        r.actor.email_address = `${r.actor.email_address.toUpperCase()} `
    }
    writeFileSync(join(dir, 'saved-again-by-hand.json'), JSON.stringify(page))
    const r = importFixture([dir])
    const q3 = r.quarters.find(q => q.quarter === '2026-Q3')!
    expect(r.duplicates).toBe(page.data.length)
    expect(totalOf(q3).sessions).toBe(sum(userRecords('2026-Q3'), x => x.core_metrics.num_sessions))
    expect(totalOf(q3).activePeople).toBe(activePeopleIn('2026-Q3'))
    expect(q3.provenance.unmappedPeople).toBe(1)
  })

  it('thousands of people on one day, every record seen twice, each counted once', () => {
    const record = (i: number, sessions: number): UsageRecord => ({
      actor: { type: 'user_actor', email_address: `p${i}@example.com` },
      core_metrics: {
        num_sessions: sessions,
        lines_of_code: { added: 0, removed: 0 },
        commits_by_claude_code: 0,
        pull_requests_by_claude_code: 0,
      },
      customer_type: 'api',
      date: '2026-08-03',
      model_breakdown: [],
      organization_id: 'o',
      terminal_type: 'vscode',
      tool_actions: {},
    })
    const a = new Aggregator(new Map(), { exportedAt: '2026-10-01T00:00:00Z' })
    const n = 3000
    for (let i = 0; i < n; i++) a.add(record(i, 1 + (i % 7)))
    for (let i = 0; i < n; i++) expect(a.add(record(i, 1 + (i % 7))).kind).toBe('duplicate')
    expect(a.add(record(17, 99)).kind).toBe('clash')
    const [q] = a.finish()
    expect(a.duplicates).toBe(n)
    expect(totalOf(q).activePeople).toBe(n)
    expect(totalOf(q).sessions).toBe(Array.from({ length: n }, (_, i) => 1 + (i % 7)).reduce((s, x) => s + x, 0))
  })

  it('two export folders at once (Q2 in one, Q3 in the other, 1 July in both) make the quarters one folder makes', () => {
    const q2 = pagesFolder(/^2026-(04|05|06)-|^2026-07-01/, {
      'export-manifest-2026-04-01_2026-07-01.json': ['2026-04-01', '2026-07-01'],
    })
    const q3 = pagesFolder(/^2026-(07|08|09)-/, {
      'export-manifest-2026-07-01_2026-09-30.json': ['2026-07-01', '2026-09-30'],
    })
    const r = importFixture([q2, q3])
    expect(r.duplicates).toBe(fixturePage('2026-07-01-p1.json').data.length)
    for (const q of r.quarters) {
      expect(totalOf(q).sessions, q.quarter).toBe(sum(userRecords(q.quarter), x => x.core_metrics.num_sessions))
      expect(totalOf(q).activePeople, q.quarter).toBe(activePeopleIn(q.quarter))
    }
    expect(r.quarters.map(q => [
      q.quarter,
      q.provenance.from,
      q.provenance.to,
      q.provenance.missingDays,
    ])).toEqual([
      [
        '2026-Q2',
        '2026-04-01',
        '2026-06-30',
        [],
      ],
      [
        '2026-Q3',
        '2026-07-01',
        '2026-09-30',
        [],
      ],
    ])
  })

  it('fractions of a cent are added up and the quarter keeps whole cents', () => {
    const dir = pagesFolder(/^2026-(07|08|09)-/)
    const page = fixturePage('2026-08-18-p1.json')
    for (const r of page.data) {
      for (const m of r.model_breakdown) m.estimated_cost.amount += 0.35
    }
    writeFileSync(join(dir, '2026-08-18-p1.json'), JSON.stringify(page))
    const [q] = importFixture([dir]).quarters
    const users = [
      ...userRecords('2026-Q3').filter(r => !r.date.startsWith('2026-08-18')),
      ...page.data.filter(r => r.actor.type === 'user_actor'),
    ]
    const cents = sum(users, r => r.model_breakdown.reduce((s, m) => s + m.estimated_cost.amount, 0))
    expect(cents % 1).not.toBe(0)
    for (const f of q.functions) expect(Number.isInteger(f.estimatedCostMinor), f.function).toBe(true)
    expect(Math.abs(totalOf(q).estimatedCostMinor - cents)).toBeLessThanOrEqual(q.functions.length / 2)
    expect(quarterProblems(q, '2026-Q3.json')).toEqual([])
  })
})

describe('the people file, read as CSV', () => {
  // Engineering renamed "Engineering, Platform", written four ways; the first person's email untidy.
  const ways = [
    '"Engineering, Platform"',
    '"ENGINEERING, PLATFORM"',
    '"  engineering,   platform "',
    'Engineering, Platform',
  ]
  const text = peopleCsv
    .split('\n')
    .map((line, i) => {
      const [email, fn] = line.split(',')
      if (fn !== 'Engineering')
        return line
      const written = ways[(i - 1) % 3] // the unquoted way (ways[3]) would split the function in two columns
      return `${i === 1
        ? ` ${email.toUpperCase()} `
        : email},${written}`
    })
    .join('\n')

  it('a quoted comma survives, and one function written in several cases and spacings is one function', () => {
    const [, q3] = importPages({
      paths: [PAGES],
      people: peopleOutsideRepo(text),
      out: tmp('sc-'),
    }).quarters
    const engineers = new Set(peopleCsv.split('\n').filter(l => l.endsWith(',Engineering')).map(l => l.split(',')[0]))
    const eng = q3.functions.filter(f => /engineering/i.test(f.function))
    expect(eng.map(f => f.function)).toEqual(['Engineering, Platform']) // shown as first written
    expect(eng[0].activePeople).toBe(engineers.size)
    expect(eng[0].sessions).toBe(sum(userRecords('2026-Q3').filter(r => engineers.has((r.actor as { email_address: string }).email_address)), r => r.core_metrics.num_sessions))
    expect(q3.provenance.unmappedPeople).toBe(1) // the untidy email still found its function
  })

  it('an unquoted comma in a function, or a broken quote, is refused with the file and line', () => {
    expect(() => parsePeopleCsv(`email,function\nann@example.com,"Engineering\n`, 'people.csv')).toThrow(/people\.csv, line 2: not a CSV file the import can read \(CSV_QUOTE_NOT_CLOSED\)/)
    expect(() => parsePeopleCsv('email,function\nann@example.com,\n', 'people.csv')).toThrow(/people\.csv, line 2: needs an email address and a function/)
    expect(() => parsePeopleCsv(`email,function\nann@example.com,${ways[3]}\n`, 'people.csv')).toThrow(/people\.csv, line 2: has 3 cells, the header 2: put a function with a comma in quotes/)
  })
})

describe('days no export covered', () => {
  // Two fetches leaving out 4 to 31 July: 28 days.
  const dir = pagesFolder(/^2026-(07|08|09)-/, {
    'export-manifest-a.json': ['2026-07-01', '2026-07-03'],
    'export-manifest-b.json': ['2026-08-01', '2026-09-30'],
  })

  it('are kept in the quarter file, left out of the rates, and said on the scorecard slide', () => {
    const out = tmp('sc-')
    importFixture([dir], { out })
    const file = join(out, '2026-Q3.json')
    const q = JSON.parse(readFileSync(file, 'utf8')) as QuarterFile
    expect(quarterProblems(q, file)).toEqual([])
    expect(q.provenance.missingDays).toHaveLength(28)
    expect([
      q.provenance.missingDays![0],
      q.provenance.missingDays!.at(-1),
    ]).toEqual(['2026-07-04', '2026-07-31'])
    // 92 days in Q3, 28 without data: sessions per person per week over 64 days.
    const sessions = sum(userRecords('2026-Q3'), r => r.core_metrics.num_sessions)
    expect(measureValue('sessionsPerPersonPerWeek', totalOf(q), q.provenance)).toBeCloseTo(sessions / activePeopleIn('2026-Q3') / (64 / 7), 6)
    expect(coverage(q)).toContain('no data for 28 days: 4–31 Jul (left out of the rates)')
  })

  it('read in words, runs of days folded', () => {
    expect(missingDaysText([
      '2026-07-30',
      '2026-07-31',
      '2026-08-01',
      '2026-08-12',
    ])).toBe('no data for 4 days: 30 Jul–1 Aug, 12 Aug')
    expect(missingDaysText(['2026-08-12', '2026-08-13', '2026-08-14'])).toBe('no data for 3 days: 12–14 Aug')
    expect(missingDaysText([])).toBe('')
  })

  it('a quarter file listing them out of order, or outside its period, is refused by field; one without the list is read as none', () => {
    const out = tmp('sc-')
    importFixture([dir], { out })
    const file = join(out, '2026-Q3.json')
    const q = JSON.parse(readFileSync(file, 'utf8')) as QuarterFile
    expect(quarterProblems({
      ...q,
      provenance: {
        ...q.provenance,
        missingDays: ['2026-07-05', '2026-07-04'],
      },
    }, file).join('\n')).toContain('field "provenance.missingDays" must be days in order, each inside provenance.from to provenance.to')
    expect(quarterProblems({
      ...q,
      provenance: {
        ...q.provenance,
        missingDays: ['2026-10-01'],
      },
    }, file).join('\n')).toContain('field "provenance.missingDays"')
    expect(quarterProblems({
      ...q,
      provenance: {
        ...q.provenance,
        missingDays: ['2026-02-30'],
      },
    }, file).join('\n')).toContain('field "provenance.missingDays" must be a list of days YYYY-MM-DD')
    const { missingDays: _, ...older } = q.provenance
    expect(quarterProblems({ ...q, provenance: older }, file)).toEqual([])
    expect(measureValue('sessionsPerPersonPerWeek', totalOf(q), older)).toBeCloseTo(totalOf(q).sessions / totalOf(q).activePeople / (92 / 7), 6)
  })
})

describe('input that cannot be true is refused at the page, naming the page and field, never quoting the file', () => {
  let out: string
  let before: Record<string, string>
  beforeEach(() => {
    out = tmp('scorecard-')
    importFixture([PAGES], { out })
    before = folderBytes(out)
  })
  const pageFile = (dir: string) => join(dir, '2026-08-18-p1.json')

  it('numbers beyond exact integers (2^53 + 1), 1e308 and absurd per-person values', () => {
    const dir = pagesFolder(/^2026-08-18/)
    const page = fixturePage('2026-08-18-p1.json')
    page.data[1].core_metrics.commits_by_claude_code = 5_000_000 // five million commits in a day
    page.data[2].model_breakdown[0].estimated_cost.amount = 1e308
    // 2^53 + 1 as the file holds it: JSON.parse can only read it as 2^53.
    writeFileSync(pageFile(dir), JSON.stringify(page).replace(/"num_sessions":\d+/, '"num_sessions":9007199254740993'))
    const message = errorOf(() => importPages({
      paths: [dir],
      people: peopleOutsideRepo(),
      out,
      replace: true,
    }))
    expect(message).toContain(`${pageFile(dir)} is not a Claude Code usage report page`)
    expect(message).toContain('data[0].core_metrics.num_sessions must be a whole number from 0 to 1,000,000 (a person\'s day), got 9007199254740992')
    expect(message).toContain('data[1].core_metrics.commits_by_claude_code must be a whole number from 0 to 1,000,000')
    expect(message).toContain('data[2].model_breakdown[0].estimated_cost.amount must be a number from 0 to 1,000,000 minor units (a person\'s day), got 1e+308')
    expect(message).not.toMatch(/a bug/)
    expect(folderBytes(out)).toEqual(before)
  })

  it.each([
    ['not a date', 'yesterday', /: "exportedAt" must be a date and time such as 2026-10-02T08:00:00Z, got "yesterday"$/],
    ['before the data it exported', '2026-06-01T00:00:00Z', /: "exportedAt" \(2026-06-01T00:00:00Z\) is before the data it exported \(from 2026-07-01\)/],
    ['after the import', '2031-01-01T00:00:00Z', /: "exportedAt" \(2031-01-01T00:00:00Z\) is after this import/],
  ])('a manifest\'s exportedAt %s is refused, naming the manifest', (_, exportedAt, message) => {
    const dir = pagesFolder(/^2026-(07|08|09)-/)
    const manifest = join(dir, 'export-manifest-2026-07-01_2026-09-30.json')
    writeFileSync(manifest, JSON.stringify({ exportedAt, from: '2026-07-01', to: '2026-09-30' }))
    const error = errorOf(() => importPages({
      paths: [dir],
      people: peopleOutsideRepo(),
      out,
      replace: true,
    }))
    expect(error.startsWith(manifest), error).toBe(true)
    expect(error).toMatch(message)
    expect(folderBytes(out)).toEqual(before)
  })

  it('an --exported-at before the last day of data is refused', () => {
    expect(errorOf(() => importPages({
      paths: [PAGES],
      people: peopleOutsideRepo(),
      out,
      replace: true,
      exportedAt: '2026-08-01T00:00:00Z',
    })))
      .toBe('--exported-at (2026-08-01T00:00:00Z) is before the data it exported (records up to 2026-09-29): a wrong clock or an edited file')
    expect(folderBytes(out)).toEqual(before)
  })

  it('no message quotes a page, a manifest or the people file (they hold emails)', () => {
    const email = fixtureEmails()[0]
    const dir = pagesFolder(/^2026-08-18/)
    const page = fixturePage('2026-08-18-p1.json')
    ;(page.data[2] as { date: string }).date = email // a column shifted by hand
    writeFileSync(pageFile(dir), JSON.stringify(page))
    const broken = tmp('broken-')
    writeFileSync(pageFile(broken), `{"data":[{"actor":{"type":"user_actor","email_address":"${email}"}} oops`)
    const manifest = pagesFolder(/^2026-08-18/, {
      'export-manifest-x.json': ['2026-08-18', '2026-08-18'],
    })
    writeFileSync(join(manifest, 'export-manifest-x.json'), JSON.stringify({ exportedAt: email, from: '2026-08-18', to: '2026-08-18' }))
    const messages = [
      errorOf(() => importPages({
        paths: [dir],
        people: peopleOutsideRepo(),
        out,
      })),
      errorOf(() => importPages({
        paths: [broken],
        people: peopleOutsideRepo(),
        out,
      })),
      errorOf(() => importPages({
        paths: [manifest],
        people: peopleOutsideRepo(),
        out,
      })),
      errorOf(() => parsePeopleCsv(`email,function\n${email}"x,Sales\n`, 'people.csv')),
    ]
    expect(messages[1]).toBe(`${pageFile(broken)}: not valid JSON`)
    expect(messages[3]).toBe('people.csv, line 2: not a CSV file the import can read (INVALID_OPENING_QUOTE)')
    for (const m of messages) expect(m).not.toContain(email)
  })
})

/** A person's day of use: `sessions` sessions costing `cents`. */
function useRecord(email: string, sessions: number, cents: number, date = '2026-08-03'): UsageRecord {
  return {
    actor: { type: 'user_actor', email_address: email },
    core_metrics: {
      num_sessions: sessions,
      lines_of_code: { added: 0, removed: 0 },
      commits_by_claude_code: 0,
      pull_requests_by_claude_code: 0,
    },
    customer_type: 'api',
    date,
    model_breakdown: [
      {
        model: 'm',
        tokens: {
          input: 1,
          output: 1,
          cache_read: 0,
          cache_creation: 0,
        },
        estimated_cost: { amount: cents, currency: 'USD' },
      },
    ],
    organization_id: 'o',
    terminal_type: 'vscode',
    tool_actions: {},
  }
}

function quartersOf(records: UsageRecord[], people: Map<string, string>) {
  const a = new Aggregator(people, { exportedAt: '2026-10-01T00:00:00Z' })
  records.forEach(r => a.add(r))
  return a.finish()
}

describe('what comes in goes out: nothing counted is dropped', () => {
  const engineers = Array.from({ length: 5 }, (_, i) => `eng${i}@example.com`)

  it('the cost of a person with no session, alone in their function, is kept (501,440 cents in, 501,440 out)', () => {
    const people = new Map([
      ...engineers.map(e => [e, 'Engineering'] as [string, string]),
      ['counsel@example.com', 'Legal'],
    ])
    const records = [
      ...engineers.map(e => useRecord(e, 2, 288)),
      useRecord('counsel@example.com', 0, 500_000),
    ]
    const [q] = quartersOf(records, people)
    expect(sum(records, r => r.model_breakdown[0].estimated_cost.amount)).toBe(501_440)
    expect(totalOf(q).estimatedCostMinor).toBe(501_440)
    expect(q.functions.every(f => f.activePeople >= 5)).toBe(true) // still no group of fewer than five people
    expect(quarterProblems(q, '2026-Q3.json')).toEqual([])
  })

  it('every sum of the fixture, with inactive people\'s costs added in and out of the people file, comes out whole', () => {
    const extra = [
      useRecord('nobody-listed@example.com', 0, 12_345, '2026-08-04'),
      useRecord(fixtureEmails()[0], 0, 777, '2026-08-05'),
    ]
    const records = [
      ...rawRecords(),
      ...extra,
    ].filter(r => quarterOfDate(r.date) === '2026-Q3')
    const people = parsePeopleCsv(peopleCsv, 'people.csv')
    const [q] = quartersOf(records.map(r => ({
      ...r,
      date: r.date.slice(0, 10),
    })), people)
    const users = records.filter(r => r.actor.type === 'user_actor')
    const t = totalOf(q)
    expect(t.estimatedCostMinor).toBe(Math.round(sum(users, r => r.model_breakdown.reduce((s, m) => s + m.estimated_cost.amount, 0))))
    expect(t.sessions).toBe(sum(users, r => r.core_metrics.num_sessions))
    expect(t.commits).toBe(sum(users, r => r.core_metrics.commits_by_claude_code))
    expect(t.pullRequests).toBe(sum(users, r => r.core_metrics.pull_requests_by_claude_code))
    expect(t.activePeople).toBe(activePeopleIn('2026-Q3'))
  })
})

describe('names and emails compared as a reader sees them', () => {
  const cafe = Array.from({ length: 6 }, (_, i) => `cafe${i}@example.com`)
  // Three written "Café" with é as one character, three with e and a combining accent; one email with a zero-width space.
  const people = parsePeopleCsv([
    'email,function',
    ...cafe.map((e, i) => `${e},${i % 2
      ? 'Café'
      : 'Cafe\u0301'}`),
  ].join('\n'), 'people.csv')

  it('a decomposed "Café" and a zero-width space in an email split no function and count no one twice', () => {
    const records = [
      ...cafe.map(e => useRecord(e, 1, 100)),
      useRecord(`cafe0\u200B@example.com`, 1, 100, '2026-08-04'), // the same person on another day, as the API spelt it
    ]
    const [q] = quartersOf(records, people)
    expect(q.functions.map(f => [f.function, f.activePeople, f.sessions])).toEqual([
      ['Café', 6, 7],
    ])
    expect(q.provenance.unmappedPeople).toBe(0)
  })

  it('a function name mixing scripts (a Cyrillic е in "Engineеring") is refused with its line: NFKC would keep it apart', () => {
    expect(() => parsePeopleCsv('email,function\nann@example.com,Engineering\nbob@example.com,Engine\u0435ring\n', 'people.csv'))
      .toThrow('people.csv, line 3: the function mixes Latin and Cyrillic letters (a look-alike such as a Cyrillic "е" for a Latin "e"?); retype it in one script')
    // A name or address in one script per word is no look-alike.
    expect([
      ...parsePeopleCsv('email,function\nиван@example.com,Отдел QA\n', 'people.csv'),
    ]).toEqual([
      ['иван@example.com', 'Отдел QA'],
    ])
  })

  it.each([
    [
      'аnn for ann',
      (email: string) => `\u0430${email.slice(1)}`,
    ],
    [
      'а set off by zero-width spaces, which folding would remove',
      (email: string) => `\u200B\u0430\u200B${email.slice(1)}`,
    ],
  ])('an email in a page with a Cyrillic look-alike (%s) is refused by record and field, not counted as another person', (_, lookAlike) => {
    const dir = pagesFolder(/^2026-08-18/)
    const page = fixturePage('2026-08-18-p1.json')
    const first = page.data.findIndex(r => r.actor.type === 'user_actor')
    const actor = page.data[first].actor as { email_address: string }
    actor.email_address = lookAlike(actor.email_address)
    writeFileSync(join(dir, '2026-08-18-p1.json'), JSON.stringify(page))
    const message = errorOf(() => importPages({
      paths: [dir],
      people: peopleOutsideRepo(),
      out: tmp('sc-'),
    }))
    expect(message).toContain(`data[${first}].actor.email_address mixes Latin and Cyrillic letters in one word (a look-alike?); it would count as another person`)
    expect(message).not.toContain(actor.email_address)
  })
})

describe('a quarter file that cannot be true stops the build by field', () => {
  it('a count beyond exact integers, or an export time after the import or before the period', () => {
    const out = tmp('sc-')
    importFixture([PAGES], { out })
    const file = join(out, '2026-Q3.json')
    const q = JSON.parse(readFileSync(file, 'utf8')) as QuarterFile
    const problems = (change: (q: QuarterFile) => void) => {
      const copy = structuredClone(q)
      change(copy)
      return quarterProblems(copy, file).join('\n')
    }
    expect(problems((c) => {
      c.functions[0].estimatedCostMinor = 1e308
    })).toContain(`.estimatedCostMinor" must be a whole number ≥ 0, got 1e+308`)
    expect(problems((c) => {
      c.provenance.exportedAt = '2031-01-01T00:00:00Z'
    })).toContain(`field "provenance.exportedAt" (2031-01-01T00:00:00Z) is after provenance.importedAt`)
    expect(problems((c) => {
      c.provenance.exportedAt = '2026-06-01T00:00:00Z'
    })).toContain(`field "provenance.exportedAt" (2026-06-01T00:00:00Z) is before provenance.from (2026-07-01)`)
  })
})
