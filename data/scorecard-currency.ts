/**
 * Is our scorecard current for the meeting? The latest imported quarter should be the last one to end before the
 * meeting's quarter began. A latest quarter that ended more than one quarter before the meeting is stale: the
 * build warns, and refuses when REQUIRE_CURRENT_SCORECARD=1 (scripts/validate-figures.ts, which `npm run build`,
 * `export` and `export:pptx` run first; a bare `slidev build` or `dev` does not check it). With no
 * quarter imported, the no-data slide says so itself: nothing to warn about.
 */
import { QUARTER } from './scorecard.ts'

const index = (year: number, q: number) => year * 4 + (q - 1)

/** The message saying the scorecard is stale for this meeting, or null when it is current (or empty). */
export function staleScorecard(quarters: readonly string[], meetingDate: string): string | null {
  const latest = [...quarters].filter(q => QUARTER.test(q)).sort().at(-1)
  if (!latest)
    return null
  const [, y, q] = QUARTER.exec(latest)!.map(Number)
  const [my, mm] = meetingDate.split('-').map(Number)
  const meeting = index(my, Math.floor((mm - 1) / 3) + 1)
  const expected = meeting - 1
  if (meeting - index(y, q) < 2)
    return null
  const name = `${Math.floor(expected / 4)}-Q${(expected % 4) + 1}`
  return `The scorecard's latest quarter is ${latest}, which ended more than one quarter before the meeting on ${meetingDate}: import ${name} (npm run scorecard:import), or say on the slide why it is not available`
}

export const REQUIRE_CURRENT_ENV = 'REQUIRE_CURRENT_SCORECARD'
