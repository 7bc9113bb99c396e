/**
 * The synthetic scorecard fixture (tests/fixtures/scorecard/, written by its generate.mjs) read as raw API records,
 * so tests can work out what the import should give without calling the code under test.
 */
import type { UsageRecord } from '../../scripts/scorecard/api'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importPages } from '../../scripts/scorecard/import'

export const FIXTURE = join(__dirname, '..', 'fixtures', 'scorecard')
export const PAGES = join(FIXTURE, 'pages')

/** Every record of every saved page, as the API sent it. */
export function rawRecords(): UsageRecord[] {
  return readdirSync(PAGES)
    .filter(f => !f.startsWith('export-manifest'))
    .flatMap(f => JSON.parse(readFileSync(join(PAGES, f), 'utf8')).data as UsageRecord[])
}

/** Every person's email in the pages. */
export function fixtureEmails() {
  return [
    ...new Set(rawRecords().flatMap(r => (r.actor.type === 'user_actor'
      ? [r.actor.email_address]
      : []))),
  ]
}

/** "2026-07-01T00:00:00Z" → "2026-Q3" */
export const quarterOfDate = (d: string) => `${d.slice(0, 4)}-Q${Math.ceil(Number(d.slice(5, 7)) / 3)}`

/** People with at least one session in a quarter. */
export function activePeopleIn(quarter: string) {
  return new Set(rawRecords().filter(r => r.actor.type === 'user_actor' && r.core_metrics.num_sessions > 0 && quarterOfDate(r.date) === quarter).map(r => (r.actor as { email_address: string }).email_address)).size
}

/** A folder's files and their bytes, to show later that a failed import left it byte for byte as it was. */
export function folderBytes(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map(f => [
    f,
    readFileSync(join(dir, f)).toString('base64'),
  ]))
}

export const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix))
export const peopleCsv = readFileSync(join(FIXTURE, 'people.csv'), 'utf8')

/** The people file (the fixture's, or `text`) where the import accepts it: outside the repo. */
export function peopleOutsideRepo(text = peopleCsv): string {
  const file = join(tmp('people-'), 'people.csv')
  writeFileSync(file, text)
  return file
}

/** A folder holding the fixture's pages whose names match, and the manifests given (name → [from, to]). */
export function pagesFolder(match: RegExp, manifests: Record<string, [string, string]> = {}): string {
  const dir = tmp('pages-')
  for (const f of readdirSync(PAGES).filter(f => match.test(f) && !f.startsWith('export-manifest'))) copyFileSync(join(PAGES, f), join(dir, f))
  for (const [name, [from, to]] of Object.entries(manifests)) writeFileSync(join(dir, name), JSON.stringify({ exportedAt: '2026-10-02T08:00:00.000Z', from, to }))
  return dir
}

/** Imports `paths` with the fixture's people into `out` (a fresh folder unless given). */
export function importFixture(paths: string[], options: Partial<Parameters<typeof importPages>[0]> = {}) {
  const out = options.out ?? tmp('sc-')
  return {
    out,
    ...importPages({
      paths,
      people: peopleOutsideRepo(),
      ...options,
      out,
    }),
  }
}

/**
 * The fixture's two quarters imported as the README says (npm run scorecard:import), into a scorecard folder outside
 * the repo, as it would be for real, with the fixture's budget: what a build reads with SCORECARD_DIR set to it. The
 * pages come as two fetches that left out 12 to 14 August (no record falls on those days), so the slide has missing
 * days to say.
 */
export function importFixtureQuarters(): { scorecard: string } {
  const work = tmp('quarterly-')
  copyFileSync(join(FIXTURE, 'people.csv'), join(work, 'people.csv'))
  const scorecard = join(work, 'scorecard')
  const pages = pagesFolder(/\.json$/, {
    'export-manifest-2026-04-01_2026-08-11.json': ['2026-04-01', '2026-08-11'],
    'export-manifest-2026-08-15_2026-09-30.json': ['2026-08-15', '2026-09-30'],
  })
  const imp = spawnSync('npm', [
    'run',
    '--silent',
    'scorecard:import',
    '--',
    pages,
    '--people',
    join(work, 'people.csv'),
    '--out',
    scorecard,
  ], { encoding: 'utf8' })
  if (imp.status !== 0)
    throw new Error(`scorecard:import of the fixture failed (exit ${imp.status}): ${imp.stderr}`)
  copyFileSync(join(FIXTURE, 'budget.json'), join(scorecard, 'budget.json'))
  return { scorecard }
}
