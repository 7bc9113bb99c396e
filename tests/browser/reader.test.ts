// The reader view (#/read) on the built site, in a real Chromium, at a phone's, two tablets' and a
// desktop's size: every slide and its reader text, every chart drawn, nothing wider than the screen,
// text and tap targets big enough, no errors, nothing from another host; links that land in the right place.
import type { Page } from 'playwright-chromium'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PRESENTER_CUE, readerBlocks } from '../../components/reader/readerText'
import { CHARTS } from '../../data/charts'
import { READY_ATTR } from '../../shared/dom-hooks'
import { slideTitle } from '../../shared/slide-title.ts'
import { deckSlides } from '../helpers/deck'
import { notesAsHtml } from '../helpers/notes'
import { npx } from '../helpers/npx'
import { EXPORT_DIR } from './globalSetup'
import { BASE, browserAndSite, pdfInfo, pdfPages, pdfText, readerDrawn, SITE_DIR, squash, watchPage } from './helpers'

const SLIDES = deckSlides()
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet portrait', width: 820, height: 1180 },
  { name: 'tablet landscape', width: 1180, height: 820 },
  { name: 'desktop', width: 1920, height: 1080 },
] as const
const CHART_COUNT = Object.keys(CHARTS).length
const plain = (s: string) => squash(s.replace(/<[^>]+>/g, '')).replace(/[’‘]/g, '\'').replace(/[“”]/g, '"')
/** Each slide's reader paragraphs, from slides.md (one paragraph per blank-line block of its notes). */
const readerText = (note = '') => readerBlocks(notesAsHtml(note)).map(b => plain(b.html))

const env = browserAndSite()

async function openReader(size: { width: number, height: number }, hash = '', colorScheme: 'light' | 'dark' = 'light') {
  const page = await env.browser.newPage({
    viewport: { width: size.width, height: size.height },
    colorScheme,
    hasTouch: size.width < 1300,
  })
  const { problems, foreign } = watchPage(page, { warnings: true })
  await page.goto(`${env.site.url}#/read${hash}`)
  await readerDrawn(page)
  return { page, problems, foreign }
}

describe('what the reader view loads', () => {
  it('does not fetch the play page, which only the slides need (their preloads are for slide addresses)', async () => {
    const play = readdirSync(join(SITE_DIR, 'assets', 'slidev')).filter(f => /^play-[\w-]+\.js$/.test(f))
    expect(play).toHaveLength(1)
    const page = await env.browser.newPage({
      viewport: { width: 390, height: 844 },
    })
    const fetched: string[] = []
    page.on('request', r => fetched.push(new URL(r.url()).pathname))
    await page.goto(`${env.site.url}#/read`)
    await page.waitForSelector('.reader__entry')
    await page.waitForLoadState('networkidle')
    const onReader = [...fetched]
    await page.goto(`${env.site.url}#/1`)
    await page.waitForSelector('.slidev-page-1 .slidev-layout')
    await page.close()
    const playFile = `${BASE}assets/slidev/${play[0]}`
    expect(onReader.length).toBeGreaterThan(10)
    expect(onReader).not.toContain(playFile)
    expect(fetched, 'opening a slide fetches the play page').toContain(playFile)
  })
})

describe.each(SIZES)('the reader view on a $name ($width×$height)', (size) => {
  let page: Page
  let problems: string[]
  let foreign: string[]
  beforeAll(async () => {
    ;({ page, problems, foreign } = await openReader(size))
  })
  afterAll(() => page?.close())

  it('shows every slide, in order, with its title and its reader text, and no presenter cue', async () => {
    const entries = await page.$$eval('.reader__entry', els =>
      els.map(el => ({ title: el.querySelector('h2')!.textContent ?? '', text: (el.querySelector('.reader__text') as HTMLElement).innerText })))
    expect(entries).toHaveLength(SLIDES.length)
    entries.forEach((e, i) => {
      expect(squash(e.title), `slide ${i + 1}`).toContain(slideTitle(SLIDES[i].title!))
      const text = plain(e.text)
      for (const paragraph of readerText(SLIDES[i].note)) expect(text, `slide ${i + 1}`).toContain(paragraph.slice(0, 60))
      expect(text).not.toContain(PRESENTER_CUE)
    })
  })

  it('draws every chart; on a phone each chart again, at the reader’s width', async () => {
    const charts = await page.$$eval('.reader canvas', (cs, attr) =>
      cs.map(c => ({
        ready: c.getAttribute(attr),
        redrawn: !!c.closest('.reader__charts'),
        width: c.getBoundingClientRect().width,
      })), READY_ATTR)
    expect(charts.filter(c => !c.redrawn)).toHaveLength(CHART_COUNT)
    expect(charts.every(c => c.ready === 'true')).toBe(true)
    const redrawn = charts.filter(c => c.redrawn)
    if (size.width < 700) {
      expect(redrawn).toHaveLength(CHART_COUNT)
      for (const c of redrawn) expect(c.width).toBeGreaterThan(size.width * 0.8)
    }
  })

  it('copies every table out of its slide at a readable size, at every width', async () => {
    // The tables the slides carry: the figures and circulation tables, the asks, the decisions list, the risks and the scorecard.
    const OFFERED = 'table.figures, table.circulation, .plan-asks, .risks, .scorecard__table'
    const onSlides = await page.$$eval(`.reader-slide :is(${OFFERED})`, ts => ts.length)
    const copies = await page.$$eval('.reader__table', ts =>
      ts.map(t => ({
        rows: t.querySelectorAll('tr, li').length,
        size: Math.min(...[
          ...t.querySelectorAll('td, li'),
        ].map(c => Number.parseFloat(getComputedStyle(c).fontSize))),
      })))
    expect(onSlides).toBeGreaterThan(6)
    expect(copies).toHaveLength(onSlides)
    for (const c of copies) {
      expect(c.rows).toBeGreaterThan(1)
      expect(c.size).toBeGreaterThanOrEqual(16)
    }
  })

  it('never scrolls sideways, sets body text at 16 px or more and tap targets at 44 px or more', async () => {
    const m = await page.evaluate(() => {
      const root = document.querySelector('.reader') as HTMLElement
      const small = [
        ...document.querySelectorAll<HTMLElement>('.reader__text p, .reader__header p'),
      ]
        .filter(p => Number.parseFloat(getComputedStyle(p).fontSize) < 16)
        .map(p => p.textContent?.slice(0, 30))
      const tiny = [
        ...document.querySelectorAll<HTMLElement>('.reader a, .reader button, .reader input'),
      ]
        .filter(a => !a.closest('.reader-slide') && a.getBoundingClientRect().height < 44)
        .map(a => `${a.id || a.textContent?.slice(0, 30)}: ${a.getBoundingClientRect().height}px`)
      return {
        scroll: root.scrollWidth,
        width: root.clientWidth,
        doc: document.documentElement.scrollWidth,
        small,
        tiny,
      }
    })
    expect(m.scroll).toBeLessThanOrEqual(m.width)
    expect(m.doc).toBeLessThanOrEqual(size.width)
    expect(m.small).toEqual([])
    expect(m.tiny).toEqual([])
  })

  it('logs no error and asks no other host for anything', () => {
    expect(problems).toEqual([])
    expect(foreign).toEqual([])
  })
})

describe('links in and out of the reader view', () => {
  it('a shared link to a slide opens the reader view at that slide', async () => {
    const { page } = await openReader(SIZES[1], '#slide-6')
    // Slides render one by one above it; the view follows slide 6 down until it is at the top.
    await page.waitForFunction(() => Math.abs(document.getElementById('slide-6')!.getBoundingClientRect().top) < 40, null, { timeout: 10_000 })
    await page.close()
  })

  it('the contents list takes the reader to each slide', async () => {
    const { page } = await openReader(SIZES[2])
    await page.click('.reader__contents li:nth-child(9) a')
    await page.waitForFunction(() => location.hash.endsWith('#slide-9'))
    await page.waitForFunction(() => Math.abs(document.getElementById('slide-9')!.getBoundingClientRect().top) < 40, null, { timeout: 10_000 })
    await page.close()
  })

  it('a slide links to the reader view at itself, and the reader view back to the slide', async () => {
    const page = await env.browser.newPage({
      viewport: { width: 1180, height: 820 },
    })
    await page.goto(`${env.site.url}#/5`)
    await page.waitForSelector('.slidev-page-5')
    const link = page.locator('.read-link')
    await expect(link.isVisible()).resolves.toBe(true)
    // Tapped where a reader would tap it: its middle (Slidev's slide transition keeps it from being "stable").
    const box = (await link.boundingBox())!
    expect(box.height).toBeGreaterThanOrEqual(44)
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await page.waitForSelector('#slide-5')
    expect(await page.evaluate(() => location.hash)).toBe('#/read#slide-5')
    await page.click('#slide-5 a:has-text("Show as a slide")')
    await page.waitForSelector('.slidev-page-5')
    expect(await page.evaluate(() => location.hash)).toBe('#/5')
    await page.close()
  })

  it('the downloads are one tap away and are served', async () => {
    const { page } = await openReader(SIZES[0])
    const hrefs = await page.$$eval('.reader__downloads a', as => as.map(a => (a as HTMLAnchorElement).href))
    for (const name of [
      'board-deck-agentic-coding.pdf',
      'board-deck-agentic-coding.pptx',
      'figures.csv',
      'figures.json',
    ]) {
      const href = hrefs.find(h => h.endsWith(name))
      expect(href, name).toBeTruthy()
      expect((await fetch(href!)).status, name).toBe(200)
    }
    await page.close()
  })

  it('the what-if slide works in the reader view and keeps its scenario in the link', async () => {
    const whatIf = `#slide-${SLIDES.findIndex(s => /rates would mean here/.test(s.title ?? '')) + 1}`
    const { page } = await openReader(SIZES[3], whatIf)
    const people = page.locator(`${whatIf} input[type="number"]`).first()
    await people.fill('500')
    await people.blur()
    await page.waitForFunction(() => location.hash.includes('people=500'))
    expect(await page.evaluate(() => location.hash)).toMatch(/^#\/read\?.*people=500/)
    await page.close()
  })

  it('on a phone the what-if controls follow the slide at full size, and keep the scenario in the link', async () => {
    const whatIf = `#slide-${SLIDES.findIndex(s => /rates would mean here/.test(s.title ?? '')) + 1}`
    const { page } = await openReader(SIZES[0], whatIf)
    const people = page.locator(`${whatIf} .reader__whatif #reader-wi-people`)
    const box = (await people.boundingBox())!
    expect(box.height).toBeGreaterThanOrEqual(44)
    expect(Number.parseFloat(await people.evaluate(el => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16)
    await people.fill('700')
    await people.blur()
    await page.waitForFunction(() => location.hash.includes('people=700'))
    expect(await page.locator(`${whatIf} .reader__whatif [data-col="today"]`).first().innerText()).not.toBe('')
    await page.close()
  })

  it('follows dark mode', async () => {
    const { page } = await openReader(SIZES[3], '', 'dark')
    const bg = await page.$eval('.reader', el => getComputedStyle(el).backgroundColor)
    const [r, g, b] = bg.match(/\d+/g)!.map(Number)
    expect(r + g + b).toBeLessThan(120)
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true)
    await page.close()
  })
})

describe('the slides on a tablet', () => {
  it('a swipe moves to the next slide and back, and the controls are 44 px tap targets', async () => {
    const context = await env.browser.newContext({
      viewport: { width: 820, height: 1180 },
      hasTouch: true,
      isMobile: true,
    })
    const page = await context.newPage()
    await page.goto(`${env.site.url}#/3`)
    await page.waitForSelector('.slidev-page-3')
    const cdp = await context.newCDPSession(page)
    const swipe = async (from: number, to: number) => {
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchStart',
        touchPoints: [
          { x: from, y: 600 },
        ],
      })
      for (let x = from; from > to
        ? x >= to
        : x <= to; x += from > to
          ? -40
          : 40) {
        await cdp.send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: [
            { x, y: 600 },
          ],
        })
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    }
    await swipe(650, 150)
    await page.waitForFunction(() => location.hash === '#/4')
    await swipe(150, 650)
    await page.waitForFunction(() => location.hash === '#/3')
    const small = await page.$$eval('.slidev-icon-btn', bs =>
      bs.filter(b => b.getBoundingClientRect().width > 0).filter(b => b.getBoundingClientRect().height < 44 || b.getBoundingClientRect().width < 44).map(b => b.getAttribute('title')))
    expect(small).toEqual([])
    await context.close()
  })
})

describe('the handout (npm run export:handout)', () => {
  const HANDOUT = join(EXPORT_DIR, 'board-deck-agentic-coding-handout.pdf')

  it('is a portrait A4 PDF, tagged, titled as the handout', () => {
    const info = pdfInfo(HANDOUT)
    expect(info['Page size']).toMatch(/^595\.\d+ x 842\.\d+ pts \(A4\)/)
    expect(info.Tagged).toBe('yes')
    expect(info.Title).toBe(`${SLIDES[0].title}: handout`)
  })

  it('puts each slide on its own page with its reader text, charts at their values', () => {
    const pages = Array.from({
      length: pdfPages(HANDOUT),
    }, (_, i) => plain(pdfText(HANDOUT, i + 1)))
    expect(pages.length).toBeGreaterThanOrEqual(SLIDES.length)
    let from = 1 // page 1 is the contents list, which names every slide
    SLIDES.forEach((s, i) => {
      const at = pages.findIndex((p, k) => k >= from && p.includes(plain(`${i + 1} ${s.title}`)))
      expect(at, `slide ${i + 1} has no page of its own`).toBeGreaterThanOrEqual(from)
      for (const paragraph of readerText(s.note)) expect(pages[at], `slide ${i + 1}'s reader text`).toContain(paragraph.slice(0, 50))
      from = at + 1
    })
  })

  it('prints the what-if slide as its scenario in words, not as controls', () => {
    const text = plain(Array.from({
      length: pdfPages(HANDOUT),
    }, (_, i) => pdfText(HANDOUT, i + 1)).join(' '))
    expect(text).toMatch(/Default scenario: [\d,]+ people × \d+ sessions a week/)
    expect(text).not.toContain('Novice work the training moves to intermediate') // a control's label
  })

  it('--paper Letter prints on US Letter', () => {
    const out = mkdtempSync(join(tmpdir(), 'handout-'))
    const r = npx([
      'tsx',
      'scripts/export.ts',
      '--handout',
      '--paper',
      'Letter',
      '--out',
      out,
    ], {}, { timeout: 120_000 })
    expect(r.status, r.stderr).toBe(0)
    expect(pdfInfo(join(out, 'board-deck-agentic-coding-handout.pdf'))['Page size']).toMatch(/^612 x 792 pts \(letter\)/)
  }, 120_000)
})
