// The build-time plugins Slidev's Vite runs (vite.config.ts; vitest.config.ts for the scorecard): the data
// checked before anything is drawn, and our scorecard served as `virtual:scorecard`.
import type { Plugin } from 'vite'
import { dataProblems } from '../data/check.ts'
import { FACTS, FIGURES } from '../data/figures.ts'
import { PAPER } from '../data/paper.ts'
import { PLAN } from '../data/plan.ts'
import { budgetCurrency, readScorecard, scorecardDir } from '../scripts/scorecard/files.ts'

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

const VIRTUAL = 'virtual:scorecard'

/**
 * `import scorecard from 'virtual:scorecard'`: the checked scorecard, read from data/scorecard/ or SCORECARD_DIR
 * when the deck is served, built or tested. A malformed file stops the build with the file, quarter and field.
 */
export function scorecardPlugin(): Plugin {
  return {
    name: 'scorecard',
    resolveId: id => (id === VIRTUAL
      ? `\0${VIRTUAL}`
      : undefined),
    load(id) {
      if (id !== `\0${VIRTUAL}`)
        return
      // (Not watched: after an import, restart `npm run dev`; a build always reads the folder afresh.)
      const dir = scorecardDir()
      try {
        const scorecard = readScorecard(dir)
        return `export default ${JSON.stringify(scorecard)}`
      }
      catch (e) {
        this.error((e as Error).message)
      }
    },
  }
}
