// Accessibility by measurement: axe-core, through @axe-core/playwright, in a real Chromium on
// the built site, with the WCAG 2.0, 2.1 and 2.2 A and AA rule sets. Every slide in light and dark at
// 1920×1080, the reader view on a phone and a desktop in both schemes, the presenter view, and the
// what-if slide with values entered. No violations; every "incomplete" (a check axe could not decide)
// either resolved here or explained, with why it cannot apply. And a check that the audit can fail.
import type { AxeResults, Result } from 'axe-core'
import type { Browser, Page } from 'playwright-chromium'
import type { StaticServer } from '../../scripts/lib/static-server.ts'
import { resolve } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveStatic } from '../../scripts/lib/static-server.ts'
import { everyChartReady, READY_ATTR } from '../../shared/dom-hooks'
import { deckSlides } from '../helpers/deck'
import { npx, slidevBuild } from '../helpers/npx'
import { importFixtureQuarters } from '../helpers/scorecardFixture'
import { BASE, browserAndSite, openSlide, readerDrawn } from './helpers'

const SCORECARD_SITE = resolve('test-results/site-a11y-scorecard')

/** WCAG 2.0, 2.1 and 2.2, levels A and AA, as axe-core tags its rules. */
export const WCAG_TAGS = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'wcag22aa',
]

const SLIDES = deckSlides()
const SCHEMES = ['light', 'dark'] as const
const WHAT_IF = SLIDES.findIndex(s => /rates would mean here/.test(s.title ?? '')) + 1

/**
 * Slidev's drawing layer: an empty, transparent <svg> over the whole slide (drawings are on for the
 * presenter), with pointer-events: none. It paints nothing until someone draws, but axe sees an element
 * over every text and answers "incomplete: background overlapped" for each colour-contrast check. While
 * it is empty it is taken out of the layout for the audit, so axe measures the real contrast (resolved,
 * not excused). A layer with a drawing in it is left alone.
 */
const HIDE_EMPTY_DRAWING_LAYER = `svg.pointer-events-none.absolute:empty { display: none !important; }`

/**
 * Incomplete results that remain, each with why it cannot apply. Matched by rule and by the flagged
 * element's markup.
 */
const EXPLAINED: { rule: string, html: RegExp, why: string }[] = [
  {
    rule: 'color-contrast',
    html: /^<(span|div)[^>]*text-primary[^>]*>\s*\d{1,2}\s*<\/(span|div)>$/,
    why: 'the presenter\'s slide number and its click counter (Slidev\'s ClicksSlider), one or two digits: axe does '
      + 'not judge text this short (it could be an icon glyph). The presenter test measures their contrast itself '
      + '(shortTextContrast) and requires 4.5:1.',
  },
]

/** In the page: the contrast of each element's text against the first opaque background behind it. */
function shortTextContrast(selector: string): { text: string, ratio: number }[] {
  const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number)
  const lum = ([r, g, b]: number[]) => [r, g, b]
    .map(v => v / 255)
    .map(v => v <= 0.03928
      ? v / 12.92
      : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0)
  return [
    ...document.querySelectorAll<HTMLElement>(selector),
  ].map((el) => {
    let bg: HTMLElement | null = el
    while (bg && (rgb(getComputedStyle(bg).backgroundColor)[3] === 0))
      bg = bg.parentElement
    const [a, b] = [
      lum(rgb(getComputedStyle(el).color)),
      lum(rgb(getComputedStyle(bg ?? document.body).backgroundColor)),
    ]
    return { text: el.textContent ?? '', ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) }
  })
}

const env = browserAndSite()

/** A fresh context per view: AxeBuilder needs one it can open its own pages in. */
async function newPage(browser: Browser, opts: { width: number, height: number, scheme: 'light' | 'dark', reducedMotion?: boolean }) {
  const context = await browser.newContext({
    viewport: { width: opts.width, height: opts.height },
    colorScheme: opts.scheme,
  })
  return context.newPage()
}

/**
 * The part mark ("For the meeting") and the slide number are in Slidev's global bottom layer, which the
 * slide is drawn over (transparently). axe sees the slide's boxes above them and cannot tell their
 * background ("incomplete: bgOverlap"). Resolved by a second pass over just those elements, with the
 * slide's own page hidden, so axe measures them against the background they are really seen on.
 */
const UNDER_THE_SLIDE = /^<div[^>]* class="(part-mark|slide-no)\b/
const HIDE_SLIDE_PAGES = `.slidev-page { visibility: hidden !important; }`

async function audit(page: Page): Promise<AxeResults> {
  await page.addStyleTag({ content: HIDE_EMPTY_DRAWING_LAYER })
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  const contrast = results.incomplete.find(r => r.id === 'color-contrast')
  const under = contrast?.nodes.filter(n => UNDER_THE_SLIDE.test(n.html)) ?? []
  if (!contrast || !under.length)
    return results
  const style = await page.addStyleTag({ content: HIDE_SLIDE_PAGES })
  const builder = new AxeBuilder({ page }).withRules(['color-contrast'])
  for (const n of under)
    builder.include(n.target.join(' '))
  const second = await builder.analyze()
  await style.evaluate(e => (e as Element).remove())
  const passed = new Set(second.passes.flatMap(r => r.nodes.map(n => n.target.join(' '))))
  contrast.nodes = contrast.nodes.filter(n => !(UNDER_THE_SLIDE.test(n.html) && passed.has(n.target.join(' '))))
  results.incomplete = [
    ...results.incomplete.filter(r => r.nodes.length),
    ...second.incomplete,
  ]
  results.violations.push(...second.violations)
  return results
}

function describeNodes(results: Result[]) {
  return results.flatMap(r => r.nodes.map(n =>
    `${r.id} (${r.impact ?? 'n/a'}): ${n.target.join(' ')}: ${n.failureSummary ?? [
      ...n.any,
      ...n.all,
      ...n.none,
    ].map(c => c.message).join('; ')}`))
}

/** The incomplete results no entry of EXPLAINED covers. */
function unexplained(results: AxeResults): string[] {
  return describeNodes(results.incomplete.map(r => ({
    ...r,
    nodes: r.nodes.filter(n => !EXPLAINED.some(e => e.rule === r.id && e.html.test(n.html))),
  })))
}

function expectClean(results: AxeResults, where: string) {
  // Joined into one string, so a failure prints every node in full (an array is cut short in the message).
  expect(describeNodes(results.violations).join('\n'), `axe violations on ${where}`).toBe('')
  expect(unexplained(results).join('\n'), `axe incomplete results on ${where}, neither resolved nor explained`).toBe('')
  // The audit ran the rules it was asked to: a page with nothing checked would pass vacuously.
  expect(results.passes.length, `rules that passed on ${where}`).toBeGreaterThan(10)
}

describe.each(SCHEMES)('every slide in %s at 1920×1080 passes axe (WCAG 2.2 A and AA)', (scheme) => {
  let page: Page
  beforeAll(async () => {
    page = await newPage(env.browser, { width: 1920, height: 1080, scheme })
  })
  afterAll(() => page?.context().close())

  it.each(SLIDES.map((s, i) => ({ no: i + 1, title: s.title ?? '' })))('slide $no: $title', async ({ no }) => {
    await openSlide(page, env.site.url, no)
    expectClean(await audit(page), `slide ${no} (${scheme})`)
  })
})

describe.each(SCHEMES.flatMap(scheme => [
  { scheme, width: 390, height: 844 },
  { scheme, width: 1280, height: 800 },
]))('the reader view at $width px, $scheme, passes axe', ({ scheme, width, height }) => {
  it('with every slide and chart drawn', async () => {
    const page = await newPage(env.browser, { width, height, scheme })
    await page.goto(`${env.site.url}#/read`)
    await readerDrawn(page)
    expectClean(await audit(page), `the reader view at ${width} px (${scheme})`)
    await page.context().close()
  })
})

// The presenter view is in the presenter's build only (npm run build:presenter): the directors' site has none.
describe.each(SCHEMES)('the presenter view (#/presenter/1), %s, passes axe', (scheme) => {
  it('notes, current and next slide, timer and controls', async () => {
    const page = await newPage(env.browser, { width: 1920, height: 1080, scheme })
    await page.goto(`${env.presenterSite.url}#/presenter/1`)
    await page.waitForSelector('.slidev-presenter .slidev-note')
    await page.waitForSelector('.slidev-presenter .slidev-page-1 .slidev-layout h1')
    expectClean(await audit(page), `the presenter view (${scheme})`)
    // What axe left to us (EXPLAINED): the slide number's contrast, measured here.
    const numbers = await page.evaluate(shortTextContrast, '.slidev-presenter .text-primary, .slidev-presenter [text-primary]')
    expect(numbers.length).toBeGreaterThan(0)
    for (const n of numbers)
      expect(n.ratio, `contrast of "${n.text}"`).toBeGreaterThanOrEqual(4.5)
    await page.context().close()
  })
})

describe('the what-if slide with values entered passes axe', () => {
  it.each(SCHEMES)('%s: a changed scenario, an out-of-range value with its message, and a shared link\'s refused value', async (scheme) => {
    expect(WHAT_IF).toBeGreaterThan(0)
    const page = await newPage(env.browser, { width: 1920, height: 1080, scheme })
    // A shared link with a value the slide cannot use: the slide says so (data-link-notes).
    await page.goto(`${env.site.url}#/${WHAT_IF}?people=lots`)
    await page.waitForSelector(`.slidev-page-${WHAT_IF} [data-link-notes]`)
    await page.fill('#wi-people', '1000')
    await page.press('#wi-people', 'Enter')
    await page.fill('#wi-noviceShare', '250')
    await page.press('#wi-noviceShare', 'Enter')
    await page.check(`.slidev-page-${WHAT_IF} .check input`)
    await expect.poll(() => page.locator(`.slidev-page-${WHAT_IF} .message`).count()).toBeGreaterThan(0)
    expectClean(await audit(page), `the what-if slide with values (${scheme})`)
    await page.context().close()
  })
})

/**
 * The scorecard slides as they are with a quarter of our own data: the fixture's two quarters imported
 * (tests/helpers/scorecardFixture.ts) and the deck built with them (Slidev's build alone: no PDF needed here).
 */
describe('the scorecard slides built from the fixture pass axe', () => {
  const DATA_SLIDES = deckSlides(undefined, true)
  const scorecardNos = DATA_SLIDES.flatMap((s, i) => s.frontmatter.scorecard === 'data'
    ? [i + 1]
    : [])
  let site: StaticServer
  beforeAll(async () => {
    const { scorecard } = importFixtureQuarters()
    const build = npx(slidevBuild(SCORECARD_SITE, BASE), { SCORECARD_DIR: scorecard }, { stdio: 'inherit' })
    expect(build.status).toBe(0)
    site = await serveStatic(SCORECARD_SITE, BASE)
  }, 600_000)
  afterAll(() => site?.close())

  it.each(SCHEMES)('%s: the scorecard and its concern slides, every chart drawn', async (scheme) => {
    expect(scorecardNos.length).toBe(5)
    const page = await newPage(env.browser, { width: 1920, height: 1080, scheme })
    let charts = 0
    for (const no of scorecardNos) {
      await openSlide(page, site.url, no)
      charts += await page.locator(`.slidev-page-${no} canvas`).count()
      expectClean(await audit(page), `scorecard slide ${no} (${scheme})`)
    }
    expect(charts, 'scorecard charts audited').toBeGreaterThanOrEqual(6)
    await page.context().close()
  })
})

describe('the audit can fail', () => {
  it('a button with no name, put on a slide, is a violation (button-name, WCAG 4.1.2)', async () => {
    const page = await newPage(env.browser, { width: 1920, height: 1080, scheme: 'light' })
    await openSlide(page, env.site.url, 1)
    await page.evaluate(() => {
      const b = document.createElement('button')
      b.id = 'broken-control'
      b.innerHTML = '<svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6"/></svg>'
      document.querySelector('.slidev-page-1 .slidev-layout')!.append(b)
    })
    const results = await audit(page)
    const buttonName = results.violations.find(v => v.id === 'button-name')
    expect(buttonName?.nodes.map(n => n.target.join(' '))).toEqual(['#broken-control'])
    expect(buttonName?.tags).toContain('wcag2a')
    await page.context().close()
  })
})

/**
 * Counts, per canvas, the frames a chart draws: chart.js clears its canvas before every frame, so clearRect calls
 * are frames. Counted from the moment the slide is entered with the arrow key, when a chart replays its entrance
 * animation (components/charts/useReplayOnEnter.ts): tens of frames; a chart that does not replay draws one or
 * two. (Counted from page load instead, both came to four: a chart drawn on a slide opened by its address
 * appears before it is on screen.)
 */
const COUNT_FRAMES = `(() => {
  const clear = CanvasRenderingContext2D.prototype.clearRect
  window.__frames = new Map()
  CanvasRenderingContext2D.prototype.clearRect = function (...args) {
    window.__frames.set(this.canvas, (window.__frames.get(this.canvas) ?? 0) + 1)
    return clear.apply(this, args)
  }
})()`

describe('reduced motion (prefers-reduced-motion: reduce)', () => {
  const chartSlide = SLIDES.findIndex(s => /<BarChart /.test(s.content)) + 1

  /** Frames each chart on the chart slide draws once it is entered from the slide before, and a transition's length. */
  async function framesAndTransition(reducedMotion: 'reduce' | 'no-preference', { atLeast = 0 } = {}) {
    const context = await env.browser.newContext({
      viewport: { width: 1920, height: 1080 },
      reducedMotion,
    })
    await context.addInitScript(COUNT_FRAMES)
    const page = await context.newPage()
    await openSlide(page, env.site.url, chartSlide - 1)
    await page.evaluate(() => (window as unknown as { __frames: Map<unknown, number> }).__frames.clear())
    await page.keyboard.press('ArrowRight')
    await page.waitForFunction(n => location.hash.startsWith(`#/${n}`), chartSlide)
    await page.waitForSelector(`.slidev-page-${chartSlide} canvas`)
    const frames = () => page.evaluate(n => [
      ...document.querySelectorAll(`.slidev-page-${n} canvas`),
    ].map(c => (window as unknown as { __frames: Map<Element, number> }).__frames.get(c) ?? 0), chartSlide)
    // Settled: every chart ready, two frames later still ready (a replay starting late would have unset it).
    for (let i = 0; i < 2; i++) {
      await page.waitForFunction(everyChartReady, { scope: `.slidev-page-${chartSlide}`, attr: READY_ATTR })
      await page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))
    }
    if (atLeast)
      await expect.poll(async () => Math.min(...await frames())).toBeGreaterThanOrEqual(atLeast)
    const transition = await page.evaluate((n) => {
      // A slide transition's class, as Slidev's transitions put it on a leaving or entering slide.
      const probe = document.createElement('div')
      probe.className = 'fade-enter-active slide-left-enter-active'
      document.querySelector(`.slidev-page-${n}`)!.append(probe)
      const seconds = Number.parseFloat(getComputedStyle(probe).transitionDuration)
      probe.remove()
      return seconds
    }, chartSlide)
    const result = { frames: await frames(), transition }
    await context.close()
    return result
  }

  it('charts are drawn at their final values without animating, and slides change without a transition', async () => {
    expect(chartSlide).toBeGreaterThan(0)
    const still = await framesAndTransition('reduce')
    expect(still.frames.length).toBeGreaterThan(0)
    for (const f of still.frames)
      expect(f, 'frames drawn by a chart with reduced motion').toBeLessThanOrEqual(3)
    expect(still.transition).toBeLessThan(0.001)
  })

  it('the control: without the setting, the same chart animates over many frames and slides fade', async () => {
    // More frames than the reduced-motion test allows: an animation at 60 frames a second draws about forty in its
    // 700 ms; on a busy machine it has drawn as few as seven.
    const moving = await framesAndTransition('no-preference', { atLeast: 5 })
    for (const f of moving.frames)
      expect(f, 'frames drawn by an animating chart').toBeGreaterThanOrEqual(5)
    expect(moving.transition).toBeGreaterThan(0.1)
  })
})
