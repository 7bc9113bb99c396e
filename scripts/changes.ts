#!/usr/bin/env node
// `npm run changes -- <from> [<to>]`: what changed in the paper between two versions, in plain words: each
// figure whose value, qualifier or quote changed, each claim sentence added, removed or reworded, each plan
// value changed, and the slides added or removed. <from> and <to> are git refs (tags such as paper-v1,
// branches, commits); without <to>, the working tree. `--json` prints the list as JSON.
// `--since-previous` prints the report the build uses (vite/releases.ts) as JSON: the paper as it stands
// against the record of the version before data/paper.ts's (data/releases/); with `--out <file>` it writes it there
// (changes.json).
import { writeFileSync } from 'node:fs'
import { PAPER } from '../data/paper.ts'
import { changesText, compareSnapshots } from '../shared/changes.ts'
import { changesSincePrevious } from '../vite/releases.ts'
import { repoRoot, resolveRef, snapshotAt } from './changes/snapshot.ts'
import { asCommand, commandLine, UserError } from './lib/cli.ts'

asCommand()
const { values: opts, positionals } = commandLine({
  allowPositionals: true,
  options: {
    'json': { type: 'boolean' },
    'since-previous': { type: 'boolean' },
    'out': { type: 'string' },
  },
})
// Version one needs no git (a copy with no history builds); anything else reads the versions from git.
const repo = () => repoRoot(process.cwd())

if (opts['since-previous']) {
  const report = JSON.stringify(changesSincePrevious(PAPER.version), null, 2)
  if (opts.out) {
    writeFileSync(opts.out, `${report}\n`)
    console.log(`✓ wrote the changes since the previous version to ${opts.out}`)
  }
  else {
    console.log(report)
  }
}
else {
  const [from, to] = positionals
  if (!from || positionals.length > 2)
    throw new UserError('usage: npm run changes -- <from> [<to>]   (git refs, e.g. paper-v1; without <to>, the working tree)')
  // Both refs are checked before either is read, so a wrong one is named at once.
  const root = repo()
  resolveRef(from, root)
  if (to)
    resolveRef(to, root)
  const [a, b] = await Promise.all([
    snapshotAt(from, root),
    snapshotAt(to ?? null, root),
  ])
  const changes = compareSnapshots(a, b)
  if (opts.json)
    console.log(JSON.stringify({ from, to: to ?? null, changes }, null, 2))
  else
    console.log(`Changes from ${from} to ${to ?? 'the working tree'}:\n${changesText(changes)}`)
}
