// The build-time plugins Slidev's Vite runs (vite.config.ts; vitest.config.ts for the scorecard): the data
// checked before anything is drawn, and our scorecard served as `virtual:scorecard`.
import type { Plugin } from 'vite'
import type { ChangesReport } from '../shared/changes.ts'
import { execFileSync } from 'node:child_process'
import { dataProblems } from '../data/check.ts'
import { FACTS, FIGURES } from '../data/figures.ts'
import { PAPER } from '../data/paper.ts'
import { PLAN } from '../data/plan.ts'
import { budgetCurrency, readScorecard, scorecardDir } from '../scripts/scorecard/files.ts'
import { firstIssue } from '../shared/changes.ts'
import { REPO_ROOT } from './scorecard-slides.ts'

/** Stops `dev`, `build` and `export` on a figure, the plan or the paper's particulars breaking their rules (data/check.ts). */
export function validateDataPlugin(): Plugin {
  // During `npm run dev`, an edit to data/ is checked again in the browser: data/index.ts validates on import.
  return {
    name: 'validate-figures',
    buildStart() {
      const problems = dataProblems({
        figures: FIGURES,
        facts: FACTS,
        plan: PLAN,
        paper: PAPER,
        budgetCurrency: budgetCurrency(),
      })
      if (problems.length)
        this.error(problems.join('\n'))
    },
  }
}

/**
 * A Vite plugin serving `import x from '<id>'` as the value `produce` returns, written out as JSON. What
 * `produce` throws stops the build with its message, prefixed by `failure` if given.
 */
function virtualJson(name: string, id: string, produce: (ctx: { warn: (message: string) => void }) => unknown, failure = ''): Plugin {
  return {
    name,
    resolveId: requested => (requested === id
      ? `\0${id}`
      : undefined),
    load(requested) {
      if (requested !== `\0${id}`)
        return
      try {
        return `export default ${JSON.stringify(produce(this))}`
      }
      catch (e) {
        const err = e as Error & { stderr?: string }
        this.error(`${failure}${err.stderr?.trim() || err.message}`)
      }
    },
  }
}

/**
 * `import scorecard from 'virtual:scorecard'`: the checked scorecard, read from data/scorecard/ or SCORECARD_DIR
 * when the deck is served, built or tested. A malformed file stops the build with the file, quarter and field.
 * (Not watched: after an import, restart `npm run dev`; a build always reads the folder afresh.)
 */
export function scorecardPlugin(): Plugin {
  return virtualJson('scorecard', 'virtual:scorecard', () => readScorecard(scorecardDir()))
}

/**
 * The changes since the previous version (scripts/changes/since.ts), as the build found them: for version one,
 * the first issue, with no git needed (a fresh clone with no tags builds); for a later version, the list since
 * the tag paper-v<N−1>, read by `npm run changes -- --since-previous` in a process of its own (it imports the
 * old version's TypeScript modules through tsx).
 */
export function changesReport(version = PAPER.version): ChangesReport {
  if (version <= 1)
    return firstIssue(version)
  const out = execFileSync(process.execPath, [
    '--import',
    'tsx',
    'scripts/changes.ts',
    '--since-previous',
  ], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return JSON.parse(out) as ChangesReport
}

/** `import report from 'virtual:paper-changes'`: the "What changed" page's list (components/ChangesPage.vue). */
export function paperChangesPlugin(): Plugin {
  return virtualJson('paper-changes', 'virtual:paper-changes', (ctx) => {
    const report = changesReport()
    if (report.status === 'no-earlier-tag')
      ctx.warn(`The paper is version ${report.version}, but this checkout has no tag ${report.tag}: the "What changed" page says the changes cannot be listed (git fetch --tags)`)
    return report
  }, 'Listing the changes since the previous version failed: ')
}
