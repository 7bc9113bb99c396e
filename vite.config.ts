// Slidev's Vite config: validate the figures and the plan whenever the deck is served, built or exported,
// serve our scorecard (virtual:scorecard) (both vite/data.ts), pre-bundle chart.js so the first visit does
// not reload, and keep the first view light (vite/first-view.ts).
import { defineConfig } from 'vite'
import { paperChangesPlugin, scorecardPlugin, validateDataPlugin } from './vite/data.ts'
import { chartsChunkPlugin, leanClientPlugin, preloadFirstViewPlugin } from './vite/first-view.ts'

export default defineConfig({
  plugins: [
    validateDataPlugin(),
    chartsChunkPlugin(),
    leanClientPlugin(),
    preloadFirstViewPlugin(),
    scorecardPlugin(),
    paperChangesPlugin(),
  ],
  optimizeDeps: {
    include: ['chart.js', 'vue-chartjs', 'chartjs-plugin-datalabels'],
  },
})
