// Runs a command, streaming its output; exits with its code if it fails.
import type { SpawnSyncOptions } from 'node:child_process'
import { spawnSync } from 'node:child_process'

export function run(cmd: string, args: string[], opts: SpawnSyncOptions = {}): void {
  console.log(`$ ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts })
  if (r.status !== 0) {
    console.error(`✗ ${cmd} ${args[0] ?? ''} failed (exit ${r.status})`)
    process.exit(r.status ?? 1)
  }
}

export { DECK_NAME } from '../../shared/deck-name.ts'
