// A throw-away copy of parts of the project in the system's temp folder, with the project's node_modules linked in,
// for tests that run a command on files they then change (the plan, the figures, the paper).
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..', '..')

/** Copies `paths` (relative to the project) into a new temp folder named from `prefix`, and returns that folder. */
export function copyOfProject(prefix: string, paths: readonly string[]): string {
  const copy = mkdtempSync(join(tmpdir(), prefix))
  for (const path of paths)
    cpSync(join(ROOT, path), join(copy, path), { recursive: true })
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir')
  return copy
}
