#!/usr/bin/env node
// `npm run pack [-- --out <folder>]`: the board pack of this version, in one folder named by the paper's reference
// and version (pack/BRD-2026-12-07-v1/), every file named the same way: the deck PDF, the PowerPoint and the handout
// for the directors (no presenter cue), the speaker notes for the presenter alone (named so), figures.csv and
// changes.json. Numbered steps with the time each took. The files are made in a folder beside it and moved into
// place only when all are made, so a failed run leaves no half pack. Last, it records what this version says
// (data/releases/version-N.json), which the next version's "What changed" page compares with.
import type { SpawnSyncOptions } from 'node:child_process'
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { PAPER } from '../data/paper.ts'
import { DECK_NAME, PRESENTER_NOTES_FILE } from '../shared/deck-name.ts'
import { AUDIENCE_ENV } from '../vite/presenter-notes.ts'
import { changesSincePrevious, RELEASES_DIR, writeRecord } from '../vite/releases.ts'
import { asCommand, commandLine, UserError } from './lib/cli.ts'

asCommand()
const { values } = commandLine({
  options: {
    out: { type: 'string', default: 'pack' },
    // Where the version's record is written (data/releases/ unless a test points it elsewhere).
    releases: { type: 'string', default: RELEASES_DIR },
  },
})

/** "BRD/2026-12/07", version 1: "BRD-2026-12-07-v1", the folder's name and every file's first part. */
const packName = (reference: string, version: number) => `${reference.replace(/\//g, '-')}-v${version}`

const name = packName(PAPER.reference, PAPER.version)
const folder = resolve(values.out, name)
const making = `${folder}.partial`
rmSync(making, { recursive: true, force: true })
mkdirSync(making, { recursive: true })

const started = Date.now()
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`
const directors = { ...process.env, [AUDIENCE_ENV]: 'directors' }
const presenter = { ...process.env, [AUDIENCE_ENV]: '' }

/** What each step makes: the file an exporter writes into the folder, and the pack's name for it. */
const steps: { title: string, run: () => void, renames?: [string, string][] }[] = [
  {
    title: 'Check the figures, the plan and the paper',
    run: () => tsx(['scripts/validate-figures.ts']),
  },
  {
    title: 'Deck PDF, for the directors',
    run: () => tsx(['scripts/export.ts', '--out', making], { env: directors }),
    renames: [
      [`${DECK_NAME}.pdf`, `${name}-${DECK_NAME}.pdf`],
    ],
  },
  {
    title: 'PowerPoint, for the directors',
    run: () => tsx(['scripts/export-pptx.ts', '--out', making], { env: directors }),
    renames: [
      [`${DECK_NAME}.pptx`, `${name}-${DECK_NAME}.pptx`],
    ],
  },
  {
    title: `Handout (${PAPER.paperSize}), for the directors`,
    run: () => tsx([
      'scripts/export.ts',
      '--handout',
      '--out',
      making,
    ], { env: directors }),
    renames: [
      [`${DECK_NAME}-handout.pdf`, `${name}-${DECK_NAME}-handout.pdf`],
    ],
  },
  {
    title: `Speaker notes (${PAPER.paperSize}), for the presenter only`,
    run: () => tsx([
      'scripts/export.ts',
      '--notes',
      '--out',
      making,
    ], { env: presenter }),
    renames: [
      [PRESENTER_NOTES_FILE, `${name}-${PRESENTER_NOTES_FILE}`],
    ],
  },
  {
    title: 'Every figure with its source (CSV)',
    run: () => tsx(['scripts/write-figures.ts', making]),
    renames: [
      ['figures.csv', `${name}-figures.csv`],
    ],
  },
  {
    title: 'What changed since the previous version (JSON)',
    run: () => writeFileSync(join(making, 'changes.json'), `${JSON.stringify(changesSincePrevious(), null, 2)}\n`),
    renames: [
      ['changes.json', `${name}-changes.json`],
    ],
  },
]

function tsx(args: string[], opts: SpawnSyncOptions = {}) {
  const r = spawnSync('npx', ['tsx', ...args], { stdio: 'inherit', ...opts })
  if (r.status !== 0)
    throw new UserError(`${args[0]} failed (exit ${r.status}); the pack was not made, and ${relative(process.cwd(), folder)} is as it was`)
}

console.log(`Making the board pack of ${PAPER.reference}, version ${PAPER.version}, in ${relative(process.cwd(), folder) || '.'}`)
const kept: string[] = []
steps.forEach((step, i) => {
  const t = Date.now()
  console.log(`\n[${i + 1}/${steps.length}] ${step.title}`)
  try {
    step.run()
  }
  catch (e) {
    rmSync(making, { recursive: true, force: true })
    throw e
  }
  for (const [from, to] of step.renames ?? []) {
    renameSync(join(making, from), join(making, to))
    kept.push(to)
  }
  console.log(`[${i + 1}/${steps.length}] done in ${seconds(Date.now() - t)} (${seconds(Date.now() - started)} so far)`)
})
// The exporters write only what the pack names; anything else (figures.json) is not part of the pack.
for (const f of readdirSync(making).filter(f => !kept.includes(f))) rmSync(join(making, f), { force: true })

rmSync(folder, { recursive: true, force: true })
renameSync(making, folder)
const recorded = writeRecord(undefined, resolve(values.releases))
console.log(`\n✓ the board pack, ${kept.length} files, in ${seconds(Date.now() - started)}: ${folder}`)
for (const f of kept) {
  console.log(`  ${f}${f.includes('presenter')
    ? '   (the presenter\'s alone: do not send)'
    : ''}`)
}
console.log(`✓ recorded what version ${PAPER.version} says in ${relative(process.cwd(), recorded.path)}: commit it with this version`)
if (recorded.replaced)
  console.log(`  It differs from the record made before: if version ${PAPER.version} was already sent, run npm run reissue and make the pack again.`)
