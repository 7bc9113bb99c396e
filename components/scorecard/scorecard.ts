/**
 * The scorecard as the slides read it: checked at build time (virtual:scorecard, vite/scorecard-files.ts),
 * with the words the slides put around it. Numbers come from data/scorecard.ts, never typed into a slide.
 */
import type { Paper } from '../../data/paper'
import type { Plan } from '../../data/plan'
import type { QuarterFile } from '../../data/scorecard'
import scorecard from 'virtual:scorecard'
import { formatDate, formatDateTime, formatWhole } from '../../data/format'
import { PAPER } from '../../data/paper'
import { PLAN } from '../../data/plan'
import { dayRuns, MIN_GROUP, OTHER_FUNCTION, quarterBounds, quarterLabel } from '../../data/scorecard'
import { FIRST_READING_QUARTER, totalOf } from '../../data/scorecard-measures'

export const SCORECARD = scorecard
export const QUARTERS: readonly QuarterFile[] = scorecard.quarters
export const CURRENCY = QUARTERS[0]?.currency ?? 'USD'

export { quarterLabel } from '../../data/scorecard'

/** Where the numbers come from, for the line under each scorecard chart. */
export function provenanceLine(quarters: readonly QuarterFile[] = QUARTERS): string {
  if (!quarters.length)
    return ''
  const first = quarters[0].provenance
  const last = quarters.at(-1)!.provenance
  const exported = [
    ...new Set(quarters.map(q => formatDate(q.provenance.exportedAt.slice(0, 10)))),
  ].join(', ')
  const imported = [
    ...new Set(quarters.map(q => formatDate(q.provenance.importedAt.slice(0, 10)))),
  ].join(', ')
  return `Our data: Claude Code Analytics Admin API, ${formatDate(first.from)} to ${formatDate(last.to)}, exported ${exported}, imported ${imported}. Sums by function; sessions run with API keys are left out.`
}

/**
 * The as-of line under each scorecard chart: the period the data covers and when its latest quarter was
 * exported from the analytics and imported into the paper. "As of 30 September 2026: Q2 2026 to Q3 2026 (1 April
 * 2026 to 30 September 2026); latest quarter exported 2 October 2026, 14:05 UTC, imported 3 October 2026, 09:00 UTC."
 */
export function asOfLine(quarters: readonly QuarterFile[] = QUARTERS): string {
  if (!quarters.length)
    return ''
  const first = quarters[0]
  const last = quarters.at(-1)!
  const span = first === last
    ? quarterLabel(first.quarter)
    : `${quarterLabel(first.quarter)} to ${quarterLabel(last.quarter)}`
  return `As of ${formatDate(last.provenance.to)}: ${span} (${formatDate(first.provenance.from)} to ${formatDate(last.provenance.to)}); latest quarter exported ${formatDateTime(last.provenance.exportedAt)}, imported ${formatDateTime(last.provenance.importedAt)}.`
}

const SHORT_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
]
/** "2026-08-12" → "12 Aug" (the quarter names the year). */
const shortDay = (d: string) => `${Number(d.slice(8, 10))} ${SHORT_MONTHS[Number(d.slice(5, 7)) - 1]}`

/** The days no export covered, in words: "no data for 4 days: 12–14 Aug, 2 Sep", or "" when there are none. */
export function missingDaysText(days: readonly string[] = []): string {
  if (!days.length)
    return ''
  const runs = dayRuns(days).map(([a, b]) => (a === b
    ? shortDay(a)
    : a.slice(5, 7) === b.slice(5, 7)
      ? `${Number(a.slice(8, 10))}–${shortDay(b)}`
      : `${shortDay(a)}–${shortDay(b)}`))
  return `no data for ${days.length} ${days.length === 1
    ? 'day'
    : 'days'}: ${runs.join(', ')}`
}

/** What each quarter covers and what was merged, in words: one sentence per quarter. */
export function coverage(q: QuarterFile): string {
  const p = q.provenance
  const parts = [`${quarterLabel(q.quarter)}: ${formatWhole(totalOf(q).activePeople)} active people in ${q.functions.length} groups`]
  if (p.mergedIntoOther.length)
    parts.push(`${p.mergedIntoOther.join(', ')} merged into “${OTHER_FUNCTION}” (fewer than ${MIN_GROUP} active people each)`)
  if (p.unmappedPeople) {
    parts.push(`${p.unmappedPeople} ${p.unmappedPeople === 1
      ? 'person'
      : 'people'} not yet assigned a function, counted in “${OTHER_FUNCTION}”`)
  }
  const b = quarterBounds(q.quarter)
  if (p.from !== b.from || p.to !== b.to)
    parts.push(`covers ${formatDate(p.from)} to ${formatDate(p.to)} only`)
  // Days inside the period that no export covered: the rates leave them out, and the board should know.
  if (p.missingDays?.length)
    parts.push(`${missingDaysText(p.missingDays)} (left out of the rates)`)
  return `${parts.join('; ')}.`
}

/**
 * The first quarter we will report, when it closes, and when its reading is due, counted from the meeting this
 * paper goes to: the first of the plan's meetings after the quarter closes ("the Board meeting of 11 February
 * 2027, the next after this one"), or, when the plan has none that late, the first board meeting after the close.
 */
export function firstReading(plan: Plan = PLAN, paper: Paper = PAPER, quarter: string = FIRST_READING_QUARTER): { quarter: string, closes: string, due: string } {
  const closes = quarterBounds(quarter).to
  const meeting = plan.meetings[paper.meeting]
  const later = Object.values(plan.meetings).filter(m => m.date > meeting.date).sort((a, b) => a.date.localeCompare(b.date))
  const at = later.findIndex(m => m.date > closes)
  const ordinals = [
    'next',
    'second',
    'third',
    'fourth',
    'fifth',
    'sixth',
  ]
  const due = at < 0
    ? `at the first board meeting after ${formatDate(closes)}`
    : `at the ${later[at].name} of ${formatDate(later[at].date)}, the ${ordinals[at] ?? 'later'} ${at === 0
      ? 'meeting'
      : 'meeting in the plan'} after this one (${formatDate(meeting.date)})`
  return {
    quarter: quarterLabel(quarter),
    closes: formatDate(closes),
    due,
  }
}
