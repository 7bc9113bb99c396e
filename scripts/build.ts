#!/usr/bin/env node
// `npm run build` (or `BASE=/board/ npm run build`): the directors' site in dist/, ready for a plain
// static host under that base path, with the deck's PDF, its PowerPoint, figures.json, figures.csv and changes.json at its root.
// Built for directors (PAPER_AUDIENCE=directors, vite/presenter-notes.ts): no "Presenter:" paragraph in any file,
// the PowerPoint's notes included, and no presenter view; the reader text stays.
// `npm run build:presenter` (`--presenter`): the presenter's copy in dist-presenter/, with everything, for
// presenting from a laptop. Never host it.
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { inlineScriptHashes, ROBOTS_TXT, staticHostHeaders } from '../deploy/headers.ts'
import { AUDIENCE_ENV } from '../vite/presenter-notes.ts'
import { normaliseBase } from './lib/base.ts'
import { asCommand, commandLine } from './lib/cli.ts'
import { DECK_NAME, run } from './lib/run.ts'

asCommand()
// Settings come from the environment (BASE, OUT_DIR); the one switch says who the build is for.
const { values: args } = commandLine({
  options: {
    presenter: { type: 'boolean' },
  },
})
const audience = args.presenter
  ? 'presenter'
  : 'directors'
const base = normaliseBase(process.env.BASE)
const out = resolve(process.env.OUT_DIR ?? (args.presenter
  ? 'dist-presenter'
  : 'dist'))
// Every step below (Slidev's build, the PDF, the PowerPoint) reads slides.md for this audience.
process.env[AUDIENCE_ENV] = audience

run('npx', ['tsx', 'scripts/validate-figures.ts'])
run('npx', [
  'slidev',
  'build',
  'slides.md',
  '--base',
  base,
  '--out',
  out,
])
run('npx', [
  'tsx',
  'scripts/export.ts',
  '--out',
  out,
])
run('npx', [
  'tsx',
  'scripts/export-pptx.ts',
  '--out',
  out,
])
run('npx', ['tsx', 'scripts/write-figures.ts', out])
// What changed since the previous version (the same list as the deck's last pre-read page), beside figures.json.
run('npx', [
  'tsx',
  'scripts/changes.ts',
  '--since-previous',
  '--out',
  resolve(out, 'changes.json'),
])
// For static hosts: the same headers nginx sends (deploy/headers.ts), and a robots.txt that keeps crawlers out.
// A static host still needs its own login in front: these files cannot protect the deck (see README).
const hashes = inlineScriptHashes(readFileSync(resolve(out, 'index.html'), 'utf8'))
writeFileSync(resolve(out, '_headers'), staticHostHeaders(base, { scriptHashes: hashes }))
writeFileSync(resolve(out, 'robots.txt'), ROBOTS_TXT)
console.log(`✓ ${audience === 'presenter'
  ? 'the presenter\'s copy, with the presenter\'s notes and view: not for hosting,'
  : 'the directors\' site, without the presenter\'s notes,'} in ${out}, to be served from ${base} (deck PDF: ${base}${DECK_NAME}.pdf, PowerPoint: ${base}${DECK_NAME}.pptx)`)
