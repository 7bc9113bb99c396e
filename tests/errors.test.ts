// One error rule for every command: a failure the operator can fix (a missing tool, a bad setting, a bad argument)
// ends with one "✗ …" line and exit code 2, never a stack; a command that another one ran and that failed ends its
// caller with the same code and one line. Each command is run here as a user runs it, with the fault planted.
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { USER_ERROR_EXIT } from '../data/errors'

const ROOT = resolve(__dirname, '..')

function command(script: string, args: string[] = [], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...env,
    },
    timeout: 120_000,
  })
}

/** The operator's kind of failure: exit 2, the last line of stderr is the one "✗" message, and no stack anywhere. */
function expectUserError(r: ReturnType<typeof command>, says: RegExp) {
  expect(r.status, r.stderr).toBe(USER_ERROR_EXIT)
  const lines = r.stderr.trim().split('\n')
  expect(lines.at(-1)).toMatch(/^✗ /)
  expect(lines.at(-1)).toMatch(says)
  expect(r.stderr).not.toMatch(/^\s+at /m)
}

describe('an operator’s problem is one line and exit 2, whichever command meets it', () => {
  it('a Chromium that is not where CHROMIUM_PATH says', () => {
    expectUserError(command('scripts/install/chromium.ts', [], { CHROMIUM_PATH: '/nowhere/chromium' }), /CHROMIUM_PATH is set to \/nowhere\/chromium, which does not exist/)
  })

  it('the same, met by an exporter that needs Chromium', () => {
    expectUserError(command('scripts/export.ts', [
      '--out',
      resolve(ROOT, 'test-results', 'should-not-exist'),
    ], { CHROMIUM_PATH: '/nowhere/chromium' }), /CHROMIUM_PATH/)
  })

  it('an option a command does not have', () => {
    for (const script of [
      'scripts/pack.ts',
      'scripts/reissue.ts',
      'scripts/export.ts',
      'scripts/changes.ts',
    ])
      expectUserError(command(script, ['--no-such-option']), /Unknown option '--no-such-option'/)
  })

  it('a bad value for a setting', () => {
    expectUserError(command('scripts/export.ts', ['--handout', '--paper', 'A3']), /--paper must be one of A4, Letter, got "A3"/)
    expectUserError(command('scripts/reissue.ts', ['--on', '2026-13-40']), /--on must be a real day/)
  })
})
