// A PDF a screen reader can follow: the deck PDF, the handout and the speaker notes, as the project's
// exporters make them (tests/browser/globalSetup.ts), read by walking their structure trees with pdf-lib. The
// PDF/UA (Matterhorn Protocol) checkpoints each check stands for are named in the test titles; the README lists
// what only a validator (veraPDF, PAC) can check.
import type { ChartId } from '../../data/charts'
import type { PdfStructure } from '../helpers/pdfStructure'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { CHARTS } from '../../data/charts'
import { chartAlt, tableRows } from '../../shared/charts/build'
import { PRESENTER_NOTES_FILE } from '../../shared/deck-name'
import { deckSlides } from '../helpers/deck'
import { headingLevels, readStructure, skippedHeadingLevels } from '../helpers/pdfStructure'
import { EXPORT_DIR, SITE_DIR } from './globalSetup'

const DECK = 'board-deck-agentic-coding'

/** The deck's charts, in slide order, and the alternative text each must carry: its title and every value. */
const DECK_CHARTS = deckSlides().flatMap(s => [
  ...s.content.matchAll(/<(?:BarChart|SplitBarChart|SlopeChart) chart="(\w+)"/g),
].map(m => m[1] as ChartId))
const expectedAlt = (id: ChartId) => chartAlt(CHARTS[id].title, tableRows(CHARTS[id]))

const PDFS = [
  {
    name: 'the deck PDF',
    path: join(SITE_DIR, `${DECK}.pdf`),
    charts: true,
  },
  {
    name: 'the handout',
    path: join(EXPORT_DIR, `${DECK}-handout.pdf`),
    charts: true,
  },
  {
    name: 'the speaker notes',
    path: join(EXPORT_DIR, PRESENTER_NOTES_FILE),
    charts: false,
  },
]

describe.each(PDFS)('$name is tagged for a screen reader (PDF/UA checks by reading the structure tree)', ({ path, charts }) => {
  let pdf: PdfStructure
  beforeAll(async () => {
    pdf = await readStructure(path)
  })

  it('is a tagged PDF with a structure tree, and no content is flagged as suspect (01-001, 01-002)', () => {
    expect(pdf.marked).toBe(true)
    expect(pdf.suspects).toBe(false)
    expect(pdf.elements.length).toBeGreaterThan(50)
    expect(pdf.elements.filter(e => e.type === 'P').length).toBeGreaterThan(5)
  })

  it('has a title, shown in the viewer\'s title bar (07-001, 07-002), and a language (11-006)', () => {
    expect(pdf.title?.trim()).toBeTruthy()
    expect(pdf.displayDocTitle).toBe(true)
    expect(pdf.lang).toMatch(/^en\b/)
  })

  it('every Figure has alternative text (13-004)', () => {
    const figures = pdf.elements.filter(e => e.type === 'Figure')
    expect(figures.filter(f => !f.alt?.trim()).length, `Figures without /Alt, of ${figures.length}`).toBe(0)
  })

  it.runIf(charts)('the Figures are the charts, each once, and each chart\'s alternative text gives its title and every value it draws', () => {
    const alts = pdf.elements.filter(e => e.type === 'Figure').map(f => f.alt)
    // No other Figure: the deck's decorative images and icons are artifacts, not figures without text.
    expect([
      ...new Set(alts),
    ].sort()).toEqual([
      ...new Set(DECK_CHARTS.map(expectedAlt)),
    ].sort())
    for (const id of DECK_CHARTS) {
      const alt = alts.find(a => a === expectedAlt(id))!
      for (const row of tableRows(CHARTS[id])) expect(alt, id).toContain(`${row.label}, ${row.value}`)
    }
  })

  it.runIf(!charts)('has no Figure (the notes are text)', () => {
    expect(pdf.elements.filter(e => e.type === 'Figure')).toEqual([])
  })

  it('starts its headings at H1 and never skips a level going down (14-002, 14-003)', () => {
    const levels = headingLevels(pdf)
    expect(levels.length).toBeGreaterThan(1)
    expect(levels[0]).toBe(1)
    expect(skippedHeadingLevels(levels)).toEqual([])
  })

  it('every table header cell says what it heads: TH with /Scope (15-003)', () => {
    const th = pdf.elements.filter(e => e.type === 'TH')
    if (charts)
      expect(th.length).toBeGreaterThan(10)
    expect(th.filter(c => !['Row', 'Column', 'Both'].includes(c.scope ?? '')).length, `TH without scope, of ${th.length}`).toBe(0)
  })
})

describe('the checks can fail', () => {
  it('a heading that skips a level is found', () => {
    expect(skippedHeadingLevels([1, 2, 2, 1, 3])).toEqual(['heading 5: H1 → H3'])
    expect(skippedHeadingLevels([1, 2, 3, 1, 2])).toEqual([])
  })
})
