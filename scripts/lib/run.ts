// Runs a command, streaming its output; if it fails, throws CommandFailed with its exit code, which the calling
// command's asCommand() turns into one line and the same code.
import type { SpawnSyncOptions } from 'node:child_process'
import { spawnSync } from 'node:child_process'
import { CommandFailed } from './cli.ts'

export function run(cmd: string, args: string[], opts: SpawnSyncOptions = {}): void {
  console.log(`$ ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts })
  if (r.status !== 0)
    throw new CommandFailed(`${cmd} ${args.slice(0, 2).join(' ')} failed (exit ${r.status ?? 'by a signal'})`, r.status ?? 1)
}

export { DECK_NAME } from '../../shared/deck-name.ts'
