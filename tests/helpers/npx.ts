// Runs our commands through npx in the tests, as a user would.
import type { SpawnSyncOptions } from 'node:child_process'
import { spawnSync } from 'node:child_process'

/**
 * Runs `npx …` (one of our scripts through tsx, or Slidev) as a user would, with extra environment variables,
 * and returns its exit status and output as text.
 */
export function npx(args: string[], env: Record<string, string> = {}, opts: Omit<SpawnSyncOptions, 'env'> = {}) {
  return spawnSync('npx', args, {
    ...opts,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...env,
    },
  })
}

/** `npx` arguments for Slidev's build of the deck into `out` (at `base`, if given). */
export function slidevBuild(out: string, base?: string): string[] {
  return [
    'slidev',
    'build',
    'slides.md',
    ...(base
      ? ['--base', base]
      : []),
    '--out',
    out,
  ]
}
