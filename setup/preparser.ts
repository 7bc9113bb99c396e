// The "Since the last meeting" section follows the data: its slides for imported quarters, or the one slide
// that lists the measures until the first quarter is imported (scripts/lib/scorecard-slides.mjs).
import { definePreparserSetup } from '@slidev/types'
import { scorecardSlidesExtension } from '../scripts/lib/scorecard-slides.mjs'

export default definePreparserSetup(() => [scorecardSlidesExtension()])
