// Slidev's Vite config: validate the figures whenever the deck is served, built or exported, serve our
// scorecard (virtual:scorecard), pre-bundle chart.js so the first visit does not reload, and keep the
// first view light (vite/first-view.ts).
import { defineConfig, type Plugin } from 'vite'
import { validateFigures, formatProblem } from './data/validate.ts'
import { FACTS, FIGURES } from './data/figures.ts'
import { PLAN, planProblems } from './data/plan.ts'
import { budgetCurrency, scorecardPlugin } from './scripts/scorecard/files.ts'
import { chartsChunkPlugin, leanClientPlugin, preloadFirstViewPlugin } from './vite/first-view.ts'

function validateFiguresPlugin(): Plugin {
  // During `npm run dev`, an edit to data/ is checked again in the browser: data/index.ts validates on import.
  return {
    name: 'validate-figures',
    buildStart() {
      const problems = validateFigures(FIGURES, FACTS)
      if (problems.length) this.error(`Figures module is invalid:\n${problems.map((p) => '  - ' + formatProblem(p)).join('\n')}`)
      // The company's proposal (data/plan.ts) is held to its rules the same way: a missing owner or a review
      // before the meeting stops the deck, naming the field.
      const planIssues = planProblems(PLAN, budgetCurrency())
      if (planIssues.length) this.error(`The plan (data/plan.ts) is invalid:\n${planIssues.map((p) => '  - ' + p).join('\n')}`)
    },
  }
}

export default defineConfig({
  plugins: [validateFiguresPlugin(), chartsChunkPlugin(), leanClientPlugin(), preloadFirstViewPlugin(), scorecardPlugin()],
  optimizeDeps: {
    include: ['chart.js', 'vue-chartjs', 'chartjs-plugin-datalabels'],
  },
})
