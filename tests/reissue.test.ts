// `npm run reissue`, run in a copy of the project as a chief of staff would after changing the proposal: the paper
// becomes version 2 issued on the day given, the "What changed" list comes from version 1's record kept in the
// repository (no git tag needed, as in a fresh clone), in the board's words; a date that breaks the plan is refused
// with nothing written; a version with no record is refused, naming the file.
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { USER_ERROR_EXIT } from '../data/errors'
import { PAPER } from '../data/paper'
import { PLAN } from '../data/plan'
import { readRecord } from '../vite/releases'
import { copyOfProject } from './helpers/project'

let copy: string

function reissue(...args: string[]) {
  return spawnSync(process.execPath, [
    '--import',
    'tsx',
    'scripts/reissue.ts',
    ...args,
  ], { cwd: copy, encoding: 'utf8' })
}
const paperFile = () => readFileSync(join(copy, 'data', 'paper.ts'), 'utf8')
function editPlan(from: string, to: string) {
  const file = join(copy, 'data', 'plan.ts')
  const src = readFileSync(file, 'utf8')
  expect(src).toContain(from)
  writeFileSync(file, src.replace(from, to))
}

beforeEach(() => {
  copy = copyOfProject('reissue-', [
    'data',
    'shared',
    'scripts',
    'vite',
    'slides.md',
    'package.json',
  ])
  // The copy's version is on record as it stands, as after its pack was made.
  const recorded = spawnSync(process.execPath, [
    '--import',
    'tsx',
    '-e',
    'import { writeRecord } from "./vite/releases.ts"; writeRecord()',
  ], { cwd: copy, encoding: 'utf8' })
  expect(recorded.status, recorded.stderr).toBe(0)
})
afterEach(() => rmSync(copy, { recursive: true, force: true }))

describe('npm run reissue', () => {
  it('the repository records what the current version said, so a fresh clone can list the next version’s changes', () => {
    const record = readRecord(PAPER.version)
    expect(record).not.toBeNull()
    expect(record).toMatchObject({ version: PAPER.version, reference: PAPER.reference })
  })

  it('after a change to the cap and the go/no-go meeting: version 2, dated, with the changes in the board’s words', () => {
    const cap = PLAN.asks.find(a => a.id === 'pilot')!.cap!.amount
    const raised = cap * 1.2
    editPlan(`cap: { amount: ${cap.toLocaleString('en-US').replace(/,/g, '_')}, currency: 'USD' }`, `cap: { amount: ${raised}, currency: 'USD' }`)
    editPlan(`pilotReview: { name: 'Board meeting', date: '${PLAN.meetings.pilotReview.date}' }`, `pilotReview: { name: 'Board meeting', date: '2027-10-28' }`)
    const run = reissue('--on', '2026-12-08')
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(paperFile()).toContain(`version: ${PAPER.version + 1},`)
    expect(paperFile()).toContain(`issuedOn: '2026-12-08',`)
    expect(run.stdout).toContain(`Pilot cap: US$${cap.toLocaleString('en-US')} to US$${raised.toLocaleString('en-US')} (+20%)`)
    expect(run.stdout).toContain('Go/no-go meeting: 21 October 2027 to 28 October 2027')
    // No field path, no git word.
    expect(run.stdout).not.toMatch(/›|\bgit\b|\btag\b|setOn|pilotReview/)
  })

  it('an issue date that the plan’s dates forbid is refused, naming the field, and the paper is left as it was', () => {
    editPlan(`cap: { amount: 880_000`, `cap: { amount: 890_000`)
    const before = paperFile()
    const run = reissue('--on', '2026-12-11')
    expect(run.status).toBe(USER_ERROR_EXIT)
    expect(run.stderr).toMatch(/issuedOn .*must come before the meeting/)
    expect(run.stderr.trim().startsWith('✗')).toBe(true)
    expect(paperFile()).toBe(before)
  })

  it('nothing changed: refused, the paper left as it was', () => {
    const before = paperFile()
    const run = reissue('--on', '2026-12-08')
    expect(run.status).toBe(USER_ERROR_EXIT)
    expect(run.stderr).toContain('nothing to re-issue')
    expect(paperFile()).toBe(before)
  })

  it('no record of the current version: refused, naming the file', () => {
    rmSync(join(copy, 'data', 'releases'), { recursive: true })
    const run = reissue('--on', '2026-12-08')
    expect(run.status).toBe(USER_ERROR_EXIT)
    expect(run.stderr).toContain(`data/releases/version-${PAPER.version}.json`)
  })
})
