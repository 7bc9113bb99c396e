// The story in slides.md: every slide has speaker notes, every data slide has a takeaway and a
// source line, no statistic is typed by hand, and the appendix lists every figure.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseSync } from '@slidev/parser'
import { describe, expect, it } from 'vitest'
import { FIGURES } from '../data'
import { CHARTS } from '../data/charts'

const SLIDES_PATH = join(__dirname, '..', 'slides.md')
const markdown = readFileSync(SLIDES_PATH, 'utf8')
const deck = parseSync(markdown, SLIDES_PATH)
const slides = deck.slides

const title = (s: (typeof slides)[number]) => s.title ?? s.content.split('\n')[0]
const DATA_COMPONENTS = /<(BarChart|SplitBarChart|SlopeChart|Fig|BigFig)\b/

/**
 * Text a reader sees, with everything that is not prose removed: frontmatter, HTML comments are kept
 * (notes count), component tags and their attributes, and code. What remains must hold no digit.
 */
export function typedNumbers(source: string): string[] {
  const prose = source
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[A-Z][^>]*>/gi, ' ') // tags with their attributes (ids, props)
    .replace(/<\/[A-Z][^>]*>/gi, ' ')
  return [
    ...prose.matchAll(/\S*\d\S*/g),
  ].map(m => m[0])
}

describe('slides.md', () => {
  it('has the story the board expects, in order', () => {
    const titles = slides.map(title).join('\n')
    for (const expected of [
      'We ask the Board to approve',
      'The study observed',
      'People decided what to build',
      'Success rose with rated expertise',
      'Occupation may matter less than expertise',
      'What the study does not show',
      'We propose to test coaching',
      'risks',
      'Decisions for the minutes',
      'expert-rated prompts',
      'troubled sessions',
      'Most sessions wrote',
      'The work moved',
      'Numbers in circulation',
      'Collaboration',
      'Scalability',
      'Coaching',
      'Safety',
      'Growth',
      'illustration, not a forecast',
      'Five questions',
      'Sources',
      'Appendix',
    ]) {
      expect(titles).toContain(expected)
    }
  })

  it('every slide has speaker notes', () => {
    const without = slides.filter(s => !s.note?.trim()).map(title)
    expect(without).toEqual([])
  })

  it('every slide with a chart or a figure has a takeaway and a source line', () => {
    for (const s of slides.filter(s => DATA_COMPONENTS.test(s.content))) {
      const hasSource = /<(BarChart|SplitBarChart|SlopeChart|SourceNote|CirculationTable|FiguresTable)\b/.test(s.content)
      const isCoverOrClose = s.index === 0 || /Decisions for the minutes|We ask the Board/.test(title(s))
      if (isCoverOrClose)
        continue
      expect(hasSource, `${title(s)}: no source line`).toBe(true)
      const hasTakeaway = /^\*\*[^*]+/m.test(s.content) || /<div class="big-figs">/.test(s.content) || /<div class="(limits|aside)">/.test(s.content)
      expect(hasTakeaway, `${title(s)}: no takeaway in real text`).toBe(true)
    }
  })

  it('no statistic is typed in slide text or notes: numbers come from the figures module', () => {
    const found = slides.flatMap(s => typedNumbers(`${s.content}\n${s.note ?? ''}`).map(n => `${title(s)}: ${n}`))
    expect(found).toEqual([])
  })

  it('the no-literal check catches a typed statistic', () => {
    expect(typedNumbers('Novices reach verified success 15% of the time <Fig id="a.b" />')).toEqual(['15%'])
    expect(typedNumbers('<BarChart chart="trouble" :height="270" />')).toEqual([])
  })

  it('every chart a slide names exists, and every chart is shown', () => {
    const named = [
      ...markdown.matchAll(/<(?:BarChart|SplitBarChart|SlopeChart) chart="([^"]+)"/g),
    ].map(m => m[1])
    expect(named.filter(n => !(n in CHARTS))).toEqual([])
    expect(Object.keys(CHARTS).filter(c => !named.includes(c))).toEqual([])
  })

  it('every figure id a slide names exists', () => {
    const ids = [
      ...markdown.matchAll(/<(?:Fig|BigFig) id="([^"]+)"/g),
    ].map(m => m[1])
    expect(ids.length).toBeGreaterThan(0)
    expect(ids.filter(id => !FIGURES.some(f => f.id === id))).toEqual([])
  })

  it('the appendix lists every figure in the module', () => {
    const topics = [
      ...markdown.matchAll(/<FiguresTable topics="([^"]+)"/g),
    ].flatMap(m => m[1].split(/\s+/))
    const missing = FIGURES.filter(f => !topics.includes(f.id.split('.')[0])).map(f => f.id)
    expect(missing).toEqual([])
  })
})

describe('components hold no statistics', () => {
  const dir = join(__dirname, '..', 'components')
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.vue') || f.endsWith('.ts'))

  for (const file of files) {
    it(`${file}: no percentage or figure typed in its template or strings`, () => {
      const text = readFileSync(join(dir, file), 'utf8')
      const template = text.match(/<template>([\s\S]*)<\/template>/)?.[1] ?? ''
      // Template text between tags: what a reader would see.
      const visible = template.replace(/<[^>]*>/g, ' ').replace(/\{\{[^}]*\}\}/g, ' ')
      expect(visible.match(/\d/g) ?? [], 'digits in visible template text').toEqual([])
      // String literals that read as a statistic, e.g. '27%' or "15 percent".
      const strings = [
        ...text.matchAll(/(['"`])((?:(?!\1).)*)\1/g),
      ].map(m => m[2])
      expect(strings.filter(s => /\b\d+(\.\d+)?\s*(%|percent|points)\b/.test(s))).toEqual([])
    })
  }
})
