/**
 * The board paper's particulars, written once: the reference the company secretary files it under, the meeting
 * and agenda item, its sponsor, version, status, purpose and classification. The resolution is not typed here:
 * it is the plan's asks (data/plan.ts), worded as the board would minute them (resolution()). Read by the cover
 * slide, the page furniture of every output (pageMark()), the PDF's metadata and figures.json. Checked by
 * paperProblems() whenever the deck is served, built or exported, like the plan.
 */

import type { Ask, MeetingId, Plan } from './plan.ts'
import { formatMoney, PLAN } from './plan.ts'
import { isUtcDay } from './scorecard.ts'
import { formatDate } from './sources.ts'

export type PaperStatus = 'draft' | 'final' | 'superseded'
export type PaperPurpose = 'For decision' | 'For noting' | 'For discussion'

export interface Paper {
  /** The secretary's reference: BODY/YYYY-MM/NN, the meeting's year and month and the agenda item, two digits. */
  reference: string
  /** The plan's meeting this paper goes to (its name and date come from data/plan.ts). */
  meeting: MeetingId
  /** The item on that meeting's agenda. */
  agendaItem: number
  /** Who brings the paper: a role, never a name. */
  sponsor: string
  /** Whole numbers, from one; a new version each time the paper is reissued to the board. */
  version: number
  status: PaperStatus
  /**
   * With status 'superseded' (and only then): the version that replaces this one. Every page of every output
   * then says "Superseded by version N" (pageMark()), so a copy left in a board pack cannot be taken for current.
   */
  supersededBy?: number
  /** The day this version was issued, YYYY-MM-DD: on or after the plan was set, and before the meeting. */
  issuedOn: string
  purpose: PaperPurpose
  classification: string
  /** The paper every printed file of the pack is set on (the handout, the speaker notes); dates are always "3 December 2026". */
  paperSize: PaperSize
}

export type PaperSize = 'A4' | 'Letter'
export const PAPER_SIZES: readonly PaperSize[] = ['A4', 'Letter']

export const PAPER: Paper = {
  reference: 'BRD/2026-12/07',
  meeting: 'proposed',
  agendaItem: 7,
  sponsor: 'Chief Executive',
  version: 1,
  status: 'final',
  issuedOn: '2026-12-03',
  purpose: 'For decision',
  classification: 'Confidential: board members only',
  paperSize: 'A4',
}

export class PaperError extends Error {
  constructor(public readonly problems: readonly string[]) {
    super(`The paper's particulars (data/paper.ts) are invalid:\n${problems.map(p => `  - ${p}`).join('\n')}`)
    this.name = 'PaperError'
  }
}

const REFERENCE = /^[A-Z]{2,6}\/(\d{4}-\d{2})\/(\d{2})$/
const text = (v: unknown) => typeof v === 'string' && v.trim().length > 0
const STATUSES: readonly PaperStatus[] = ['draft', 'final', 'superseded']
const PURPOSES: readonly PaperPurpose[] = ['For decision', 'For noting', 'For discussion']

/**
 * Every problem with the particulars, each naming its field. Like the plan's, dates are compared with each
 * other and with the plan's, never with today, so an old version still builds.
 */
export function paperProblems(paper: Paper, plan: Plan = PLAN): string[] {
  const out: string[] = []
  const bad = (field: string, why: string) => out.push(`${field} ${why}`)
  const meeting = plan.meetings[paper.meeting]
  if (!meeting)
    bad('meeting', `names no meeting in the plan's meetings (${JSON.stringify(paper.meeting)})`)
  if (!Number.isInteger(paper.agendaItem) || paper.agendaItem < 1 || paper.agendaItem > 99)
    bad('agendaItem', `must be a whole number from 1 to 99, got ${JSON.stringify(paper.agendaItem)}`)
  const ref = REFERENCE.exec(paper.reference ?? '')
  if (!ref) {
    bad('reference', `must look like BRD/2026-12/07 (body, the meeting's year-month, the agenda item), got ${JSON.stringify(paper.reference)}`)
  }
  else {
    if (meeting && isUtcDay(meeting.date) && ref[1] !== meeting.date.slice(0, 7))
      bad('reference', `(${paper.reference}) names ${ref[1]}, but the meeting is on ${meeting.date}`)
    if (Number.isInteger(paper.agendaItem) && Number(ref[2]) !== paper.agendaItem)
      bad('reference', `(${paper.reference}) ends in item ${ref[2]}, but agendaItem is ${paper.agendaItem}`)
  }
  if (!text(paper.sponsor))
    bad('sponsor', 'is missing: say who brings the paper (a role)')
  if (!Number.isInteger(paper.version) || paper.version < 1)
    bad('version', `must be a whole number from 1, got ${JSON.stringify(paper.version)}`)
  if (!STATUSES.includes(paper.status))
    bad('status', `must be one of ${STATUSES.join(', ')}, got ${JSON.stringify(paper.status)}`)
  if (paper.status === 'superseded') {
    if (paper.supersededBy === undefined)
      bad('supersededBy', 'is missing: a superseded paper must say which version replaces it')
    else if (!Number.isInteger(paper.supersededBy) || !(paper.supersededBy > paper.version))
      bad('supersededBy', `must be a later version than ${JSON.stringify(paper.version)} (a whole number), got ${JSON.stringify(paper.supersededBy)}`)
  }
  else if (paper.supersededBy !== undefined) {
    bad('supersededBy', `is set (${JSON.stringify(paper.supersededBy)}), but status is ${JSON.stringify(paper.status)}: only a superseded paper names its successor`)
  }
  if (!PURPOSES.includes(paper.purpose))
    bad('purpose', `must be one of ${PURPOSES.join(', ')}, got ${JSON.stringify(paper.purpose)}`)
  else if (paper.purpose === 'For decision' && !plan.asks.some(a => a.verb === 'Approve'))
    bad('purpose', 'is "For decision", but the plan asks the board to approve nothing')
  else if (paper.purpose !== 'For decision' && plan.asks.some(a => a.verb === 'Approve'))
    bad('purpose', `is "${paper.purpose}", but the plan asks the board to approve: use "For decision"`)
  if (!PAPER_SIZES.includes(paper.paperSize))
    bad('paperSize', `must be one of ${PAPER_SIZES.join(', ')}, got ${JSON.stringify(paper.paperSize)}`)
  if (!text(paper.classification))
    bad('classification', 'is missing: say who may read the paper')
  if (!isUtcDay(paper.issuedOn)) {
    bad('issuedOn', `must be a real day YYYY-MM-DD, got ${JSON.stringify(paper.issuedOn)}`)
  }
  else {
    if (meeting && isUtcDay(meeting.date) && paper.issuedOn >= meeting.date)
      bad('issuedOn', `(${paper.issuedOn}) must come before the meeting (${meeting.date})`)
    if (isUtcDay(plan.setOn) && paper.issuedOn < plan.setOn)
      bad('issuedOn', `(${paper.issuedOn}) is before the plan was set (${plan.setOn})`)
  }
  return out
}

export function assertValidPaper(paper: Paper = PAPER, plan: Plan = PLAN): Paper {
  const problems = paperProblems(paper, plan)
  if (problems.length)
    throw new PaperError(problems)
  return paper
}

/** "Board meeting, 10 December 2026". */
export function meetingLine(paper: Paper = PAPER, plan: Plan = PLAN): string {
  const m = plan.meetings[paper.meeting]
  return `${m.name}, ${formatDate(m.date)}`
}

export const STATUS_LABEL: Readonly<Record<PaperStatus, string>> = { draft: 'Draft', final: 'Final', superseded: 'Superseded' }

/** "Superseded by version 3" for a superseded paper, else null. */
export function supersededLine(paper: Paper = PAPER): string | null {
  return paper.status === 'superseded' && paper.supersededBy !== undefined
    ? `Superseded by version ${paper.supersededBy}`
    : null
}

/** "Final"; "Superseded by version 3": the status as the cover and the PowerPoint's properties give it. */
export function statusLabel(paper: Paper = PAPER): string {
  return supersededLine(paper) ?? STATUS_LABEL[paper.status]
}

/** "Version 1, final"; "Version 2, superseded by version 3". */
export function versionLine(paper: Paper = PAPER): string {
  return `Version ${paper.version}, ${statusLabel(paper).toLowerCase()}`
}

/** One of the resolution's limbs: "approves a pilot …, at a cost not exceeding US$180,000". Owners and return dates are on the asks slide. */
function limb(ask: Ask, plan: Plan): string {
  const verb = { Approve: 'approves', Require: 'requires', Note: 'notes' }[ask.verb]
  if (!ask.cap) {
    return ask.verb === 'Note'
      ? `${verb} ${ask.decision}`
      : `${verb} ${ask.decision}, under the ${ask.owner}`
  }
  // What money is spent on stands on its own in the minutes: the cap first, so that it reads as the whole ask's and not
  // as a clause of its last words; then who answers for it, when it returns, and the test.
  const meeting = plan.meetings[ask.returnsAt]
  return `${verb}, at a cost not exceeding ${formatMoney(ask.cap)}, ${ask.decision}, under the ${ask.owner}, who reports to the ${meeting.name} on ${formatDate(meeting.date)} with this test: ${ask.test}`
}

/**
 * The resolution as the minutes would record it, from the plan's asks: its opening words and one lettered
 * limb per ask, in the plan's order.
 */
export function resolution(plan: Plan = PLAN): { opening: string, limbs: string[] } {
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  return {
    opening: 'RESOLVED that the Board:',
    limbs: plan.asks.map((a, i) => `(${letters[i]}) ${limb(a, plan)}${i === plan.asks.length - 1
      ? '.'
      : ';'}`),
  }
}

/** The resolution as one paragraph, for the PDF's subject and the tests. */
export function resolutionText(plan: Plan = PLAN): string {
  const r = resolution(plan)
  return `${r.opening} ${r.limbs.join(' ')}`
}

/**
 * The marking every page of every output carries: "BRD/2026-12/07 · Confidential: board members only · page 7 of 27",
 * led by "Superseded by version N · " when the paper is superseded.
 */
export function pageMark(page: number, total: number, paper: Paper = PAPER): string {
  return `${paperMark(paper)} · page ${page} of ${total}`
}

/** The marking without the page, for outputs that number pages themselves. */
export function paperMark(paper: Paper = PAPER): string {
  const superseded = supersededLine(paper)
  return `${superseded
    ? `${superseded} · `
    : ''}${paper.reference} · ${paper.classification}`
}

/** The PDF's keywords: what a board portal indexes the paper by. */
export function paperKeywords(paper: Paper = PAPER, plan: Plan = PLAN): string[] {
  return [
    paper.reference,
    meetingLine(paper, plan),
    `Agenda item ${paper.agendaItem}`,
    versionLine(paper),
    paper.purpose,
    paper.classification,
  ]
}

/**
 * The document's subject, as the PDF's and the PowerPoint's properties give it: "Board paper on …. Board meeting,
 * 10 December 2026, agenda item 7. Version 1, final. For decision: RESOLVED that …". `info` is the deck's front
 * matter `info`, taken to its first full stop.
 */
export function paperSubject(info: unknown, paper: Paper = PAPER, plan: Plan = PLAN): string {
  const about = info
    ? `${String(info).trim().replace(/\s+/g, ' ').replace(/\.\s.*$/, '.')} `
    : ''
  return `${about}${meetingLine(paper, plan)}, agenda item ${paper.agendaItem}. ${versionLine(paper)}. ${paper.purpose}: ${resolutionText(plan)}`
}
