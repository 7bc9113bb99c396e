// Slidev's Vite config: validate the figures whenever the deck is served, built or exported,
// serve our scorecard (virtual:scorecard), pre-bundle chart.js so the first visit does not reload, and keep chart.js out of the first view.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import { validateFigures, formatProblem } from './data/validate.ts'
import { FACTS, FIGURES } from './data/figures.ts'
import { scorecardPlugin } from './scripts/scorecard/files.ts'

function validateFiguresPlugin(): Plugin {
  // During `npm run dev`, an edit to data/ is checked again in the browser: data/index.ts validates on import.
  return {
    name: 'validate-figures',
    buildStart() {
      const problems = validateFigures(FIGURES, FACTS)
      if (problems.length) this.error(`Figures module is invalid:\n${problems.map((p) => '  - ' + formatProblem(p)).join('\n')}`)
    },
  }
}

/**
 * chart.js in a chunk of its own, loaded with the first slide that draws a chart. Slidev's own rule puts
 * every module under node_modules/vue* in its `modules/vue` chunk, which loads on slide 1, and that
 * catches vue-chartjs and, through it, chart.js. This wraps Slidev's rule (set by its config plugin,
 * so read here, after it) and leaves the chart libraries to the bundler, which puts them with the chart
 * slides that import them. (Naming a chunk for them instead pulls Vue in with them, into the first view.)
 */
function chartsChunkPlugin(): Plugin {
  const CHART_LIBRARIES = ['/node_modules/chart.js/', '/node_modules/vue-chartjs/', '/node_modules/chartjs-plugin-datalabels/', '/node_modules/@kurkle/color/']
  return {
    name: 'charts-chunk',
    enforce: 'post',
    config(config) {
      const output = config.build?.rollupOptions?.output
      if (!output || Array.isArray(output)) return
      const slidevRule = output.manualChunks
      if (typeof slidevRule !== 'function') return
      output.manualChunks = (id, meta) => (CHART_LIBRARIES.some((lib) => id.includes(lib)) ? null : slidevRule(id, meta))
    },
  }
}

/** Code blocks need twoslash's hover cards; a deck without any does not load them (setup/twoslash-stub.ts). */
const hasCodeBlocks = /^\s*(```|~~~)/m.test(readFileSync(fileURLToPath(new URL('./slides.md', import.meta.url)), 'utf8'))

export default defineConfig({
  plugins: [validateFiguresPlugin(), chartsChunkPlugin(), scorecardPlugin()],
  resolve: {
    alias: hasCodeBlocks ? [] : [{ find: /^@shikijs\/vitepress-twoslash\/client$/, replacement: fileURLToPath(new URL('./setup/twoslash-stub.ts', import.meta.url)) }],
  },
  optimizeDeps: {
    include: ['chart.js', 'vue-chartjs', 'chartjs-plugin-datalabels'],
  },
})
