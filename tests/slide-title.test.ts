// Slide names outside the slide (reader view headings and contents, PDF bookmarks) read as the slide's own
// heading does: checked against the markdown typographer Slidev renders headings with.
import { readFileSync } from 'node:fs'
import { parseSync } from '@slidev/parser'
import { describe, expect, it } from 'vitest'
import { slideTitle } from '../shared/slide-title.ts'
import { slideMd } from './claims/markdown'
import { SLIDES_PATH } from './helpers/deck'

/** What a heading's text becomes on the slide: the typographer's output, entities decoded. */
function asRendered(title: string): string {
  return slideMd
    .renderInline(title)
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, '\'')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

describe('slideTitle', () => {
  // Every slide of slides.md, the scorecard ones of both states included.
  const titles = parseSync(readFileSync(SLIDES_PATH, 'utf8'), SLIDES_PATH).slides.flatMap(s => s.title ?? [])
  const awkward = [
    'the agent\'s edits',
    'functions\' experts',
    '\'quoted\' words',
    'work "looks done"',
    'rock \'n\' roll',
    'Q4\'s 2026\'s',
    'it\'s',
  ]

  it.each([
    ...titles,
    ...awkward,
  ])('names "%s" as the slide shows it', (title) => {
    expect(slideTitle(title)).toBe(asRendered(title))
  })

  it('turns the apostrophes the deck writes into the typographer’s', () => {
    expect(titles.length).toBeGreaterThan(20)
    expect(titles.filter(t => slideTitle(t) !== t).length).toBeGreaterThan(2)
  })
})
