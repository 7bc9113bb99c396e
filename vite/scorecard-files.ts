/**
 * The scorecard folder (data/scorecard/, or SCORECARD_DIR): one <quarter>.json per quarter and an optional
 * budget.json, nothing else. Read by the deck's Vite plugin, by the slide filter and by the import.
 */
import type { Scorecard } from '../data/scorecard.ts'
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { loadScorecard, ScorecardError } from '../data/scorecard.ts'
import { QUARTER_FILE, REPO_ROOT, scorecardDir } from './scorecard-slides.ts'

export { REPO_ROOT, scorecardDir }

/**
 * Whether a path is inside the repo (links resolved), where git could pick up a file with emails in it. A path
 * not made yet is judged by its nearest existing folder, so it can be refused before anything is created.
 */
export function isInsideRepo(path: string): boolean {
  let existing = resolve(path)
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing)
  const rel = relative(realpathSync(REPO_ROOT), realpathSync(existing))
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}
const ALLOWED = /^(\d{4}-Q[1-4]\.json|budget\.json|README\.md|\.gitkeep)$/
/** A quarter file the import had begun (`2026-Q3.json.<its process id>.tmp`); left only if it was killed outright. */
export const IMPORT_TEMP = /^\d{4}-Q[1-4]\.json\.(\d+)\.tmp$/

export interface ScorecardFiles {
  dir: string
  quarters: { file: string, json: unknown }[]
  budget: { file: string, json: unknown } | null
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  }
  catch (e) {
    throw new ScorecardError([`${path}: not valid JSON (${(e as Error).message})`])
  }
}

/** The currency of budget.json, if the CEO's office has set one: the plan (data/plan.ts) must be in it too. */
export function budgetCurrency(dir = scorecardDir()): string | undefined {
  const b = readScorecardFiles(dir).budget?.json as { currency?: unknown } | undefined
  return typeof b?.currency === 'string'
    ? b.currency
    : undefined
}

/** The folder's files, parsed but not yet checked. A stray file (a raw API page, say) is refused by name. */
export function readScorecardFiles(dir = scorecardDir()): ScorecardFiles {
  if (!existsSync(dir))
    return { dir, quarters: [], budget: null }
  const names = readdirSync(dir).sort()
  const stray = names.filter(n => !ALLOWED.test(n))
  if (stray.length) {
    throw new ScorecardError(stray.map(n => IMPORT_TEMP.test(n)
      ? `${join(dir, n)}: a temp file of an import that was killed outright (the quarters are as they were): delete it, or import again (which does)`
      : `${join(dir, n)}: only <quarter>.json files (e.g. 2026-Q3.json) and budget.json belong in the scorecard folder; raw API pages carry email addresses and must stay outside the repo`))
  }
  const rel = (n: string) => (dir.startsWith(REPO_ROOT)
    ? join(dir, n).slice(REPO_ROOT.length + 1)
    : join(dir, n))
  return {
    dir,
    quarters: names.filter(n => QUARTER_FILE.test(n)).map(n => ({
      file: rel(n),
      json: readJson(join(dir, n)),
    })),
    budget: names.includes('budget.json')
      ? {
          file: rel('budget.json'),
          json: readJson(join(dir, 'budget.json')),
        }
      : null,
  }
}

/** Read and checked: throws ScorecardError naming the file, the quarter and the field. */
export function readScorecard(dir = scorecardDir()): Scorecard {
  const f = readScorecardFiles(dir)
  return loadScorecard(f.quarters, f.budget)
}
