#!/usr/bin/env node
// `npm test`: every check the deck has, in order, then one closing line "N passed, N failed"
// (CI reads that line; vitest's own summary is not read).
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const steps = [
  // Debian's Chromium for the browser tests and the PDF export: found, or installed with apt-get as root.
  {
    name: 'chromium',
    cmd: 'npx',
    args: ['tsx', 'scripts/install/chromium.ts'],
  },
  {
    name: 'typecheck',
    cmd: 'npx',
    args: [
      'vue-tsc',
      '--noEmit',
      '-p',
      'tsconfig.json',
    ],
  },
  // ESLint with antfu's shared config (eslint.config.js says which rules are off, and why).
  {
    name: 'lint',
    cmd: 'npx',
    args: ['eslint', '.'],
  },
  {
    name: 'unit',
    cmd: 'npx',
    args: [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      '--outputFile=test-results/unit.json',
    ],
    json: 'test-results/unit.json',
  },
  {
    name: 'browser',
    cmd: 'npx',
    args: [
      'vitest',
      'run',
      '-c',
      'vitest.browser.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile=test-results/browser.json',
    ],
    json: 'test-results/browser.json',
  },
]

mkdirSync('test-results', { recursive: true })
// Every temporary folder the checks make (copies of the project, fixtures, Chromium profiles) goes under one
// folder for this run, removed at the end, so a run leaves nothing in the machine's temp folder.
// Open to pass through (0755, as /tmp is): nginx's workers, run by the hosting tests as www-data, must reach
// their folder inside it.
const scratch = mkdtempSync(join(tmpdir(), 'deck-checks-'))
chmodSync(scratch, 0o755)
const env = { ...process.env, TMPDIR: scratch }
let passed = 0
let failed = 0
let skipped = 0
let sourceChecksSkipped = 0
for (const step of steps) {
  console.log(`\n▶ ${step.name}: ${step.cmd} ${step.args.join(' ')}`)
  if (step.json)
    rmSync(step.json, { force: true })
  const run = spawnSync(step.cmd, step.args, {
    stdio: 'inherit',
    env,
  })
  if (step.json && existsSync(step.json)) {
    const r = JSON.parse(readFileSync(step.json, 'utf8'))
    passed += r.numPassedTests
    failed += r.numFailedTests + (run.status !== 0 && r.numFailedTests === 0
      ? 1
      : 0)
    skipped += r.numPendingTests + r.numTodoTests
    // Source checks are the describe blocks named "source check: …" (tests/helpers/sourceText.ts).
    for (const file of r.testResults) {
      for (const t of file.assertionResults) {
        if (t.status !== 'passed' && t.status !== 'failed' && t.ancestorTitles[0]?.startsWith('source check'))
          sourceChecksSkipped++
      }
    }
  }
  else if (run.status === 0) {
    passed += 1
  }
  else {
    failed += 1
  }
  if (run.status !== 0)
    console.error(`✗ ${step.name} failed (exit ${run.status})`)
}
rmSync(scratch, { recursive: true, force: true })
if (sourceChecksSkipped) {
  const where = process.env.SOURCES_DIR ?? '../shared/sources'
  console.log(`\n${sourceChecksSkipped} source checks skipped: the source documents are not in ${where}. Put the report and the articles there (or set SOURCES_DIR) to check every quote and passage against them.`)
}
console.log(`\n${passed} passed, ${failed} failed${skipped
  ? `, ${skipped} skipped`
  : ''}`)
process.exit(failed ? 1 : 0)
