// The changes since the previous version, for the "What changed" page and changes.json: the working tree
// (what is being built) against the tag of the version before it, paper-v<N−1>, N being data/paper.ts's version.
import type { ChangesReport } from '../../shared/changes.ts'
import { compareSnapshots, firstIssue } from '../../shared/changes.ts'
import { hasTag, snapshotAt } from './snapshot.ts'

export type { ChangesReport }

/** The git tag a version of the paper is issued under. */
export const versionTag = (version: number) => `paper-v${version}`

export async function changesSincePrevious(version: number, repo: string): Promise<ChangesReport> {
  if (version <= 1)
    return firstIssue(version)
  const since = version - 1
  const tag = versionTag(since)
  if (!hasTag(tag, repo)) {
    return {
      version,
      status: 'no-earlier-tag',
      since,
      tag,
      changes: [],
    }
  }
  const [before, now] = await Promise.all([
    snapshotAt(tag, repo),
    snapshotAt(null, repo),
  ])
  return {
    version,
    status: 'listed',
    since,
    tag,
    changes: compareSnapshots(before, now),
  }
}
