// The build-time plugins Slidev's Vite runs (vite.config.ts; vitest.config.ts for the scorecard): the data
// checked before anything is drawn, and our scorecard served as `virtual:scorecard`.
import type { Plugin } from 'vite'
import { FACTS, FIGURES } from '../data/figures.ts'
import { PAPER, paperProblems } from '../data/paper.ts'
import { PLAN, planProblems } from '../data/plan.ts'
import { formatProblem, validateFigures } from '../data/validate.ts'
import { budgetCurrency, readScorecard, scorecardDir } from '../scripts/scorecard/files.ts'

/** Stops `dev`, `build` and `export` on a figure or a plan that breaks its rules, naming it. */
export function validateDataPlugin(): Plugin {
  // During `npm run dev`, an edit to data/ is checked again in the browser: data/index.ts validates on import.
  return {
    name: 'validate-figures',
    buildStart() {
      const problems = validateFigures(FIGURES, FACTS)
      if (problems.length)
        this.error(`Figures module is invalid:\n${problems.map(p => `  - ${formatProblem(p)}`).join('\n')}`)
      // The company's proposal (data/plan.ts) is held to its rules the same way: a missing owner or a review
      // before the meeting stops the deck, naming the field.
      const planIssues = planProblems(PLAN, budgetCurrency())
      if (planIssues.length)
        this.error(`The plan (data/plan.ts) is invalid:\n${planIssues.map(p => `  - ${p}`).join('\n')}`)
      // The paper's particulars (data/paper.ts): reference, meeting, version, status, purpose, classification.
      const paperIssues = paperProblems(PAPER, PLAN)
      if (paperIssues.length)
        this.error(`The paper's particulars (data/paper.ts) are invalid:\n${paperIssues.map(p => `  - ${p}`).join('\n')}`)
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
