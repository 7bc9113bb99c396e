// The import rule of the README's layout table: code is split by where it runs, and reaches across only
// through the shared folders. Browser code (components/, setup/, the global components) must not import
// Node-only code (scripts/, vite/, deploy/) nor Node's built-ins; Node-side code must not import browser
// code; the pure code imports only pure code and packages, in one direction: shared/ (the model) may import
// data/, data/ never imports shared/. Tests may import anything.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

type Runtime = 'data' | 'shared' | 'browser' | 'build' | 'node'

const ROOT = resolve(__dirname, '..')

/** Where a file runs, from its path alone (the README's table). */
export function runtimeOf(path: string): Runtime | null {
  if (/^data\//.test(path))
    return 'data'
  if (/^shared\//.test(path))
    return 'shared'
  // Slidev runs setup/preparser.ts in Node while it reads slides.md; the rest of setup/ is the browser's.
  if (path === 'setup/preparser.ts' || /^vite\//.test(path) || /^vite[.\w]*\.config\.ts$/.test(path))
    return 'build'
  if (/^(components|setup|styles)\//.test(path) || /^[\w-]+\.vue$/.test(path))
    return 'browser'
  if (/^(scripts|deploy)\//.test(path))
    return 'node'
  return null
}

/**
 * Which runtimes each may import from, in one direction only: commands (scripts/) use the build (they start Slidev
 * with its plugins), the build never uses a command, and all use the pure data and model; the model (shared/)
 * uses the data (data/), never the other way round. A type-only import counts: it ties the two as much.
 */
const ALLOWED: Record<Runtime, Runtime[]> = {
  data: ['data'],
  shared: ['shared', 'data'],
  browser: ['browser', 'shared', 'data'],
  build: ['build', 'shared', 'data'],
  node: ['node', 'build', 'shared', 'data'],
}

const CODE = /\.(ts|mts|mjs|js|vue)$/
function codeFiles(dir = ROOT): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith('.') || [
      'node_modules',
      'dist',
      'test-results',
      'screenshots',
      'exports',
    ].includes(name)) {
      return []
    }
    const full = join(dir, name)
    if (statSync(full).isDirectory())
      return codeFiles(full)
    return CODE.test(name)
      ? [
          relative(ROOT, full),
        ]
      : []
  })
}

/** Every module a file names: static imports and re-exports, `import()`, and Vite's `?url`-style suffixes dropped. */
export function specifiers(source: string): string[] {
  return [
    ...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\1/g),
  ].map(m => m[2].replace(/\?.*$/, ''))
}

function resolveRelative(from: string, spec: string): string | null {
  const base = resolve(ROOT, dirname(from), spec)
  for (const ext of [
    '',
    '.ts',
    '.mts',
    '.mjs',
    '.js',
    '.vue',
    '/index.ts',
  ]) {
    try {
      if (statSync(base + ext).isFile())
        return relative(ROOT, base + ext)
    }
    catch {}
  }
  return null
}

/** The only loads by a computed path, each for a reason no static import serves. */
const COMPUTED_LOADS: Record<string, string> = {
  'scripts/export-pptx.ts': 'Slidev\'s PowerPoint exporter, which @slidev/cli does not export by name',
  'scripts/changes/snapshot.ts': 'an earlier version of the paper, taken out of git into a temp folder',
}

/** The imports that break the rule, as "file → target (runtime → runtime)", and loads this check cannot follow. */
export function crossings(files: string[], read: (f: string) => string): string[] {
  const problems: string[] = []
  for (const file of files) {
    const from = runtimeOf(file)
    if (!from)
      continue
    const source = read(file)
    if (/\bimport\((?!['"`])/.test(source) && !(file in COMPUTED_LOADS))
      problems.push(`${file}: import() of a computed path, which this check cannot follow`)
    for (const spec of specifiers(source)) {
      if (spec.startsWith('node:')) {
        if (from === 'browser' || from === 'shared' || from === 'data')
          problems.push(`${file} → ${spec} (Node's built-ins are not in the browser)`)
        continue
      }
      if (!spec.startsWith('.'))
        continue // a package: its own business where it runs
      const target = resolveRelative(file, spec)
      if (!target) {
        problems.push(`${file} → ${spec} (not found)`)
        continue
      }
      const to = runtimeOf(target)
      if (to && !ALLOWED[from].includes(to))
        problems.push(`${file} → ${target} (${from} code importing ${to} code)`)
    }
  }
  return problems
}

describe('code is split by where it runs (README: Layout)', () => {
  const files = codeFiles()

  it('finds the code it checks in every runtime', () => {
    const kinds = new Set(files.map(runtimeOf))
    for (const k of [
      'data',
      'shared',
      'browser',
      'build',
      'node',
    ] as const) expect(kinds, `no ${k} code found: is the layout table out of date?`).toContain(k)
  })

  it('no browser code imports Node-only code, no Node code imports browser code, pure code imports only pure code, data/ never shared/, and no load by a computed path but the named ones', () => {
    expect(crossings(files, f => readFileSync(resolve(ROOT, f), 'utf8'))).toEqual([])
  })

  it('the check sees a crossing when there is one', () => {
    const fake: Record<string, string> = {
      'components/Fig.vue': `<script setup lang="ts">\nimport { run } from '../scripts/lib/run.ts'\nimport { readFileSync } from 'node:fs'\n</script>`,
      'data/format.ts': `import { ensureChromium } from '../scripts/install/chromium.ts'`,
      'data/plan.ts': `import type { DeckDataset } from '../shared/charts/build'`,
      'scripts/export.ts': `const c = await import('../components/BarChart.vue')`,
      'setup/routes.ts': `export { x } from '../vite/first-view.ts'`,
      'vite/data.ts': `const { readScorecard } = await import('../scripts/scorecard/import.ts')`,
      'scripts/validate-figures.ts': `const { PLAN } = await import(pathToFileURL(process.env.PLAN_MODULE).href)`,
    }
    expect(crossings(Object.keys(fake), f => fake[f])).toEqual([
      'components/Fig.vue → scripts/lib/run.ts (browser code importing node code)',
      'components/Fig.vue → node:fs (Node\'s built-ins are not in the browser)',
      'data/format.ts → scripts/install/chromium.ts (data code importing node code)',
      'data/plan.ts → shared/charts/build.ts (data code importing shared code)',
      'scripts/export.ts → components/BarChart.vue (node code importing browser code)',
      'setup/routes.ts → vite/first-view.ts (browser code importing build code)',
      'vite/data.ts → scripts/scorecard/import.ts (build code importing node code)',
      'scripts/validate-figures.ts: import() of a computed path, which this check cannot follow',
    ])
  })
})

/** Why a file's opening lines fail the house rule: its comment is not first, or a comment tells history. */
export function commentProblems(path: string, source: string): string[] {
  const lines = source.split('\n')
  const first = lines[0]?.startsWith('#!')
    ? lines[1]
    : lines[0]
  const out: string[] = []
  if (!/^\s*(?:\/\/|\/\*)/.test(first ?? ''))
    out.push(`${path}: does not open with its comment (what it is and why), above its imports`)
  // History belongs to git log, not to the code: an issue's number, "was 15 s".
  const history = /\bissue \d+/i.exec(source)
  if (history)
    out.push(`${path}: tells history in a comment ("${history[0]}"); git log keeps it`)
  return out
}

describe('comments where readers look', () => {
  const files = codeFiles().filter(f => f.endsWith('.ts') && !f.startsWith('tests/fixtures/') && !f.endsWith('.d.ts'))

  it('every TypeScript file opens with its comment, and no comment tells the project’s history', () => {
    expect(files.length).toBeGreaterThan(100)
    expect(files.flatMap(f => commentProblems(f, readFileSync(resolve(ROOT, f), 'utf8')))).toEqual([])
  })

  it('the check sees a comment below the imports, a file with none, and history', () => {
    expect(commentProblems('a.ts', 'import type { X } from \'x\'\n// What a.ts is.\nimport { y } from \'y\'\n')).toHaveLength(1)
    expect(commentProblems('b.ts', 'export const b = 1\n')).toHaveLength(1)
    const history = ['issue', '24'].join(' ') // spelt apart, so this file does not trip its own check
    expect(commentProblems('c.ts', `#!/usr/bin/env node\n// What c.ts is (${history}).\n`)).toEqual([`c.ts: tells history in a comment ("${history}"); git log keeps it`])
    expect(commentProblems('d.ts', '#!/usr/bin/env node\n// What d.ts is.\nimport { y } from \'y\'\n')).toEqual([])
  })
})
