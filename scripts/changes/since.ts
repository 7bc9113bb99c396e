// The changes since the previous version, for the "What changed" page and changes.json: the working tree
// (what is being built) against the tag of the version before it, paper-v<N−1>, N being data/paper.ts's version.
import type { Change } from './compare.ts'
import { compareSnapshots } from './compare.ts'
import { hasTag, snapshotAt } from './snapshot.ts'

/** The git tag a version of the paper is issued under. */
export const versionTag = (version: number) => `paper-v${version}`

export interface ChangesReport {
  /** The version being built. */
  version: number
  /**
   * 'first-issue': version one, nothing before it. 'listed': the changes since the previous version's tag.
   * 'no-earlier-tag': a later version, but this copy of the repository lacks the previous version's tag.
   */
  status: 'first-issue' | 'listed' | 'no-earlier-tag'
  /** The version compared with and its tag (null for a first issue). */
  since: number | null
  tag: string | null
  changes: Change[]
}

export async function changesSincePrevious(version: number, repo: string): Promise<ChangesReport> {
  if (version <= 1) {
    return {
      version,
      status: 'first-issue',
      since: null,
      tag: null,
      changes: [],
    }
  }
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
