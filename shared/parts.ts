/**
 * The paper's two parts, as each slide's frontmatter names them: `part: main` (the story presented at the
 * meeting, each slide with its `minutes`) and `part: pre-read` (read before the meeting, not presented).
 * Used by the corner mark on every slide (global-bottom.vue), the presenter's pace (custom-nav-controls.vue)
 * and the tests, so the rule lives once.
 */
export type Part = 'main' | 'pre-read'

export const PART_LABEL: Readonly<Record<Part, string>> = { 'main': 'For the meeting', 'pre-read': 'Pre-read' }

/** The minutes the main story may take, leaving the rest of a twenty-minute item for discussion. */
export const MAIN_STORY_MINUTES = 10

export function partOf(frontmatter: Record<string, unknown> | undefined): Part {
  const p = frontmatter?.part
  if (p === 'main' || p === 'pre-read')
    return p
  throw new Error(`A slide's frontmatter must say "part: main" or "part: pre-read" (got ${JSON.stringify(p)})`)
}

/** A main slide's time budget in minutes, from its frontmatter; 0 for a pre-read slide. */
export function minutesOf(frontmatter: Record<string, unknown> | undefined): number {
  if (partOf(frontmatter) !== 'main')
    return 0
  const m = frontmatter?.minutes
  if (typeof m !== 'number' || !(m > 0))
    throw new Error(`A main slide's frontmatter must give its time budget as "minutes: <number>" (got ${JSON.stringify(m)})`)
  return m
}

/**
 * Where the presenter should be at the start of each slide, in seconds from the start, by the plan:
 * the sum of the budgets of the main slides before it.
 */
export function plannedStarts(frontmatters: readonly (Record<string, unknown> | undefined)[]): number[] {
  let t = 0
  return frontmatters.map((fm) => {
    const start = t
    t += minutesOf(fm) * 60
    return start
  })
}
