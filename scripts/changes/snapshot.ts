// One version of the paper at a git ref (the working tree's own is vite/paper-snapshot.ts): the figures module, the
// claims register, the plan, the slide list and the quarters of our own data (a tag such as paper-v1, a branch or a
// commit), or in the working tree. The ref's files are written to a temporary folder with `git archive` and its
// modules imported there through version-modules.ts (the caller runs under tsx), so nothing in the checkout is touched.
import type { Snapshot } from '../../shared/changes.ts'
import type * as VersionModules from './version-modules.ts'
import { execFileSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
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

/** version-modules.ts, and where it sits in any version's files. */
const ENTRY = fileURLToPath(new URL('./version-modules.ts', import.meta.url))
const ENTRY_IN_TREE = relative(REPO_ROOT, ENTRY)
/** The files version-modules.ts names, from the repo's root. */
const MODULES = [
  'data/claims.ts',
  'data/figures.ts',
  'data/paper.ts',
  'data/plan.ts',
]

/**
 * The snapshot of the paper kept in folder `dir` (a ref or a working tree written out, with version-modules.ts), its
 * modules imported through version-modules.ts (under tsx). `name` says which version it is, for the message when one
 * of them is missing.
 */
async function snapshotOf(dir: string, name = dir): Promise<Version> {
  const missing = MODULES.filter(m => !existsSync(join(dir, m)))
  if (missing.length)
    throw new UserError(`${name} has no ${missing.join(', ')}: the changes list reads versions that keep the figures, the claims register, the plan and the paper's particulars there`)
  const mod = await import(pathToFileURL(join(dir, ENTRY_IN_TREE)).href) as typeof VersionModules
  const slidesPath = join(dir, 'slides.md')
  return {
    ...snapshotFrom({
      figures: mod.FIGURES,
      register: mod.REGISTER,
      plan: mod.PLAN,
      slidesMd: existsSync(slidesPath)
        ? readFileSync(slidesPath, 'utf8')
        : null,
      measures: quartersIn(join(dir, 'data', 'scorecard')),
      pilotResults: quartersIn(join(dir, 'data', 'pilot-results')),
    }),
    version: mod.PAPER.version,
  }
}

/**
 * The paper at a git ref, or in the working tree of `repo` when ref is null. Another checkout's working tree is read
 * as a ref is: its data/ and slides.md copied to a temporary folder, beside this checkout's version-modules.ts.
 */
export async function snapshotAt(ref: string | null, repo: string): Promise<Version> {
  if (ref === null && repo === REPO_ROOT)
    return currentSnapshot()
  const dir = mkdtempSync(join(tmpdir(), 'paper-version-'))
  try {
    if (ref === null) {
      cpSync(join(repo, 'data'), join(dir, 'data'), { recursive: true })
      if (existsSync(join(repo, 'slides.md')))
        copyFileSync(join(repo, 'slides.md'), join(dir, 'slides.md'))
    }
    else {
      const tar = join(dir, 'version.tar')
      git(repo, [
        'archive',
        '--format=tar',
        '-o',
        tar,
        resolveRef(ref, repo),
      ])
      execFileSync('tar', ['-xf', tar, '-C', dir])
    }
    // This checkout's version-modules.ts, so every version is read through the same imports.
    mkdirSync(join(dir, dirname(ENTRY_IN_TREE)), { recursive: true })
    copyFileSync(ENTRY, join(dir, ENTRY_IN_TREE))
    // The modules import nothing from npm today; should one, it resolves from the checkout's packages.
    if (existsSync(join(repo, 'node_modules')))
      symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir')
    return await snapshotOf(dir, ref ?? repo)
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
