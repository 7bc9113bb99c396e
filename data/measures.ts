/**
 * Every measure the deck promises, defined once. Six come from our Claude Code analytics (MEASURES in
 * data/scorecard-measures.ts, computed by the import); the rest come from company records the analytics cannot see
 * (the review log, the incident register, the training record, the charter register), each with its owner
 * and first reading. A concern slide's "We will measure" names measures only through <Measures ids="…">,
 * and tests/plan.test.ts fails on an id defined nowhere, or on a defined measure no slide promises.
 */
import type { MeasureId } from './scorecard-measures.ts'
import { MEASURES } from './scorecard-measures.ts'

export type RecordMeasureId = 'verifiedDeliverables' | 'reviewCoverage' | 'agentIncidents' | 'coachingCompletion' | 'charterCoverage'

export interface RecordMeasure {
  id: RecordMeasureId
  name: string
  definition: string
  /** The definition in a phrase, for a sentence on a slide. */
  short?: string
  /** The company record it is read from: never the analytics. */
  source: string
  owner: string
  /** The quarter of the first reading. */
  firstReading: string
}

export const RECORD_MEASURES: Readonly<Record<RecordMeasureId, RecordMeasure>> = {
  // The pilot's outcome: it exists for every pilot function's own work, code or not (a commit or pull request does
  // not), and it is the study's "verified success" in our records: work confirmed correct by evidence.
  verifiedDeliverables: {
    id: 'verifiedDeliverables',
    name: 'Verified deliverables',
    definition: 'Share of each person’s agent-assisted deliverables (a reconciliation, a contract draft, a report, a change to code) that the domain reviewer accepts first time after checking the evidence the team’s charter asks for: tests re-run, figures reconciled, sources checked. Both waves of a team share one charter and one reviewer pool, so the comparison is like for like.',
    short: 'the share of agent-assisted work that a domain reviewer accepts first time, with evidence',
    source: 'the review log',
    owner: 'Chief Operating Officer',
    firstReading: '2027-Q2',
  },
  reviewCoverage: {
    id: 'reviewCoverage',
    name: 'Review coverage',
    definition: 'Share of agent-assisted deliverables (changes to production systems, analyses, documents) signed off by a domain reviewer with evidence that they are right, as the review rule requires.',
    source: 'the review log',
    owner: 'Chief Technology Officer',
    firstReading: '2027-Q2',
  },
  agentIncidents: {
    id: 'agentIncidents',
    name: 'Incidents traced to agent-made changes',
    definition: 'Incidents whose cause, in the post-incident review, is a change an agent made.',
    source: 'the incident register',
    owner: 'Chief Information Security Officer',
    firstReading: '2027-Q2',
  },
  coachingCompletion: {
    id: 'coachingCompletion',
    name: 'Coaching completed',
    definition: 'Share of each pilot wave’s people who finished the coaching.',
    source: 'the training record',
    owner: 'Chief People Officer',
    firstReading: '2027-Q2',
  },
  charterCoverage: {
    id: 'charterCoverage',
    name: 'Teams with a charter',
    definition: 'Share of pilot teams with a signed charter saying what the agent may do on its own.',
    source: 'the charter register',
    owner: 'Chief Operating Officer',
    firstReading: '2027-Q1',
  },
}

export type PromisedMeasureId = MeasureId | RecordMeasureId

export interface PromisedMeasure {
  id: PromisedMeasureId
  name: string
  definition: string
  /** Where the number will come from, as the slide says it. */
  from: string
  proxyCaveat?: string
  owner?: string
  firstReading?: string
}

/** Every measure, analytics first, each with where it comes from. */
export const ALL_MEASURES: readonly PromisedMeasure[] = [
  ...Object.values(MEASURES).map(m => ({
    id: m.id,
    name: m.name,
    definition: m.definition,
    from: 'our Claude Code analytics',
    proxyCaveat: m.proxyCaveat,
  })),
  ...Object.values(RECORD_MEASURES).map(m => ({
    id: m.id,
    name: m.name,
    definition: m.definition,
    from: `${m.source}, not the analytics`,
    owner: m.owner,
    firstReading: m.firstReading,
  })),
]

const byId = new Map(ALL_MEASURES.map(m => [m.id, m]))

export function promisedMeasure(id: string): PromisedMeasure {
  const m = byId.get(id as PromisedMeasureId)
  if (!m)
    throw new Error(`Unknown measure "${id}": define it in data/measures.ts (a company record) or data/scorecard-measures.ts (the analytics)`)
  return m
}
