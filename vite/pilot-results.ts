// The pilot's results folder (data/pilot-results/, or PILOT_RESULTS_DIR): one <quarter>.json a quarter from the
// review log. Read and checked at build time; only the reading (estimate, interval, coverage, verdict) reaches the
// browser, never a person's row.
import type { PilotQuarter, PilotReading } from '../data/pilot-results.ts'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { formatDate } from '../data/format.ts'
import { parsePilotQuarter, pilotReading, PilotResultsError } from '../data/pilot-results.ts'
import { PLAN } from '../data/plan.ts'
import { QUARTER_FILE, REPO_ROOT } from './scorecard-slides.ts'

export function pilotResultsDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.PILOT_RESULTS_DIR || resolve(REPO_ROOT, 'data', 'pilot-results'))
}

/** Every quarter's file in the folder, checked; a file that is not a quarter's (other than README.md) is refused. */
export function readPilotQuarters(dir = pilotResultsDir()): PilotQuarter[] {
  if (!existsSync(dir))
    return []
  const names = readdirSync(dir).sort()
  const stray = names.filter(n => !QUARTER_FILE.test(n) && n !== 'README.md')
  if (stray.length)
    throw new PilotResultsError(stray.map(n => `${join(dir, n)}: only <quarter>.json files (e.g. 2027-Q3.json) belong in the pilot results folder`).join('\n'))
  const functions = PLAN.pilot.functions.map(f => f.name)
  return names.filter(n => QUARTER_FILE.test(n)).map((n) => {
    const path = join(dir, n)
    const shown = path.startsWith(REPO_ROOT)
      ? relative(REPO_ROOT, path)
      : path
    let json: unknown
    try {
      json = JSON.parse(readFileSync(path, 'utf8'))
    }
    catch (e) {
      throw new PilotResultsError(`${shown}: not valid JSON (${(e as Error).message})`)
    }
    return parsePilotQuarter(json, shown, functions)
  })
}

/** The reading the deck shows, from the folder as it stands. */
export function readPilotReading(dir = pilotResultsDir()): PilotReading {
  const review = PLAN.meetings.pilotReview
  return pilotReading(PLAN.pilot, readPilotQuarters(dir), `${review.name}, ${formatDate(review.date)}`)
}
