// Bad input stops the build and the export with a message that names the problem, before anything is drawn.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIGURES } from '../data'
import { figureRows, toCsv, toJson } from '../data/export'
import { PAPER } from '../data/paper'
import { normaliseBase } from '../scripts/lib/base.ts'
import { USER_ERROR_EXIT } from '../scripts/lib/cli.ts'
import { npx } from './helpers/npx'
import { copyOfProject, VALIDATE_NEEDS } from './helpers/project'

function runScript(args: string[], env: Record<string, string>, cwd?: string) {
  const r = npx(['tsx', ...args], env, { timeout: 120_000, cwd })
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` }
}

/** A copy of the project with one broken figure (a share of 150%), in which each command is run. */
let malformed: string
beforeAll(() => {
  malformed = copyOfProject('malformed-', [...VALIDATE_NEEDS, 'deploy'])
  const file = join(malformed, 'data/figures.ts')
  const source = readFileSync(file, 'utf8')
  const broken = source.replace(/(id: 'success\.novice\.verified',\n\s+label: [^\n]+\n\s+value: )15,/, '$1150,')
  expect(broken).not.toBe(source)
  writeFileSync(file, broken)
})
afterAll(() => rmSync(malformed, { recursive: true, force: true }))

describe('a malformed figure stops build and export', () => {
  it('npm run build exits with the figure id and the rule', () => {
    const r = runScript(['scripts/build.ts'], { OUT_DIR: 'test-results/should-not-exist' }, malformed)
    expect(r.status).not.toBe(0)
    expect(r.output).toContain('figure "success.novice.verified" breaks rule unit-range')
    expect(r.output).not.toContain('slidev build')
  }, 120_000)

  it('npm run export exits with the figure id and the rule', () => {
    const r = runScript(['scripts/export.ts', '--out', 'test-results/should-not-exist'], {}, malformed)
    expect(r.status).not.toBe(0)
    expect(r.output).toContain('figure "success.novice.verified" breaks rule unit-range')
  }, 120_000)

  it('npm run export:pptx exits with the figure id and the rule, before any chart is written', () => {
    const r = runScript([
      'node_modules/.bin/tsx',
      'scripts/export-pptx.ts',
      '--out',
      'test-results/should-not-exist',
    ], {}, malformed)
    expect(r.status).not.toBe(0)
    expect(r.output).toContain('figure "success.novice.verified" breaks rule unit-range')
    expect(r.output).not.toContain('deck PPTX')
  }, 120_000)
})

describe('base path', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['board', '/board/'],
    ['/board', '/board/'],
    ['board/', '/board/'],
    ['/decks//board/', '/decks/board/'],
  ])('"%s" becomes "%s"', (input, expected) => {
    expect(normaliseBase(input)).toBe(expected)
  })

  it.each([
    'https://example.org/board/',
    '/board/../x',
    '/my board/',
    '/board?x=1',
  ])('"%s" is refused with a clear message', (input) => {
    expect(() => normaliseBase(input)).toThrow(/BASE must be/)
  })

  it('a build with a bad base stops before building', () => {
    const r = runScript(['scripts/build.ts'], { BASE: 'https://example.org/board/', OUT_DIR: 'test-results/should-not-exist' })
    expect(r.status).toBe(USER_ERROR_EXIT)
    expect(r.output).toContain('BASE must be a path such as /board/, not a URL')
  }, 60_000)
})

describe('figures.json and figures.csv', () => {
  const rows = figureRows()
  it('figures.json says which version of which paper it was issued with; the CSV does not change', () => {
    const json = JSON.parse(toJson(rows))
    expect(Object.keys(json)).toEqual(['generatedFrom', 'paper', 'figures'])
    expect(json.paper).toEqual({ reference: PAPER.reference, version: PAPER.version, status: PAPER.status })
    expect(JSON.parse(toJson(rows, { ...PAPER, status: 'superseded', supersededBy: PAPER.version + 1 })).paper).toEqual({
      reference: PAPER.reference,
      version: PAPER.version,
      status: 'superseded',
      supersededBy: PAPER.version + 1,
    })
    expect(json.figures).toEqual(JSON.parse(JSON.stringify(rows)))
    expect(toCsv(rows).split('\r\n')[0]).toBe('id,label,value,lo,hi,unit,qualifier,source,locator,quote,derived_from,formula')
  })
  it('carry every figure, ranges as lo and hi', () => {
    expect(rows).toHaveLength(FIGURES.length)
    expect(rows.find(r => r.id === 'trouble.intermediatePlus.abandoned')).toMatchObject({ value: null, lo: 5, hi: 7 })
    expect(rows.find(r => r.id === 'trouble.novice.abandoned')).toMatchObject({ value: 19, lo: null, hi: null })
  })
  it('quote CSV fields so commas and quotes in quotes survive', () => {
    const csv = toCsv([
      { ...rows[0], quote: 'said "about", then, more' },
    ])
    expect(csv.split('\r\n')[1]).toContain('"said ""about"", then, more"')
  })
  it('mark every derived figure with its inputs and formula, and no other', () => {
    // Worked out by hand from the report: 100 − 70; 12 ÷ 5; 3,200 ÷ 600; (19 − 33) ÷ 33 × 100; 34 − 29.
    const derived = Object.fromEntries(rows.filter(r => r.derivedFrom).map(r => [r.id, r.formula?.split(' = ')[1]]))
    expect(derived).toEqual({
      'decisions.planning.claude': '100 − 70',
      'expertise.actionsRatio': '12 ÷ 5',
      'expertise.wordsRatio': '3,200 ÷ 600',
      'shift.fixing.relativeDecline': '(19 − 33) ÷ 33 × 100',
      'occupation.codeGap': '34 − 29',
    })
    expect(rows.find(r => r.id === 'expertise.actionsRatio')).toMatchObject({
      derivedFrom: ['expertise.expert.actions', 'expertise.novice.actions'],
      formula: 'expertise.expert.actions ÷ expertise.novice.actions = 12 ÷ 5',
    })
    const csv = toCsv(rows).split('\r\n')
    expect(csv[0]).toBe('id,label,value,lo,hi,unit,qualifier,source,locator,quote,derived_from,formula')
    const gap = csv.find(l => l.startsWith('"occupation.codeGap"'))!
    expect(gap.endsWith('"occupation.software.verifiedCode occupation.other.verifiedCode","occupation.software.verifiedCode − occupation.other.verifiedCode = 34 − 29"')).toBe(true)
    expect(csv.find(l => l.startsWith('"modes.fixing"'))!.endsWith(',"",""')).toBe(true)
  })
  it('defuse text a spreadsheet would run as a formula, and leave numbers (negative too) as numbers', () => {
    const hostile = {
      ...rows[0],
      label: '=HYPERLINK("http://evil.example","x")',
      unit: '+cmd',
      qualifier: '-2+3',
      source: '@SUM(A1)',
      locator: '\tlead',
      quote: '\rlead',
      value: -5,
      lo: null,
      hi: null,
    }
    const [back] = parseCsv(toCsv([hostile]), { columns: true, relax_quotes: false }) as Record<string, string>[]
    expect(back.label).toBe(`'${hostile.label}`)
    expect(back.unit).toBe('\'+cmd')
    expect(back.qualifier).toBe('\'-2+3')
    expect(back.source).toBe('\'@SUM(A1)')
    expect(back.locator).toBe('\'\tlead')
    expect(back.quote).toBe('\'\rlead')
    expect(back.value).toBe('-5')
    expect(Number(back.value)).toBe(-5)
    // The deck's own figures read back as the numbers they are.
    const real = parseCsv(toCsv(rows), { columns: true }) as Record<string, string>[]
    rows.forEach((r, i) => expect([real[i].value, real[i].lo, real[i].hi].map(c => (c === ''
      ? null
      : Number(c)))).toEqual([r.value, r.lo, r.hi]))
  })
  it('JSON parses back to the same rows', () => {
    expect(JSON.parse(toJson(rows)).figures).toEqual(rows)
  })
})
