/**
 * The deck's slides as Slidev shows them: slides.md parsed, less the "Since the last meeting" slides that
 * do not apply to the scorecard data present (vite/scorecard-slides.ts, the rule setup/preparser.ts applies).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseSync } from '@slidev/parser'
import { hasScorecardData, slideShown } from '../../vite/scorecard-slides.ts'

export const SLIDES_PATH = join(__dirname, '..', '..', 'slides.md')

export function deckSlides(markdown = readFileSync(SLIDES_PATH, 'utf8'), hasData = hasScorecardData()) {
  return parseSync(markdown, SLIDES_PATH).slides.filter(s => slideShown(s.frontmatter, hasData))
}
