// Builds the site once, as a host would serve it from a subfolder (/board/), and exports the notes
// PDF and the reader's handout, with the project's own scripts. The site is the directors' (`npm run build`: no
// presenter cue, no presenter view); the presenter's copy of the site (`npm run build:presenter`, here without its
// PDF and PowerPoint, which are the directors' own less the cues) is built beside it for the presenter's tests. Fails loudly when no Chromium can be found or installed.
import type { TestProject } from 'vitest/node'
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { ensureChromium } from '../../scripts/install/chromium.ts'
import { ensureLibreOffice } from '../../scripts/install/libreoffice.ts'
import { ensureNginx } from '../../scripts/install/nginx.ts'
import { AUDIENCE_ENV } from '../../vite/presenter-notes.ts'
import { slidevBuild } from '../helpers/npx'

export const SITE_DIR = resolve('test-results/site')
export const PRESENTER_SITE_DIR = resolve('test-results/site-presenter')
export const EXPORT_DIR = resolve('test-results/exports')
export const BASE = '/board/'

function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: {
      ...process.env,
      ...env,
    },
  })
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed with exit ${r.status}`)
}

export default function setup(project: TestProject) {
  ensureNginx() // for tests/browser/hosting.test.ts: Debian's nginx, installed when missing
  ensureLibreOffice() // for tests/browser/pptx.test.ts: Debian's LibreOffice Impress and Inter, installed when missing
  if (process.env.SKIP_SITE_BUILD) {
    project.provide('chromium', ensureChromium() as string)
    return
  }
  const chromium = ensureChromium() as string
  rmSync(EXPORT_DIR, { recursive: true, force: true }) // this run's exports only: the test of them sees no stale file
  // "board" without slashes on purpose: the build must normalise it to /board/.
  run('npx', ['tsx', 'scripts/build.ts'], { BASE: 'board', OUT_DIR: SITE_DIR })
  run('npx', slidevBuild(PRESENTER_SITE_DIR, BASE), { PAPER_AUDIENCE: 'presenter' })
  // The exporters as a user runs them by hand, with no audience set: the deck PDF, the PowerPoint and the handout
  // must come out as the directors' (no presenter cue), the notes as the presenter's (tests/browser/site.test.ts).
  const byHand = { [AUDIENCE_ENV]: '' }
  run('npx', [
    'tsx',
    'scripts/export.ts',
    '--out',
    EXPORT_DIR,
  ], byHand)
  run('npx', [
    'tsx',
    'scripts/export-pptx.ts',
    '--out',
    EXPORT_DIR,
  ], byHand)
  run('npx', [
    'tsx',
    'scripts/export.ts',
    '--notes',
    '--out',
    EXPORT_DIR,
  ])
  run('npx', [
    'tsx',
    'scripts/export.ts',
    '--handout',
    '--out',
    EXPORT_DIR,
  ], byHand)
  project.provide('chromium', chromium)
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: string
  }
}
