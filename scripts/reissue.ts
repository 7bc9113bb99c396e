#!/usr/bin/env node
// `npm run reissue [-- --on YYYY-MM-DD]`: makes the paper as it now stands the next version. It checks that what
// the current version said is on record (data/releases/, written by `npm run pack`), raises the version, sets the
// issue date (today, or --on), sets the reference's year and month from the meeting, and checks the plan's and the
// paper's dates against each other. Any problem is listed and nothing is written; otherwise data/paper.ts is
// rewritten in one step and the changes since the previous version are printed.
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { dataProblems } from '../data/check.ts'
import { FACTS, FIGURES } from '../data/figures.ts'
import { PAPER } from '../data/paper.ts'
import { PLAN } from '../data/plan.ts'
import { isUtcDay } from '../data/scorecard.ts'
import { formatDate } from '../data/sources.ts'
import { changesText, compareSnapshots } from '../shared/changes.ts'
import { currentSnapshot } from '../vite/paper-snapshot.ts'
import { readRecord, recordPath } from '../vite/releases.ts'
import { REPO_ROOT } from '../vite/scorecard-slides.ts'
import { asCommand, commandLine, UserError } from './lib/cli.ts'

asCommand()
const { values } = commandLine({
  options: {
    on: { type: 'string' },
  },
})
const on = values.on ?? new Date().toISOString().slice(0, 10)
if (!isUtcDay(on))
  throw new UserError(`--on must be a real day YYYY-MM-DD, got ${JSON.stringify(on)}`)

const current = PAPER.version
const before = readRecord(current)
if (!before) {
  throw new UserError(`there is no record of what version ${current} said (${relative(REPO_ROOT, recordPath(current))}): `
    + `make version ${current}'s pack first (npm run pack records it), or restore the record from git`)
}

const meeting = PLAN.meetings[PAPER.meeting]
const next = {
  ...PAPER,
  version: current + 1,
  issuedOn: on,
  // The secretary's reference follows the meeting: BRD/<meeting's year-month>/<item>.
  reference: PAPER.reference.replace(/\/\d{4}-\d{2}\//, `/${meeting.date.slice(0, 7)}/`),
}
const problems = dataProblems({
  figures: FIGURES,
  facts: FACTS,
  plan: PLAN,
  paper: next,
})
if (problems.length)
  throw new UserError(`version ${next.version} cannot be issued on ${formatDate(on)}; nothing was changed:\n${problems.join('\n')}`)

const changes = compareSnapshots(before, currentSnapshot())
if (!changes.length)
  throw new UserError(`nothing in the figures, claims, plan, slides or data has changed since version ${current}: there is nothing to re-issue`)

// Rewrite the three fields in data/paper.ts's PAPER, each found exactly once, in one rename.
const file = join(REPO_ROOT, 'data', 'paper.ts')
let source = readFileSync(file, 'utf8')
for (const [field, value] of [
  [
    'version',
    String(next.version),
  ],
  ['issuedOn', `'${next.issuedOn}'`],
  ['reference', `'${next.reference}'`],
] as const) {
  const pattern = new RegExp(`^(  ${field}: )[^\\n]*,$`, 'm')
  if ((source.match(new RegExp(pattern.source, 'gm')) ?? []).length !== 1)
    throw new Error(`data/paper.ts: expected one "${field}:" line in PAPER`)
  source = source.replace(pattern, `$1${value},`)
}
writeFileSync(`${file}.tmp`, source)
renameSync(`${file}.tmp`, file)

console.log(`✓ version ${next.version} of ${next.reference}, issued ${formatDate(on)}, for the meeting of ${formatDate(meeting.date)}`)
console.log(`Changes since version ${current} (issued ${formatDate(before.issuedOn)}):\n${changesText(changes)}`)
console.log('Next: npm run pack (it records what this version says), then commit data/paper.ts and data/releases/.')
