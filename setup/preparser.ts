// The "Since the last meeting" section follows the data: its slides for imported quarters, or the one slide
// that lists the measures until the first quarter is imported (vite/scorecard-slides.ts).
// Every slide must say which part of the paper it is in, and a main slide its time budget (shared/parts.ts):
// a slide that does not stops the deck with the slide named, rather than showing without its mark.
// The presenter's timer counts down the main story's minutes.
// Built for directors (PAPER_AUDIENCE=directors), the presenter's paragraphs and view are left out (vite/presenter-notes.ts).
import { definePreparserSetup } from '@slidev/types'
import { MAIN_STORY_MINUTES, minutesOf } from '../shared/parts'
import { presenterNotesExtension } from '../vite/presenter-notes.ts'
import { scorecardSlidesExtension } from '../vite/scorecard-slides.ts'

export default definePreparserSetup(() => [
  scorecardSlidesExtension(),
  // The presenter's countdown is the main story's budget (shared/parts.ts), not a number typed in slides.md.
  {
    name: 'meeting-timer',
    transformRawLines(lines) {
      if (lines[0]?.trim() === '---')
        lines.splice(1, 0, `duration: ${MAIN_STORY_MINUTES}min`)
    },
  },
  {
    name: 'paper-parts',
    async transformSlide(content, frontmatter) {
      try {
        minutesOf(frontmatter)
      }
      catch (e) {
        const title = content.match(/^#\s+(\S.*)$/m)?.[1] ?? content.trim().split('\n')[0]
        throw new Error(`slides.md, slide “${title}”: ${(e as Error).message}`)
      }
      return undefined
    },
  },
  // Last, so it also sees the notes of the scorecard slides: for the directors' build, no presenter cue and no presenter view.
  presenterNotesExtension(),
])
