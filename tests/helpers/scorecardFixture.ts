import type { UsageRecord } from '../../scripts/scorecard/api'
/**
 * The synthetic scorecard fixture (tests/fixtures/scorecard/, written by its generate.mjs) read as raw API records,
 * so tests can work out what the import should give without calling the code under test.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

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
