// The pilot's results folder (data/pilot-results/, or PILOT_RESULTS_DIR): one <quarter>.json a quarter from the
// review log. Read and checked at build time; only the reading (estimate, interval, coverage, verdict) reaches the
// browser, never a person's row.
import type { PilotQuarter, PilotReading } from '../data/pilot-results.ts'
import { resolve } from 'node:path'
import { formatDate } from '../data/format.ts'
import { parsePilotQuarter, pilotReading, PilotResultsError } from '../data/pilot-results.ts'
import { PLAN } from '../data/plan.ts'
import { readQuarterFolder } from './scorecard-files.ts'
import { REPO_ROOT } from './scorecard-slides.ts'

export function pilotResultsDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.PILOT_RESULTS_DIR || resolve(REPO_ROOT, 'data', 'pilot-results'))
}

/** Every quarter's file in the folder, checked; a file that is not a quarter's (other than README.md) is refused. */
export function readPilotQuarters(dir = pilotResultsDir()): PilotQuarter[] {
  const { quarters } = readQuarterFolder(dir, {
    others: ['README.md'],
    belongs: () => 'only <quarter>.json files (e.g. 2027-Q3.json) belong in the pilot results folder',
    refuse: problems => new PilotResultsError(problems.join('\n')),
  })
  const functions = PLAN.pilot.functions.map(f => f.name)
  return quarters.map(q => parsePilotQuarter(q.json, q.file, functions))
}

/** The reading the deck shows, from the folder as it stands. */
export function readPilotReading(dir = pilotResultsDir()): PilotReading {
  const review = PLAN.meetings.pilotReview
  return pilotReading(PLAN.pilot, readPilotQuarters(dir), `${review.name}, ${formatDate(review.date)}`)
}
