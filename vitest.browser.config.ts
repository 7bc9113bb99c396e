// Browser tests: a real Chromium (Debian's), driven by Playwright, against the built site.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/globalSetup.ts'],
    testTimeout: 180_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    // A page on a busy two-core machine can take seconds to react; expect.poll's default second is too short.
    expect: {
      poll: { timeout: 15_000 },
    },
  },
})
