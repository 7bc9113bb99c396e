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
/** A quarter file the import had begun (`2026-Q3.json.<its process id>.tmp`); left only if it was killed outright. */
export const IMPORT_TEMP = /^\d{4}-Q[1-4]\.json\.(\d+)\.tmp$/
/** A JSON file of a quarters folder: its name as messages show it (from the repo's root when inside it), and its content, parsed but not checked. */
export interface JsonFile { file: string, json: unknown }

/**
 * A folder of <quarter>.json files (the scorecard's, the pilot's results) with the few other names it allows: each
 * quarter's file read, and each allowed `.json` file. A stray file is refused by name, saying what belongs there
 * (`belongs`, given the file's name); `refuse` makes the folder's own error from the problems.
 */
export function readQuarterFolder(dir: string, { others, belongs, refuse }: { others: string[], belongs: (name: string) => string, refuse: (problems: string[]) => Error }): { quarters: JsonFile[], others: Map<string, JsonFile> } {
  if (!existsSync(dir)) {
    return {
      quarters: [],
      others: new Map(),
    }
  }
  const names = readdirSync(dir).sort()
  const stray = names.filter(n => !QUARTER_FILE.test(n) && !others.includes(n))
  if (stray.length)
    throw refuse(stray.map(n => `${join(dir, n)}: ${belongs(n)}`))
  const read = (n: string): JsonFile => {
    const path = join(dir, n)
    const file = path.startsWith(REPO_ROOT)
      ? relative(REPO_ROOT, path)
      : path
    try {
      return {
        file,
        json: JSON.parse(readFileSync(path, 'utf8')),
      }
    }
    catch (e) {
      throw refuse([`${file}: not valid JSON (${(e as Error).message})`])
    }
  }
  return {
    quarters: names.filter(n => QUARTER_FILE.test(n)).map(read),
    others: new Map(names.filter(n => others.includes(n) && n.endsWith('.json')).map(n => [
      n,
      read(n),
    ])),
  }
}

export interface ScorecardFiles {
  dir: string
  quarters: JsonFile[]
  budget: JsonFile | null
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
  const { quarters, others } = readQuarterFolder(dir, {
    others: ['budget.json', 'README.md', '.gitkeep'],
    belongs: name => (IMPORT_TEMP.test(name)
      ? 'a temp file of an import that was killed outright (the quarters are as they were): delete it, or import again (which does)'
      : 'only <quarter>.json files (e.g. 2026-Q3.json) and budget.json belong in the scorecard folder; raw API pages carry email addresses and must stay outside the repo'),
    refuse: problems => new ScorecardError(problems),
  })
  return { dir, quarters, budget: others.get('budget.json') ?? null }
}

/** Read and checked: throws ScorecardError naming the file, the quarter and the field. */
export function readScorecard(dir = scorecardDir()): Scorecard {
  const f = readScorecardFiles(dir)
  return loadScorecard(f.quarters, f.budget)
}
