// Kept apart from Slidev's Vite setup so unit tests load only what they test.
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { scorecardPlugin } from './scripts/scorecard/files.ts'

export default defineConfig({
  plugins: [vue(), scorecardPlugin()],
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**'],
    environment: 'node',
    setupFiles: [],
  },
})
