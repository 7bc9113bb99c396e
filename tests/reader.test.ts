// The reader view's text: each slide's speaker notes less the presenter's cues (components/reader/readerText.ts).
import { describe, expect, it } from 'vitest'
import { PRESENTER_CUE, readerBlocks } from '../components/reader/readerText'
import { deckSlides } from './helpers/deck'
import { notesAsHtml } from './helpers/notes'

const SLIDES = deckSlides()
/** Words that tell a presenter what to do on stage: never reader text. */
const STAGE_DIRECTIONS = /^(Walk|Stress|Read the|Say |Open with|Put the|Restate|Press|Click|Pause|Point to)|click to reveal|click again/i

describe('reader text', () => {
  it('drops the paragraphs meant for the presenter and marks the likely question', () => {
    const html = '<p>The point.</p>\n<p>Presenter: walk the bars.</p>\n<p>Likely question: "Why?" Answer: because.</p>'
    expect(readerBlocks(html)).toEqual([
      { kind: 'text', html: 'The point.' },
      { kind: 'question', html: 'Likely question: "Why?" Answer: because.' },
    ])
    expect(readerBlocks(undefined)).toEqual([])
  })

  it.each(SLIDES.map((s, i) => [i + 1, s.title, s.note ?? ''] as const))('slide %i “%s” has reader text with no stage directions', (_, __, note) => {
    const blocks = readerBlocks(notesAsHtml(note))
    expect(blocks.length).toBeGreaterThan(0)
    for (const b of blocks) {
      expect(b.html.startsWith(PRESENTER_CUE)).toBe(false)
      expect(b.html).not.toMatch(STAGE_DIRECTIONS)
    }
  })
})
