// Slidev's Vite config: validate the figures whenever the deck is served, built or exported,
// serve our scorecard (virtual:scorecard), pre-bundle chart.js so the first visit does not reload, and keep chart.js out of the first view.
import { readdirSync, readFileSync } from 'node:fs'
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

const deckSource = [
  readFileSync(fileURLToPath(new URL('./slides.md', import.meta.url)), 'utf8'),
  ...readdirSync(fileURLToPath(new URL('./components', import.meta.url)), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.vue'))
    .map((f) => readFileSync(fileURLToPath(new URL(`./components/${f}`, import.meta.url)), 'utf8')),
].join('\n')
/** Code blocks need twoslash's hover cards and styles; a deck without any does not load them. */
const hasCodeBlocks = /^\s*(```|~~~)/m.test(deckSource)
/** `v-mark` draws with rough-notation; a deck that never uses it does not load it. */
const usesVMark = /\bv-mark\b/.test(deckSource)
const stub = (file: string) => fileURLToPath(new URL(`./setup/stubs/${file}`, import.meta.url))

/**
 * Parts of Slidev's client this deck never uses, kept out of the first view (issue 11; `npm run bench`
 * measures the result against an empty deck):
 * - Vue's template compiler. Slidev aliases `vue` to the build that compiles templates in the browser;
 *   every component here, Slidev's own included, is compiled at build time, so the runtime-only build
 *   does (a component with a `template` string would render nothing: the browser tests open every slide).
 * - The `yaml` parser. Slidev's client imports `parseRangeString` from `@slidev/parser/core`, which
 *   loads the whole frontmatter parser with it; `@slidev/parser/utils` holds the same function alone.
 * - rough-notation (for `v-mark`) and twoslash (code-block hover cards and styles), while unused.
 */
function leanClientPlugin(): Plugin {
  return {
    name: 'lean-client',
    enforce: 'post',
    config(config) {
      const alias = config.resolve?.alias
      if (!Array.isArray(alias)) throw new Error('lean-client: Slidev\'s alias list not found; check vite.config.ts against this Slidev version')
      const vue = alias.find((a) => a.find === 'vue')
      if (!vue || typeof vue.replacement !== 'string' || !vue.replacement.endsWith('vue.esm-bundler.js'))
        throw new Error('lean-client: Slidev\'s `vue` alias not found; check vite.config.ts against this Slidev version')
      vue.replacement = vue.replacement.replace(/vue\.esm-bundler\.js$/, 'vue.runtime.esm-bundler.js')
      alias.unshift({ find: /^@slidev\/parser\/core$/, replacement: '@slidev/parser/utils' })
      if (!usesVMark) alias.unshift({ find: /^@slidev\/rough-notation$/, replacement: stub('rough-notation.ts') })
      if (!hasCodeBlocks)
        alias.unshift(
          { find: /^@shikijs\/vitepress-twoslash\/client$/, replacement: stub('twoslash-client.ts') },
          { find: /^@shikijs\/vitepress-twoslash\/style\.css$/, replacement: stub('empty.css') },
        )
    },
  }
}

export default defineConfig({
  plugins: [validateFiguresPlugin(), chartsChunkPlugin(), leanClientPlugin(), scorecardPlugin()],
  optimizeDeps: {
    include: ['chart.js', 'vue-chartjs', 'chartjs-plugin-datalabels'],
  },
})
