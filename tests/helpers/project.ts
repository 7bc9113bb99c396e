// A throw-away copy of parts of the project in the system's temp folder, with the project's node_modules linked in,
// for tests that run a command on files they then change (the plan, the figures, the paper).
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { npx } from './npx'

const ROOT = resolve(__dirname, '..', '..')
/** What a command that reads the data needs of the project: the data, the commands, the build-time readers. */
export const VALIDATE_NEEDS = [
  'data',
  'shared',
  'vite',
  'scripts',
  'package.json',
] as const

/** Copies `paths` (relative to the project) into a new temp folder named from `prefix`, and returns that folder. */
export function copyOfProject(prefix: string, paths: readonly string[]): string {
  const copy = mkdtempSync(join(tmpdir(), prefix))
  for (const path of paths)
    cpSync(join(ROOT, path), join(copy, path), { recursive: true })
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir')
  return copy
}

/**
 * Runs `npm run validate` (scripts/validate-figures.ts) on a copy of the project in which `file` was changed by
 * `edit`; the edit must change the file. Returns the command's exit status and output.
 */
export function validateWith(file: string, edit: (source: string) => string) {
  const copy = copyOfProject('validate-', VALIDATE_NEEDS)
  const source = readFileSync(join(copy, file), 'utf8')
  const changed = edit(source)
  if (changed === source)
    throw new Error(`the edit left ${file} unchanged`)
  writeFileSync(join(copy, file), changed)
  try {
    return npx(['tsx', 'scripts/validate-figures.ts'], {}, { cwd: copy })
  }
  finally {
    rmSync(copy, { recursive: true, force: true })
  }
}
