// Slidev's Vite config: validate the figures and the plan whenever the deck is served, built or exported,
// serve our scorecard (virtual:scorecard) (both vite/data.ts), pre-bundle chart.js so the first visit does
// not reload, and keep the first view light (vite/first-view.ts). (Slidev's own accessibility fixes are in
// patches/, applied by npm install.)
import { defineConfig } from 'vite'
import { paperChangesPlugin, pilotResultsPlugin, scorecardPlugin, validateDataPlugin } from './vite/data.ts'
import { chartsChunkPlugin, leanClientPlugin, preloadFirstViewPlugin } from './vite/first-view.ts'

export default defineConfig({
  plugins: [
    validateDataPlugin(),
    chartsChunkPlugin(),
    leanClientPlugin(),
    preloadFirstViewPlugin(),
    scorecardPlugin(),
    paperChangesPlugin(),
    pilotResultsPlugin(),
  ],
  server: {
    // Vite's watcher drops a second change to a file within 50 ms of the first, for good: two quick saves (an
    // editor's save then its formatter's) would leave the preview showing the first. Waiting for the file to
    // settle reports one change, read after the last write.
    watch: {
      awaitWriteFinish: { stabilityThreshold: 80, pollInterval: 20 },
    },
  },
  optimizeDeps: {
    include: ['chart.js', 'vue-chartjs', 'chartjs-plugin-datalabels'],
  },
})
