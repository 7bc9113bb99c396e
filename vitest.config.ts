// Kept apart from Slidev's Vite setup so unit tests load only what they test.
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { paperChangesPlugin, pilotResultsPlugin, scorecardPlugin } from './vite/data.ts'

export default defineConfig({
  plugins: [
    vue(),
    scorecardPlugin(),
    paperChangesPlugin(),
    pilotResultsPlugin(),
  ],
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**'],
    environment: 'node',
    setupFiles: [],
    // Several tests run a command (a Node start, sometimes a child process); on a busy two-core CI machine
    // that can take longer than Vitest's default 5 s. A hang still fails, just later.
    testTimeout: 60_000,
  },
})
