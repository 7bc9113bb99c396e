// The directors' build leaves the presenter's paragraphs out of slides.md's notes, and the presenter view off
// (vite/presenter-notes.ts); the presenter's build and `npm run dev` keep everything. The reader text is the same
// either way. The built files are grepped by tests/browser/site.test.ts.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from '@slidev/parser'
import { describe, expect, it } from 'vitest'
import { readerBlocks } from '../components/reader/readerText'
import { PRESENTER_CUE, withoutPresenterCues } from '../shared/presenter-cues'
import { audience, presenterNotesExtension } from '../vite/presenter-notes'

const SLIDES_MD = readFileSync(join(__dirname, '..', 'slides.md'), 'utf8')
function parsed(env: Record<string, string>) {
  return parse(SLIDES_MD, 'slides.md', [
    presenterNotesExtension(env),
  ])
}

describe('the presenter’s paragraphs', () => {
  it('are dropped whole, and nothing else is', () => {
    const note = 'The point.\n\nPresenter: walk the bars,\nthen pause.\n\nLikely question: "Why?" Answer: because.\n\n**Presenter:** bold cue'
    expect(withoutPresenterCues(note)).toBe('The point.\n\nLikely question: "Why?" Answer: because.')
  })

  it('the directors’ slides.md has no cue in any note, the same reader text, and the presenter view off', async () => {
    const [directors, everyone] = await Promise.all([
      parsed({ PAPER_AUDIENCE: 'directors' }),
      parsed({}),
    ])
    const notes = directors.slides.map(s => s.note ?? '')
    expect(notes.join('\n')).not.toContain(PRESENTER_CUE)
    expect(everyone.slides.map(s => s.note ?? '').join('\n')).toContain(PRESENTER_CUE)
    // The reader's paragraphs are exactly those the reader view shows today, likely questions included.
    const para = (md: string) => md.split(/\n\s*\n/).map(p => p.trim()).filter(Boolean)
    expect(directors.slides.map(s => para(s.note ?? ''))).toEqual(everyone.slides.map(s => para(s.note ?? '').filter(p => !p.startsWith(PRESENTER_CUE))))
    expect(notes.join('\n')).toContain('Likely question:')
    expect(directors.slides[0].frontmatter.presenter).toBe(false)
    expect(everyone.slides[0].frontmatter.presenter).toBeUndefined()
    expect(directors.slides.length).toBe(everyone.slides.length)
  })

  it('the presenter’s build keeps every cue', async () => {
    const presenter = await parsed({ PAPER_AUDIENCE: 'presenter' })
    expect(presenter.slides.map(s => s.note ?? '').join('\n').split(PRESENTER_CUE).length - 1).toBe(SLIDES_MD.split(`\n${PRESENTER_CUE}`).length - 1)
    expect(presenter.slides[0].frontmatter.presenter).toBeUndefined()
  })

  it('an audience other than the two is refused', () => {
    expect(() => audience({ PAPER_AUDIENCE: 'board' })).toThrow('PAPER_AUDIENCE must be "directors" or "presenter", got "board"')
    expect(audience({})).toBeUndefined()
  })

  it('the reader view filters the same paragraphs out of rendered notes', () => {
    expect(readerBlocks('<p>Presenter: walk the bars</p><p>The point.</p>').map(b => b.html)).toEqual(['The point.'])
  })
})
