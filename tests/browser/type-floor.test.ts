// Type a projector and a printer can carry, and a foot that is the page furniture's alone, measured on every slide
// of the print view (the one the PDF and the PowerPoint are made from) in a real Chromium:
// - no visible text smaller than 9 pt on an A4 landscape page (the canvas's width across 297 mm), transforms counted;
// - no line of text outside the slide, and no two lines of unrelated text overlapping;
// - nothing but the page marking in the footer band (--footer-band in styles/deck.css): no text, and no box with a
//   border or a background (a "We propose" frame) reaching into it;
// - no main slide carrying a glossary (definitions are on the pre-read, components/MeasuresDefined.vue).
// A planted defect (a source line dropped into the band, a line at 8 px) shows the measure sees each kind.
import type { Browser, Page } from 'playwright-chromium'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPrintView, startSlidev } from '../../scripts/lib/slidev-print.ts'
import { AUDIENCE_ENV } from '../../vite/presenter-notes.ts'
import { deckSlides } from '../helpers/deck'
import { importFixtureQuarters } from '../helpers/scorecardFixture'
import { launch } from './helpers'

const A4_LANDSCAPE_WIDTH_PT = 841.89 // 297 mm
const FLOOR_PT = 9

interface SlideProblems { slide: number, problems: string[] }

/** Every problem of every slide on the print view as it stands. */
function measure(page: Page, floorPx: number): Promise<SlideProblems[]> {
  return page.evaluate((floor) => {
    const bandPx = Number.parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--footer-band'))
    if (!(bandPx > 0))
      throw new Error('styles/deck.css sets no --footer-band')
    const furniture = (el: Element) => el.closest('[data-page-mark], .part-mark, .read-link')
    const hidden = (el: Element) => el.closest('.sr-only, .print-text, [hidden], canvas')
    /** The scale the element is drawn at: its ancestors' transforms and zooms, multiplied. */
    function scaleOf(el: Element, slide: Element): number {
      let scale = 1
      for (let a: Element | null = el; a && a !== slide; a = a.parentElement) {
        const cs = getComputedStyle(a)
        if (cs.transform && cs.transform !== 'none') {
          const m = new DOMMatrix(cs.transform)
          scale *= Math.hypot(m.a, m.b)
        }
        const zoom = Number(cs.zoom)
        if (zoom && zoom !== 1)
          scale *= zoom
      }
      return scale
    }
    return [
      ...document.querySelectorAll('.print-slide-container'),
    ].map((slide, i) => {
      const box = slide.getBoundingClientRect()
      const band = box.height - bandPx
      const problems: string[] = []
      const lines: { x: number, y: number, w: number, h: number, el: Element, text: string }[] = []
      const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT)
      while (walker.nextNode()) {
        const node = walker.currentNode
        const text = node.textContent!.trim()
        const el = node.parentElement!
        if (!text || hidden(el))
          continue
        const cs = getComputedStyle(el)
        if (cs.visibility === 'hidden' || Number(cs.opacity) === 0)
          continue
        const range = document.createRange()
        range.selectNodeContents(node)
        const rects = [
          ...range.getClientRects(),
        ].filter(r => r.width > 0 && r.height > 0)
        if (!rects.length)
          continue
        const size = Number.parseFloat(cs.fontSize) * scaleOf(el, slide)
        if (size < floor - 0.01)
          problems.push(`“${text.slice(0, 40)}” is set at ${size.toFixed(1)} px, under the floor of ${floor.toFixed(1)} px`)
        for (const r of rects) {
          const line = {
            x: r.left - box.left,
            y: r.top - box.top,
            w: r.width,
            h: r.height,
            el,
            text: text.slice(0, 40),
          }
          if (line.x < -1 || line.y < -1 || line.x + line.w > box.width + 1 || line.y + line.h > box.height + 1)
            problems.push(`“${line.text}” leaves the slide`)
          else if (!furniture(el) && line.y + line.h > band + 1)
            problems.push(`“${line.text}” reaches into the footer band (${Math.round(line.y + line.h)} px of ${Math.round(band)})`)
          lines.push(line)
        }
      }
      for (let a = 0; a < lines.length; a++) {
        for (let b = a + 1; b < lines.length; b++) {
          const [p, q] = [lines[a], lines[b]]
          if (p.el === q.el || p.el.contains(q.el) || q.el.contains(p.el))
            continue
          const dx = Math.min(p.x + p.w, q.x + q.w) - Math.max(p.x, q.x)
          const dy = Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y)
          if (dx > 2 && dy > 2)
            problems.push(`“${p.text}” overlaps “${q.text}”`)
        }
      }
      // A framed or tinted box (the proposal frames, a table's rule) ends above the band too.
      for (const el of slide.querySelectorAll('*')) {
        if (furniture(el) || hidden(el))
          continue
        const cs = getComputedStyle(el)
        const framed = ['Top', 'Right', 'Bottom', 'Left'].some(s => Number.parseFloat(cs.getPropertyValue(`border-${s.toLowerCase()}-width`)) > 0 && cs.getPropertyValue(`border-${s.toLowerCase()}-style`) !== 'none')
          || (cs.backgroundColor !== 'rgba(0, 0, 0, 0)' && cs.backgroundColor !== 'transparent')
        if (!framed || el === slide || el.classList.contains('slidev-layout') || el.closest('.slidev-page') === el)
          continue
        const r = el.getBoundingClientRect()
        if (r.width > 0 && r.height > 0 && r.width < box.width - 1 && r.bottom - box.top > band + 1)
          problems.push(`a ${el.tagName.toLowerCase()}.${[...el.classList].join('.')} box reaches into the footer band (${Math.round(r.bottom - box.top)} px of ${Math.round(band)})`)
      }
      return {
        slide: i + 1,
        problems: [
          ...new Set(problems),
        ],
      }
    })
  }, floorPx)
}

/** Slidev's print view of the deck, served for the directors, with the scorecard folder given (or the repo's). */
function printView(scorecardDir?: string) {
  const view = {} as { browser: Browser, page: Page, slidev: Awaited<ReturnType<typeof startSlidev>>, floorPx: number }
  beforeAll(async () => {
    process.env[AUDIENCE_ENV] = 'directors' // the pages the directors' PDF is printed from
    if (scorecardDir)
      process.env.SCORECARD_DIR = scorecardDir
    else delete process.env.SCORECARD_DIR
    view.slidev = await startSlidev()
    view.floorPx = FLOOR_PT * view.slidev.width / A4_LANDSCAPE_WIDTH_PT
    view.browser = await launch()
    view.page = await view.browser.newPage({
      viewport: { width: view.slidev.width, height: view.slidev.height * view.slidev.slides.length },
    })
    await openPrintView(view.page, view.slidev.port)
  }, 300_000)
  afterAll(async () => {
    await view.browser?.close()
    await view.slidev?.close()
    delete process.env.SCORECARD_DIR
  })
  return view
}

describe('type and space on every slide, as printed', () => {
  const view = printView()

  it('the floor is 9 pt at A4 landscape: about 10.5 px of the canvas', () => {
    expect(view.floorPx).toBeGreaterThan(10.4)
    expect(view.floorPx).toBeLessThan(10.6)
  })

  it('no slide has type under the floor, text off the slide, overlapping lines, or anything in the footer band', async () => {
    const found = (await measure(view.page, view.floorPx)).filter(s => s.problems.length)
    expect(found).toEqual([])
  })

  it('no main slide carries a glossary: definitions are in the pre-read', async () => {
    const slides = deckSlides()
    const glossaries = await view.page.$$eval('.print-slide-container', els => els.map(s => s.querySelectorAll('.measures-defined, dl').length))
    const onMain = glossaries.map((n, i) => ({ n, slide: i + 1, part: slides[i]?.frontmatter.part })).filter(s => s.n && s.part === 'main')
    expect(glossaries.some(n => n > 0)).toBe(true) // the pre-read has them, so the selector finds them
    expect(onMain).toEqual([])
  })

  it('sees each kind of problem when one is planted', async () => {
    const style = await view.page.addStyleTag({ content: '.source-note { bottom: 4px !important } .slidev-layout h1 + p { font-size: 8px !important }' })
    try {
      const problems = (await measure(view.page, view.floorPx)).flatMap(s => s.problems)
      expect(problems.some(p => p.includes('reaches into the footer band'))).toBe(true)
      expect(problems.some(p => p.includes('under the floor'))).toBe(true)
      expect(problems.some(p => p.includes('overlaps'))).toBe(true)
    }
    finally {
      await style.evaluate(el => (el as Element).remove())
    }
  })
})

// With a quarter of our own data the deck has other slides (the scorecard table and its charts): held to the same floor.
describe('type and space with our own data imported', () => {
  const view = printView(importFixtureQuarters().scorecard)

  it('no slide has type under the floor, text off the slide, overlapping lines, or anything in the footer band', async () => {
    expect(await view.page.locator('.scorecard__table').count()).toBeGreaterThan(0)
    const found = (await measure(view.page, view.floorPx)).filter(s => s.problems.length)
    expect(found).toEqual([])
  })
})
