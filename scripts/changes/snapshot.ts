// One version of the paper at a git ref (the working tree's own is vite/paper-snapshot.ts): the figures module, the
// claims register, the plan, the slide list and the quarters of our own data (a tag such as paper-v1, a branch or a commit), or in the working tree. The ref's files are
// written to a temporary folder with `git archive` and its TypeScript modules imported from there (the
// caller runs under tsx), so nothing in the checkout is touched.
import type { Snapshot } from '../../shared/changes.ts'
import type { FigureModule, RegisterModule } from '../../vite/paper-snapshot.ts'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { UserError } from '../../data/errors.ts'
import { currentSnapshot, quartersIn, snapshotFrom } from '../../vite/paper-snapshot.ts'
import { REPO_ROOT } from '../../vite/scorecard-slides.ts'

export interface Version extends Snapshot {
  /** data/paper.ts's version at that ref, if it had one. */
  version?: number
}

function git(repo: string, args: string[]) {
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim()
}

/** The top folder of the git checkout holding `dir`; a UserError when there is none. */
export function repoRoot(dir: string): string {
  try {
    return git(dir, ['rev-parse', '--show-toplevel'])
  }
  catch {
    throw new UserError(`${dir} is not in a git checkout: the changes list compares versions kept in git`)
  }
}

/** The commit a ref names; a UserError naming the ref when it names none. */
export function resolveRef(ref: string, repo: string): string {
  if (!ref || ref.startsWith('-'))
    throw new UserError(`not a git ref: ${JSON.stringify(ref)}`)
  try {
    return git(repo, [
      'rev-parse',
      '--verify',
      '--quiet',
      `${ref}^{commit}`,
    ])
  }
  catch {
    throw new UserError(`unknown git ref "${ref}": no tag, branch or commit by that name in ${repo} (tags: git tag --list 'paper-v*')`)
  }
}

/** Whether the tag exists (a fresh clone may have none). */
export function hasTag(tag: string, repo: string): boolean {
  try {
    git(repo, [
      'rev-parse',
      '--verify',
      '--quiet',
      `refs/tags/${tag}`,
    ])
    return true
  }
  catch {
    return false
  }
}

async function load<T>(file: string, name: string): Promise<T | undefined> {
  if (!existsSync(file))
    return undefined
  const mod = await import(pathToFileURL(file).href) as Record<string, unknown>
  return mod[name] as T | undefined
}

/** The snapshot of the paper kept in folder `dir` (a ref written out), importing its modules (under tsx). */
export async function snapshotOf(dir: string): Promise<Version> {
  const slidesPath = join(dir, 'slides.md')
  // The claims register moved from tests/ to data/; an older version has it at its old place.
  const register = await load<RegisterModule>(join(dir, 'data', 'claims.ts'), 'REGISTER')
    ?? await load<RegisterModule>(join(dir, 'tests', 'claims.register.ts'), 'REGISTER') ?? {}
  const paper = await load<{ version?: number }>(join(dir, 'data', 'paper.ts'), 'PAPER')
  return {
    ...snapshotFrom({
      figures: await load<readonly FigureModule[]>(join(dir, 'data', 'figures.ts'), 'FIGURES') ?? [],
      register,
      plan: await load<unknown>(join(dir, 'data', 'plan.ts'), 'PLAN'),
      slidesMd: existsSync(slidesPath)
        ? readFileSync(slidesPath, 'utf8')
        : null,
      measures: quartersIn(join(dir, 'data', 'scorecard')),
      pilotResults: quartersIn(join(dir, 'data', 'pilot-results')),
    }),
    version: paper?.version,
  }
}

/** The paper at a git ref, or in the working tree of `repo` when ref is null. */
export async function snapshotAt(ref: string | null, repo: string): Promise<Version> {
  if (ref === null) {
    return repo === REPO_ROOT
      ? currentSnapshot()
      : snapshotOf(repo)
  }
  const commit = resolveRef(ref, repo)
  const dir = mkdtempSync(join(tmpdir(), 'paper-version-'))
  try {
    const tar = join(dir, 'version.tar')
    git(repo, [
      'archive',
      '--format=tar',
      '-o',
      tar,
      commit,
    ])
    execFileSync('tar', ['-xf', tar, '-C', dir])
    // The modules import nothing from npm today; should one, it resolves from the checkout's packages.
    if (existsSync(join(repo, 'node_modules')))
      symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir')
    return await snapshotOf(dir)
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
