// What each issued version of the paper said, kept in the repository (data/releases/version-N.json, written by
// `npm run pack` when it makes a version's pack), and the changes since the previous version read from that record:
// the "What changed" page and changes.json. No git is needed, so a fresh clone knows what version 1 said.
import type { ChangesReport, PaperRecord, Snapshot } from '../shared/changes.ts'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { UserError } from '../data/errors.ts'
import { PAPER } from '../data/paper.ts'
import { compareSnapshots, firstIssue } from '../shared/changes.ts'
import { currentSnapshot } from './paper-snapshot.ts'
import { REPO_ROOT } from './scorecard-slides.ts'

export type { ChangesReport }

export const RELEASES_DIR = join(REPO_ROOT, 'data', 'releases')

/** Where version N's record is kept. */
export const recordPath = (version: number, dir = RELEASES_DIR) => join(dir, `version-${version}.json`)

/** Version N's record, or null if this copy has none; a record that is not one is refused, naming the file. */
export function readRecord(version: number, dir = RELEASES_DIR): PaperRecord | null {
  const path = recordPath(version, dir)
  if (!existsSync(path))
    return null
  const shown = relative(REPO_ROOT, path)
  let json: Partial<PaperRecord>
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as Partial<PaperRecord>
  }
  catch (e) {
    throw new UserError(`${shown}: not valid JSON (${(e as Error).message}): restore it from git`)
  }
  for (const field of ['figures', 'claims', 'slides'] as const) {
    if (!Array.isArray(json[field]))
      throw new UserError(`${shown}: "${field}" is missing or not a list: restore the record from git`)
  }
  if (json.version !== version)
    throw new UserError(`${shown}: says version ${JSON.stringify(json.version)}, but its name says version ${version}`)
  if (typeof json.plan !== 'object' || json.plan === null)
    throw new UserError(`${shown}: "plan" is missing: restore the record from git`)
  return json as PaperRecord
}

/** The paper as it stands, as version PAPER.version's record. */
export function currentRecord(snapshot: Snapshot = currentSnapshot()): PaperRecord {
  return {
    version: PAPER.version,
    issuedOn: PAPER.issuedOn,
    reference: PAPER.reference,
    ...snapshot,
  }
}

/**
 * Records what this version says (the pack being made is what the board receives). Returns whether an earlier
 * record of the same version said something else: a pack already sent would then differ from this one.
 */
export function writeRecord(record: PaperRecord = currentRecord(), dir = RELEASES_DIR): { path: string, replaced: boolean } {
  const path = recordPath(record.version, dir)
  const before = existsSync(path)
    ? readFileSync(path, 'utf8')
    : null
  const text = `${JSON.stringify(record, null, 2)}\n`
  mkdirSync(dir, { recursive: true })
  writeFileSync(`${path}.tmp`, text)
  renameSync(`${path}.tmp`, path)
  return { path, replaced: before !== null && before !== text }
}

/** The changes from the previous version's record to the paper as it stands. */
export function changesSincePrevious(version = PAPER.version, dir = RELEASES_DIR, now: () => Snapshot = currentSnapshot): ChangesReport {
  if (version <= 1)
    return firstIssue(version)
  const since = version - 1
  const before = readRecord(since, dir)
  if (!before) {
    return {
      version,
      status: 'no-record',
      since,
      sinceIssuedOn: null,
      changes: [],
    }
  }
  return {
    version,
    status: 'listed',
    since,
    sinceIssuedOn: before.issuedOn,
    changes: compareSnapshots(before, now()),
  }
}
