// One version of the paper, read from git: the figures module, the claims register, the plan and the slide
// list at a ref (a tag such as paper-v1, a branch or a commit), or in the working tree. The ref's files are
// written to a temporary folder with `git archive` and its TypeScript modules imported from there (the
// caller runs under tsx), so nothing in the checkout is touched.
import type { ClaimSnap, FigureSnap, Snapshot } from '../../shared/changes.ts'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseSync } from '@slidev/parser'
import { flattenPlan } from '../../shared/changes.ts'
import { UserError } from '../../shared/errors.ts'

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

interface FigureModule { id: string, label: string, value: FigureSnap['value'], unit: FigureSnap['unit'], qualifier?: string, source: { quote: string } }
type RegisterModule = Record<string, Partial<Record<'slide' | 'notes', readonly { text: string }[]>>>

/** The snapshot of the paper kept in folder `dir` (a checkout, or a ref written out). */
export async function snapshotOf(dir: string): Promise<Version> {
  const figures = await load<readonly FigureModule[]>(join(dir, 'data', 'figures.ts'), 'FIGURES') ?? []
  const register = await load<RegisterModule>(join(dir, 'tests', 'claims.register.ts'), 'REGISTER') ?? {}
  const plan = await load<unknown>(join(dir, 'data', 'plan.ts'), 'PLAN')
  const paper = await load<{ version?: number }>(join(dir, 'data', 'paper.ts'), 'PAPER')
  const slidesPath = join(dir, 'slides.md')
  const slides = existsSync(slidesPath)
    ? parseSync(readFileSync(slidesPath, 'utf8'), slidesPath).slides.map(s => (s.title ?? s.content.trim().split('\n')[0]).trim())
    : []
  const claims: ClaimSnap[] = Object.entries(register).flatMap(([slide, parts]) =>
    (['slide', 'notes'] as const).flatMap(part => (parts[part] ?? []).map(c => ({ slide, text: c.text }))))
  return {
    figures: figures.map(f => ({
      id: f.id,
      label: f.label,
      value: f.value,
      unit: f.unit,
      qualifier: f.qualifier,
      quote: f.source.quote,
    })),
    claims,
    plan: plan === undefined
      ? {}
      : flattenPlan(plan),
    slides: [
      ...new Set(slides),
    ],
    version: paper?.version,
  }
}

/** The paper at a git ref, or in the working tree of `repo` when ref is null. */
export async function snapshotAt(ref: string | null, repo: string): Promise<Version> {
  if (ref === null)
    return snapshotOf(repo)
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
