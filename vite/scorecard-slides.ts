// Which "Since the last meeting" slides the deck shows. slides.md marks them in their frontmatter:
// `scorecard: data` (shown once a quarter has been imported) or `scorecard: empty` (shown until then).
// Slidev's preparser (setup/preparser.ts) drops the others; our exporters, which start Slidev themselves,
// and the tests, which parse slides.md, apply the same rule from here.
import type { SlidevPreparserExtension } from '@slidev/types'
import { existsSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repo's root folder. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))

/** data/scorecard/, or SCORECARD_DIR (a build pointed at other data, as the tests do). */
export function scorecardDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.SCORECARD_DIR || resolve(REPO_ROOT, 'data', 'scorecard'))
}

/** A quarter's file in the scorecard folder: 2026-Q3.json. */
export const QUARTER_FILE = /^\d{4}-Q[1-4]\.json$/

export function hasScorecardData(dir = scorecardDir()): boolean {
  return existsSync(dir) && readdirSync(dir).some(n => QUARTER_FILE.test(n))
}

/** Whether a slide with this frontmatter is part of the deck. */
export function slideShown(frontmatter: Record<string, unknown> | undefined, hasData = hasScorecardData()): boolean {
  const want = frontmatter?.scorecard
  if (want === undefined)
    return true
  if (want !== 'data' && want !== 'empty')
    throw new Error(`A slide says "scorecard: ${want}"; it must be "data" or "empty"`)
  return (want === 'data') === hasData
}

/** The preparser extension: marks the slides that do not apply as disabled, which Slidev leaves out. */
export function scorecardSlidesExtension(hasData = hasScorecardData()): SlidevPreparserExtension {
  return {
    name: 'scorecard-slides',
    async transformSlide(_content: string, frontmatter: Record<string, unknown>) {
      if (!slideShown(frontmatter, hasData))
        frontmatter.disabled = true
      return undefined
    },
  }
}
