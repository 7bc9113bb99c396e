/**
 * The pilot's results, from the review log: one file a quarter (data/pilot-results/<quarter>.json, or
 * PILOT_RESULTS_DIR), one row per person in the pilot, with a code for the person (never a name or an email), their
 * wave, and their deliverables that quarter: how many, how many a domain reviewer accepted first time with evidence
 * (verified), and how many were reviewed with evidence at all (for review coverage). Checked here, naming the file,
 * row and field; turned into the go / stop / redesign reading by the rule the board approved (data/pilot.ts).
 */
import type { Analysis } from './pilot-stats.ts'
import type { Pilot } from './pilot.ts'
import { UserError } from './errors.ts'
import { designPower, estimateIcc } from './pilot-stats.ts'
import { expectedGain, pilotDesign, pilotVerdict } from './pilot.ts'
import { QUARTER } from './scorecard.ts'

export interface PilotPersonRow {
  /** A code for the person, such as "P-0412": letters, digits and dashes only. */
  person: string
  /** 1 for the first (coached) wave, 2 for the comparison wave. */
  wave: 1 | 2
  function: string
  deliverables: number
  verified: number
  reviewed: number
}

export interface PilotQuarter {
  quarter: string
  rows: readonly PilotPersonRow[]
}

export class PilotResultsError extends UserError {
  override name = 'PilotResultsError'
}

const FIELDS = [
  'person',
  'wave',
  'function',
  'deliverables',
  'verified',
  'reviewed',
] as const
const CODE = /^[A-Z0-9][A-Z0-9-]{0,31}$/i

/** A quarter's file, checked: every problem named by file, row and field, or the file's rows. */
export function parsePilotQuarter(json: unknown, file: string, functions: readonly string[]): PilotQuarter {
  const problems: string[] = []
  const bad = (where: string, why: string) => problems.push(`${file}${where}: ${why}`)
  const doc = json as { quarter?: unknown, rows?: unknown }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new PilotResultsError(`${file}: must be an object with "quarter" and "rows"`)
  if (typeof doc.quarter !== 'string' || !QUARTER.test(doc.quarter))
    bad(' quarter', `must be a quarter such as 2027-Q3, got ${JSON.stringify(doc.quarter)}`)
  else if (!file.endsWith(`${doc.quarter}.json`))
    bad(' quarter', `is ${doc.quarter}, but the file is named for another quarter`)
  if (!Array.isArray(doc.rows) || !doc.rows.length)
    throw new PilotResultsError([...problems, `${file} rows: must be a list of people, one row each`].join('\n'))
  const seen = new Set<string>()
  doc.rows.forEach((r: Record<string, unknown>, i: number) => {
    const at = ` row ${i + 1}`
    const extra = Object.keys(r ?? {}).filter(k => !(FIELDS as readonly string[]).includes(k))
    if (extra.length)
      bad(at, `has fields the pilot does not keep (${extra.join(', ')}): only ${FIELDS.join(', ')}`)
    if (typeof r.person !== 'string' || !CODE.test(r.person))
      bad(`${at} person`, 'must be a code of letters, digits and dashes (no names or emails)')
    else if (seen.has(r.person))
      bad(`${at} person`, `${r.person} appears twice`)
    else seen.add(r.person)
    if (r.wave !== 1 && r.wave !== 2)
      bad(`${at} wave`, `must be 1 (coached) or 2 (comparison), got ${JSON.stringify(r.wave)}`)
    if (typeof r.function !== 'string' || !functions.includes(r.function))
      bad(`${at} function`, `must be one of the pilot's functions (${functions.join(', ')}), got ${JSON.stringify(r.function)}`)
    for (const k of ['deliverables', 'verified', 'reviewed'] as const) {
      if (!Number.isSafeInteger(r[k]) || (r[k] as number) < 0)
        bad(`${at} ${k}`, `must be a whole number of 0 or more, got ${JSON.stringify(r[k])}`)
    }
    if (Number.isSafeInteger(r.deliverables)) {
      for (const k of ['verified', 'reviewed'] as const) {
        if (Number.isSafeInteger(r[k]) && (r[k] as number) > (r.deliverables as number))
          bad(`${at} ${k}`, `(${r[k]}) is more than the person's deliverables (${r.deliverables})`)
      }
    }
  })
  if (problems.length)
    throw new PilotResultsError(problems.join('\n'))
  return { quarter: doc.quarter as string, rows: doc.rows as PilotPersonRow[] }
}

/**
 * The baseline quarter, when nobody is coached, read to check the design's assumptions without looking at any result:
 * the share of deliverables verified, deliverables a person and how alike people are, and the power they give.
 */
export interface BaselineCheck {
  quarter: string
  share: number
  deliverablesPerPerson: number
  icc: number
  power: number
  enough: boolean
}

interface Reading {
  quarter: string
  baseline: BaselineCheck | null
}

export type PilotReading
  = | (Reading & { status: 'due', meeting: string })
    | (Reading & {
      status: 'read'
      analysis: Analysis
      /** Review coverage in each wave, as fractions. */
      coverage: [number, number]
      /** The verdict after the coverage test: a go with too little review becomes a redesign. */
      verdict: Analysis['verdict']
      coverageMet: boolean
    })

export function baselineCheck(p: Pilot, quarter: PilotQuarter): BaselineCheck {
  const rows = quarter.rows.filter(r => r.deliverables > 0)
  const total = rows.reduce((s, r) => s + r.deliverables, 0)
  const share = rows.reduce((s, r) => s + r.verified, 0) / total
  const icc = estimateIcc(rows)
  const deliverablesPerPerson = total / rows.length
  const power = designPower({
    ...pilotDesign(p),
    baseline: share,
    icc,
    deliverablesPerPerson,
  }, expectedGain().gain)
  return {
    quarter: quarter.quarter,
    share,
    deliverablesPerPerson,
    icc,
    power,
    enough: power >= p.minPower,
  }
}

/**
 * What the board is told about the pilot: before the test quarter's file exists, when the reading is due; after,
 * the pre-registered estimate, its interval and the verdict by the approved rule (go also needs review coverage at
 * the threshold in both waves; without it, a go becomes a redesign). With the baseline quarter in, the design's
 * assumptions checked on it.
 */
export function pilotReading(p: Pilot, quarters: readonly PilotQuarter[], meeting: string): PilotReading {
  const base = quarters.find(q => q.quarter === p.baselineQuarter)
  const baseline = base
    ? baselineCheck(p, base)
    : null
  const test = quarters.find(q => q.quarter === p.testQuarter)
  if (!test) {
    return {
      status: 'due',
      quarter: p.testQuarter,
      meeting,
      baseline,
    }
  }
  const [coached, comparison] = ([1, 2] as const).map(n => test.rows.filter(r => r.wave === n))
  const analysis = pilotVerdict(p, { people: coached }, { people: comparison })
  const reviewedShare = (rows: readonly PilotPersonRow[]) => rows.reduce((s, r) => s + r.reviewed, 0) / rows.reduce((s, r) => s + r.deliverables, 0)
  const coverage: [number, number] = [
    reviewedShare(coached),
    reviewedShare(comparison),
  ]
  const coverageMet = coverage.every(c => c * 100 >= p.minReviewCoverage)
  const verdict = analysis.verdict === 'go' && !coverageMet
    ? 'redesign'
    : analysis.verdict
  return {
    status: 'read',
    quarter: test.quarter,
    analysis,
    coverage,
    verdict,
    coverageMet,
    baseline,
  }
}
