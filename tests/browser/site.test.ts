// The built site, served from /board/ by a plain static server with no rewrites, in a real Chromium:
// every slide in light and dark, presenter view, deep links, offline, PDF and data downloads.
import type { Page } from 'playwright-chromium'
import type { ChartId } from '../../data/charts'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import JSZip from 'jszip'
import { PDFDocument, PDFName } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { FIGURES } from '../../data'
import { CHARTS } from '../../data/charts'
import { REGISTER } from '../../data/claims'
import { meetingLine, pageMark, PAPER, paperKeywords, resolution, resolutionText, versionLine } from '../../data/paper'
import { PLAN } from '../../data/plan'
import { tableRows } from '../../shared/charts/build'
import { DECK_NAME as DECK, PRESENTER_NOTES_FILE } from '../../shared/deck-name'
import { everyChartReady, READY_ATTR } from '../../shared/dom-hooks'
import { MAIN_STORY_MINUTES } from '../../shared/parts'
import { PRESENTER_CUE } from '../../shared/presenter-cues'
import { slideTitle } from '../../shared/slide-title.ts'
import { compareWithRegister } from '../claims/check'
import { extractClaims } from '../claims/extract'
import { deckSlides } from '../helpers/deck'
import { EXPORT_DIR } from './globalSetup'
import { BASE, browserAndSite, openSlide, pdfBookmarks, pdfInfo, pdfPages, pdfText, PRESENTER_SITE_DIR, SITE_DIR, squash, watchPage } from './helpers'

const SLIDES = deckSlides()
const TOTAL = SLIDES.length
const DECK_PDF = join(SITE_DIR, 'board-deck-agentic-coding.pdf')
const NOTES_PDF = join(EXPORT_DIR, PRESENTER_NOTES_FILE)

const env = browserAndSite()

/** What a board member would notice on one slide, measured in the page. */
async function inspect(page: Page, no: number) {
  return page.evaluate(({ n, readyAttr }) => {
    const slide = document.querySelector(`.slidev-page-${n}`) as HTMLElement
    const box = slide.getBoundingClientRect()
    const outside: string[] = []
    for (const el of slide.querySelectorAll<HTMLElement>('*')) {
      const r = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      // Screen-reader-only tables are clipped to nothing by design: not visible, so not "outside".
      if (r.width <= 1 || r.height <= 1 || style.visibility === 'hidden' || el.closest('.sr-only'))
        continue
      if (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1) {
        const at = (x: DOMRect) => [x.left, x.top, x.right, x.bottom].map(Math.round).join(',')
        outside.push(`${el.tagName.toLowerCase()}.${el.className}: "${(el.textContent ?? '').slice(0, 40)}" at ${at(r)}, the slide at ${at(box)}`)
      }
    }
    const charts = [
      ...slide.querySelectorAll('canvas'),
    ].map((c) => {
      const ctx = c.getContext('2d')!
      const data = ctx.getImageData(0, 0, c.width, c.height).data
      let inked = 0
      for (let i = 3; i < data.length; i += 4 * 7) {
        if (data[i] > 0)
          inked++
      }
      const describedBy = c.getAttribute('aria-describedby')
      return {
        ready: c.getAttribute(readyAttr),
        inkedShare: inked / (data.length / (4 * 7)),
        role: c.getAttribute('role'),
        label: c.getAttribute('aria-label') ?? '',
        description: describedBy
          ? (document.getElementById(describedBy)?.textContent ?? '')
          : '',
      }
    })
    return {
      outside,
      charts,
      text: slide.innerText,
      heading: slide.querySelector('h1')?.textContent ?? null,
    }
  }, { n: no, readyAttr: READY_ATTR })
}

describe.each(['light', 'dark'] as const)('every slide, %s', (scheme) => {
  it(`all ${TOTAL} slides render cleanly: no console errors, nothing off the canvas, every chart drawn and labelled, nothing fetched from another host`, async () => {
    const page = await env.browser.newPage({
      viewport: { width: 1920, height: 1080 },
      colorScheme: scheme,
    })
    const seen = watchPage(page, { warnings: true })
    const problems: string[] = []
    let chartsSeen = 0
    for (let no = 1; no <= TOTAL; no++) {
      await openSlide(page, env.site.url, no)
      const r = await inspect(page, no)
      if (r.outside.length)
        problems.push(`slide ${no}: outside the slide: ${r.outside.slice(0, 3).join('; ')}`)
      // The reader view and the PDF bookmarks name the slide as its heading reads.
      const named = slideTitle(SLIDES[no - 1].title ?? '')
      if (r.heading === null || squash(r.heading) !== named)
        problems.push(`slide ${no}: heading "${r.heading}", named elsewhere "${named}"`)
      for (const c of r.charts) {
        chartsSeen++
        if (c.ready !== 'true')
          problems.push(`slide ${no}: a chart did not finish drawing`)
        if (c.inkedShare < 0.02)
          problems.push(`slide ${no}: chart "${c.label}" is blank`)
        if (c.role !== 'img' || !c.label)
          problems.push(`slide ${no}: a chart has no role/label for screen readers`)
        if (c.description.trim().length < 10)
          problems.push(`slide ${no}: chart "${c.label}" has no data table`)
      }
      if (!r.text.trim())
        problems.push(`slide ${no}: no text`)
    }
    await page.close()
    expect(problems).toEqual([])
    expect(seen.problems).toEqual([])
    expect(seen.foreign).toEqual([])
    expect(seen.requests).toBeGreaterThan(TOTAL)
    expect(chartsSeen).toBeGreaterThanOrEqual(10)
  })
})

/**
 * In the page, before it loads: the first time the opened slide's chart's box is measured (a ResizeObserver's first report, just
 * after the chart is made and has drawn its first frame), the page is held for 800 ms, as a loaded machine holds a
 * frame. The chart's entrance animation (700 ms) then ends in its next frame, the very frame in which the
 * correction of its first, wrong size arrives.
 */
const SLOW_FIRST_FRAME = `new MutationObserver(() => {
  for (const c of document.querySelectorAll('.slidev-page-' + location.hash.slice(2) + ' canvas:not([data-held])')) {
    c.setAttribute('data-held', '')
    new ResizeObserver((_, o) => {
      const t = performance.now()
      while (performance.now() - t < 800) {}
      o.disconnect()
    }).observe(c.parentElement)
  }
}).observe(document, { childList: true, subtree: true })`

describe('on a machine too busy to draw more than a frame or two a second', () => {
  const chartSlides = SLIDES.flatMap((s, i) => /<\w*Chart /.test(s.content)
    ? [i + 1]
    : [])

  it.each(chartSlides)('slide %i: once drawn, every chart fills its box', async (no) => {
    const context = await env.browser.newContext({
      viewport: { width: 1920, height: 1080 },
    })
    await context.addInitScript(SLOW_FIRST_FRAME)
    const page = await context.newPage()
    await page.goto(`${env.site.url}#/${no}`)
    await page.waitForSelector(`.slidev-page-${no} canvas`)
    await page.waitForFunction(everyChartReady, { scope: `.slidev-page-${no}`, attr: READY_ATTR })
    expect(await page.locator(`.slidev-page-${no} canvas`).count()).toBeGreaterThan(0)
    // Each canvas that does not fill its box, in slide pixels (offsetWidth: before the slide's scale).
    const misfits = () => page.$$eval(`.slidev-page-${no} canvas`, cs => cs.flatMap((c) => {
      const [w, h, bw, bh] = [
        (c as HTMLElement).offsetWidth,
        (c as HTMLElement).offsetHeight,
        c.parentElement!.clientWidth,
        c.parentElement!.clientHeight,
      ]
      return Math.abs(w - bw) > 1 || Math.abs(h - bh) > 1
        ? [`canvas ${w}x${h} in a box ${bw}x${bh}`]
        : []
    }))
    await expect.poll(misfits).toEqual([])
    await context.close()
  })
})

describe('what the first view loads', () => {
  // chart.js is the file holding its own error message; the build names its chunk after a chart module.
  const chartJs = readdirSync(join(SITE_DIR, 'assets'), { recursive: true, encoding: 'utf8' })
    .filter(f => f.endsWith('.js'))
    .filter(f => readFileSync(join(SITE_DIR, 'assets', f), 'utf8').includes('can\'t acquire context from the given item'))

  /** What a first visit to slide `no` requests until the network is quiet; `look` reads the page before it closes. */
  async function scriptsFor(no: number, look: (page: Page) => Promise<void> = async () => {}): Promise<string[]> {
    const page = await env.browser.newPage({
      viewport: { width: 1920, height: 1080 },
    })
    const seen: string[] = []
    page.on('request', r => seen.push(new URL(r.url()).pathname))
    await openSlide(page, env.site.url, no)
    await page.waitForLoadState('networkidle')
    await look(page)
    await page.close()
    return seen
  }
  /** Slide 1's requests, loaded once for the checks below that only read them. */
  let slide1: Promise<string[]> | undefined
  const slide1Requests = () => (slide1 ??= scriptsFor(1))

  it('slide 1 does not load chart.js; a chart slide does', async () => {
    expect(chartJs).toHaveLength(1)
    const file = `${BASE}assets/${chartJs[0]}`
    expect(readFileSync(join(SITE_DIR, 'index.html'), 'utf8'), 'index.html preloads chart.js').not.toContain(chartJs[0])
    expect(await slide1Requests()).not.toContain(file)
    expect(await scriptsFor(6)).toContain(file)
  })

  it('slide 1 fetches no script, style or font that index.html does not name, and uses each font it preloads', async () => {
    let added: string[] = []
    let usedWeights: string[] = []
    const fetched = await scriptsFor(1, async (page) => {
      await page.evaluate(() => document.fonts.ready)
      // Named in index.html: its own tags, and the links its inline script adds (marked data-first-view);
      // Vite adds links of its own as modules load, which do not count.
      added = await page.$$eval('link[data-first-view]', links => links.map(l => new URL((l as HTMLLinkElement).href).pathname))
      usedWeights = await page.evaluate(() =>
        [...document.fonts].filter(f => f.family.replace(/["']/g, '') === 'Inter' && f.status === 'loaded').map(f => f.weight),
      )
    })
    const html = readFileSync(join(SITE_DIR, 'index.html'), 'utf8')
    const tagged = [
      ...html.matchAll(/<(?:link|script)\s[^>]*?(?:href|src)="([^"]+)"/g),
    ].map(m => m[1])
    const named = new Set([
      ...tagged,
      ...added,
    ])

    const files = fetched.filter(p => /\.(js|css|woff2)$/.test(p))
    expect(files.length).toBeGreaterThan(10)
    expect(added.length).toBeGreaterThan(5)
    expect(files.filter(p => !named.has(p)), 'fetched on slide 1 but not preloaded (vite/first-view.ts)').toEqual([])
    const preloadedWeights = tagged.flatMap(p => /\/inter-(\d+)-[\w-]+\.woff2$/.exec(p)?.[1] ?? []).sort()
    expect(preloadedWeights.length).toBeGreaterThan(0)
    expect(usedWeights.sort(), 'Inter weights slide 1 uses').toEqual(preloadedWeights)
  })

  // Parts of Slidev's client the deck never uses, which vite/first-view.ts (leanClientPlugin) keeps out. Each is
  // known by a string its own library file holds and minifying keeps; a slide that starts using `v-mark`
  // or a code block brings its library back, and then that line goes.
  const UNUSED = [
    { what: 'Vue\'s template compiler', library: '@vue/compiler-core/dist/compiler-core.esm-bundler.js', marker: 'COMPILER_V_BIND_SYNC' },
    { what: 'the yaml parser', library: 'yaml/browser/dist/schema/tags.js', marker: 'tag:yaml.org,2002' },
    { what: 'rough-notation (v-mark)', library: '@slidev/rough-notation/dist/index.mjs', marker: 'rough-annotation' },
    { what: 'twoslash\'s hover cards', library: '@shikijs/vitepress-twoslash/dist/client.mjs', marker: 'twoslash-query' },
  ]

  it.each(UNUSED)('slide 1 does not load $what', async ({ library, marker }) => {
    expect(readFileSync(join('node_modules', library), 'utf8'), `${library} no longer holds the marker`).toContain(marker)
    const scripts = (await slide1Requests()).filter(p => p.endsWith('.js'))
    expect(scripts.length).toBeGreaterThan(5)
    const carrying = scripts.filter(p => readFileSync(join(SITE_DIR, p.slice(BASE.length)), 'utf8').includes(marker))
    expect(carrying).toEqual([])
  })
})

describe('the claims on the built site', () => {
  it('every slide and its speaker notes say exactly what the claims register holds', async () => {
    const page = await env.browser.newPage({
      viewport: { width: 1920, height: 1080 },
    })
    const seen = watchPage(page)
    // The same extraction the unit tests run on their rendering, here inside Chromium on the real site: the
    // presenter's copy, whose presenter view shows every note (the directors' site has none).
    const extract = `(${extractClaims.toString()})`
    const deck = []
    for (let no = 1; no <= TOTAL; no++) {
      await openSlide(page, env.presenterSite.url, no)
      const slide: string[] = await page.evaluate(`${extract}(document.querySelector('.slidev-page-${no}'))`)
      await page.goto(`${env.presenterSite.url}#/presenter/${no}`)
      // Every slide has notes: wait until this one's are shown.
      await page.waitForFunction(n => location.hash === `#/presenter/${n}` && document.querySelector('.slidev-note')?.textContent?.trim(), no)
      const notes: string[] = await page.evaluate(`${extract}(document.querySelector('.slidev-note'))`)
      deck.push({
        no,
        title: SLIDES[no - 1].title ?? `slide ${no}`,
        slide,
        notes,
      })
    }
    await page.close()
    expect(seen.foreign).toEqual([])
    expect(deck.flatMap(s => s.slide).length).toBeGreaterThan(150)
    expect(compareWithRegister(deck, REGISTER).map(p => p.message)).toEqual([])
  })
})

describe('navigation on a plain static host under /board/', () => {
  it('a deep link to a slide opens that slide, and reloading keeps it', async () => {
    const page = await env.browser.newPage({
      viewport: { width: 1920, height: 1080 },
    })
    const seen = watchPage(page)
    const target = SLIDES.findIndex(s => /troubled sessions/.test(s.title ?? '')) + 1
    await openSlide(page, env.site.url, target)
    await page.reload()
    await page.waitForSelector(`.slidev-page-${target}`)
    expect(await page.locator(`.slidev-page-${target} h1`).innerText()).toMatch(/troubled sessions/)
    // The browser tab and a bookmark name the deck, not the tool it was built with.
    expect(await page.title()).toBe(SLIDES[0].title)
    await page.close()
    expect(seen.foreign).toEqual([])
  })

  it('the site answers only under its base path, so assets resolve against /board/', async () => {
    const root = await fetch(env.site.url.replace('/board/', '/'))
    expect(root.status).toBe(404)
    const index = await (await fetch(env.site.url)).text()
    expect(index).toContain('/board/assets/')
  })

  it('the presenter’s copy: its presenter view opens and shows the speaker notes, cues included', async () => {
    const page = await env.browser.newPage({
      viewport: { width: 1920, height: 1080 },
    })
    const seen = watchPage(page)
    const withCue = SLIDES.findIndex(s => (s.note ?? '').includes('Presenter: walk the bars')) + 1
    await page.goto(`${env.presenterSite.url}#/presenter/${withCue}`)
    await page.waitForSelector('.slidev-note')
    expect(squash(await page.locator('.slidev-note').first().innerText())).toContain('Presenter: walk the bars')
    await page.close()
    expect(seen.foreign).toEqual([])
  })

  it('the presenter’s copy: its presenter view shows the pace against the ten-minute plan, and says when a slide is pre-read', async () => {
    const page = await env.browser.newPage({
      viewport: { width: 1920, height: 1080 },
    })
    const main = SLIDES.map((s, i) => ({ s, no: i + 1 })).filter(({ s }) => s.frontmatter.part === 'main')
    // The plan at the fourth main slide: the budgets of the three before it.
    const at = main[3]
    const planned = main.slice(0, 3).reduce((t, { s }) => t + Number(s.frontmatter.minutes) * 60, 0)
    const clock = `${Math.floor(planned / 60)}:${String(planned % 60).padStart(2, '0')}`
    await page.goto(`${env.presenterSite.url}#/presenter/${at.no}`)
    await expect.poll(() => page.locator('[data-pace]').innerText(), { timeout: 15_000 }).toBe(`Plan: start this slide at ${clock}`)
    const pre = SLIDES.findIndex(s => s.frontmatter.part === 'pre-read') + 1
    await page.goto(`${env.presenterSite.url}#/presenter/${pre}`)
    await expect.poll(() => page.locator('[data-pace]').innerText(), { timeout: 15_000 }).toContain('Pre-read slide')
    // The audience never sees it.
    await openSlide(page, env.presenterSite.url, at.no)
    expect(await page.locator('[data-pace]').count()).toBe(0)
    await page.close()
  })

  it('the presenter’s copy: a start button always in view counts down the main story’s budget, and goes once started', async () => {
    const page = await env.browser.newPage({
      viewport: { width: 1280, height: 720 },
    })
    await page.goto(`${env.presenterSite.url}#/presenter/1`)
    const start = page.locator('[data-start-timer]')
    await expect.poll(() => start.isVisible(), { timeout: 15_000 }).toBe(true)
    expect(await start.innerText()).toBe(`Start the ${MAIN_STORY_MINUTES}-minute countdown`)
    // Slidev's own clock shows the whole budget before the start.
    const clockText = () => page.locator('#app').innerText()
    expect(await clockText()).toContain(`${MAIN_STORY_MINUTES}:00`)
    await start.click()
    await expect.poll(() => start.count(), { timeout: 5_000 }).toBe(0)
    // Counting down: the clock leaves the full budget.
    await expect.poll(clockText, { timeout: 5_000 }).toMatch(new RegExp(`\\b${MAIN_STORY_MINUTES - 1}:5\\d\\b`))
    await page.close()
  })

  it('a phone opening a slide link is offered the reader view at that slide; a desktop is not', async () => {
    const phone = await env.browser.newPage({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
    })
    await phone.goto(`${env.site.url}#/5`)
    const offer = phone.locator('[data-phone-reader-offer]')
    await expect.poll(() => offer.isVisible(), { timeout: 15_000 }).toBe(true)
    // Set at the phone's own size, not shrunk with the slide.
    expect(await offer.evaluate(el => Number.parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16)
    await offer.getByText('Open the reader view').click()
    await expect.poll(() => phone.url()).toContain('#/read#slide-5')
    await phone.waitForSelector('.reader__entry')
    expect(await offer.count()).toBe(0)
    // Declined, it stays away for the visit.
    await phone.goto(`${env.site.url}#/6`)
    await expect.poll(() => offer.isVisible(), { timeout: 15_000 }).toBe(true)
    await offer.getByText('Stay on the slides').click()
    expect(await offer.count()).toBe(0)
    await phone.close()
    const desktop = await env.browser.newPage({
      viewport: { width: 1280, height: 720 },
    })
    await openSlide(desktop, env.site.url, 5)
    expect(await desktop.locator('[data-phone-reader-offer]').count()).toBe(0)
    await desktop.close()
  })
})

describe('the page marking on screen: the presenter may hide it, print keeps it', () => {
  it('the switch in the presenter’s controls hides the marking in both windows, holds across a reload, and shows it again', async () => {
    const context = await env.browser.newContext({
      viewport: { width: 1920, height: 1080 },
    })
    const presenter = await context.newPage()
    const audience = await context.newPage()
    const no = 3
    const mark = (page: Page) => page.locator(`.slidev-page-${no} [data-page-mark], [data-page-mark]`).first()
    await presenter.goto(`${env.presenterSite.url}#/presenter/${no}`)
    await openSlide(audience, env.presenterSite.url, no)
    await expect.poll(() => mark(audience).isVisible()).toBe(true)
    expect(squash(await mark(audience).innerText())).toBe(pageMark(no, TOTAL))
    const toggle = presenter.locator('[data-page-mark-toggle]').first()
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')
    await toggle.click({ force: true }) // the navigation bar fades in on hover; the switch is there either way
    expect(await toggle.getAttribute('aria-pressed')).toBe('false')
    // The audience's window follows (localStorage's storage event), and a reload keeps it hidden.
    await expect.poll(() => mark(audience).isVisible(), { timeout: 15_000 }).toBe(false)
    await openSlide(audience, env.presenterSite.url, no)
    await expect.poll(() => audience.locator('[data-page-mark]').first().isVisible()).toBe(false)
    // Print, which the PDFs and the PowerPoint are made from, carries it switch or not: the built site has no print
    // view, so tests/page-mark.test.ts checks that in print mode, and the exported PDF's pages carry it (below).
    // Switched back on, it shows again.
    await toggle.click({ force: true })
    await openSlide(audience, env.presenterSite.url, no)
    await expect.poll(() => audience.locator('[data-page-mark]').first().isVisible()).toBe(true)
    await context.close()
  })
})

describe('presenter-only text stays with the presenter', () => {
  /** Every file of a built site, with its path. */
  const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter(d => d.isFile()).map(d => join(d.parentPath, d.name))
  /** The cue as slides.md writes it: "Presenter:" opening a paragraph, then words ("isPresenter:" in Slidev's code is not one). */
  const CUE = /(?<![A-Za-z])Presenter:\s*[A-Za-z]/
  const cueParagraphs = SLIDES.flatMap(s => (s.note ?? '').split(/\n\s*\n/).map(p => p.trim()).filter(p => p.startsWith(PRESENTER_CUE)))

  /** Where a file holds a presenter cue, or the first words of one of slides.md's cue paragraphs. */
  async function cuesIn(paths: string[]): Promise<string[]> {
    const found: string[] = []
    for (const file of paths) {
      const text = file.endsWith('.pptx')
        ? (await Promise.all(Object.values((await JSZip.loadAsync(readFileSync(file))).files).filter(f => f.name.endsWith('.xml')).map(f => f.async('string')))).join('\n')
        : file.endsWith('.pdf')
          ? pdfText(file)
          : readFileSync(file, 'latin1')
      const flat = squash(text)
      if (CUE.test(text))
        found.push(`${file}: ${CUE.exec(text)![0]}`)
      for (const p of cueParagraphs) {
        const words = squash(p.slice(PRESENTER_CUE.length)).slice(0, 40)
        if (flat.includes(words))
          found.push(`${file}: “${words}”`)
      }
    }
    return found
  }

  it('no file of the directors’ site holds a presenter cue or the words of one (PDF and PowerPoint included)', async () => {
    expect(cueParagraphs.length).toBeGreaterThan(3)
    expect(await cuesIn(files(SITE_DIR))).toEqual([])
  })

  it('nor does any file the exporters write by hand (npm run export, export:pptx, export:handout): only the notes PDF, named for the presenter', async () => {
    const made = files(EXPORT_DIR)
    const forDirectors = made.filter(f => basename(f) !== PRESENTER_NOTES_FILE)
    expect(forDirectors.map(f => basename(f)).sort()).toEqual([`${DECK}-handout.pdf`, `${DECK}.pdf`, `${DECK}.pptx`])
    expect(await cuesIn(forDirectors)).toEqual([])
    // The test can see a cue: the presenter's notes PDF, made beside them, has every one.
    expect((await cuesIn(made.filter(f => basename(f) === PRESENTER_NOTES_FILE))).length).toBeGreaterThanOrEqual(cueParagraphs.length)
  })

  it('npm run pack: one folder named by reference and version, every file so named, steps counted, no cue in a director’s file, one paper size', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pack-'))
    const releases = mkdtempSync(join(tmpdir(), 'releases-'))
    const run = spawnSync('npm', [
      'run',
      'pack',
      '--',
      '--out',
      out,
      '--releases',
      releases,
    ], { encoding: 'utf8', timeout: 600_000 })
    expect(run.status, run.stderr).toBe(0)
    const name = `${PAPER.reference.replace(/\//g, '-')}-v${PAPER.version}`
    expect(readdirSync(out)).toEqual([name])
    const folder = join(out, name)
    const made = readdirSync(folder).sort()
    expect(made).toEqual([
      `${name}-${DECK}-handout.pdf`,
      `${name}-${DECK}.pdf`,
      `${name}-${DECK}.pptx`,
      `${name}-${PRESENTER_NOTES_FILE}`,
      `${name}-changes.json`,
      `${name}-figures.csv`,
    ].sort())
    // Numbered steps, each with its time.
    const steps = run.stdout.match(/^\[(\d+)\/(\d+)\] done in \d+ s/gm) ?? []
    expect(steps.length).toBeGreaterThanOrEqual(6)
    expect(steps.at(-1)).toMatch(new RegExp(`^\\[${steps.length}/${steps.length}\\]`))
    // No presenter cue in any file for the directors; the notes, named for the presenter, have them all.
    const notes = join(folder, `${name}-${PRESENTER_NOTES_FILE}`)
    expect(await cuesIn(made.map(f => join(folder, f)).filter(f => f !== notes))).toEqual([])
    expect((await cuesIn([notes])).length).toBeGreaterThanOrEqual(cueParagraphs.length)
    // The handout and the notes on the one paper size, with dates in the deck's one style.
    const size = PAPER.paperSize === 'A4'
      ? /\(A4\)/
      : /\(letter\)/
    for (const f of [
      notes,
      join(folder, `${name}-${DECK}-handout.pdf`),
    ]) expect(pdfInfo(f)['Page size']).toMatch(size)
    expect(pdfText(notes)).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/)
    expect(pdfText(notes)).toContain(`Speaker notes for version ${PAPER.version}`)
    // And it recorded what this version says, where it was told to.
    expect(JSON.parse(readFileSync(join(releases, `version-${PAPER.version}.json`), 'utf8'))).toMatchObject({ version: PAPER.version, reference: PAPER.reference })
  }, 620_000)

  it('the directors’ site keeps the reader text and the likely questions', () => {
    const js = files(SITE_DIR).filter(f => f.endsWith('.js')).map(f => readFileSync(f, 'utf8')).join('\n')
    expect(js).toContain('Likely question')
    expect(js).toContain('What follows: what the study found')
  })

  it('the directors’ site has no presenter view: #/presenter shows no notes', async () => {
    const page = await env.browser.newPage({
      viewport: { width: 1920, height: 1080 },
    })
    // The route resolved, one way or the other: the presenter view with its current slide drawn (by when the
    // presenter's copy shows its notes), or Slidev's "not found" page.
    const presenterView = async (siteUrl: string) => {
      await page.goto(`${siteUrl}#/presenter/2`)
      await page.waitForFunction(() => document.querySelector('.slidev-presenter .slidev-page-2 .slidev-layout h1')
        || /not found/.test(document.querySelector('#app')?.textContent ?? ''))
    }
    await presenterView(env.presenterSite.url)
    expect(await page.locator('.slidev-note').count(), 'notes in the presenter\'s copy').toBeGreaterThan(0)
    await presenterView(env.site.url)
    expect(await page.locator('#app').textContent()).toContain('/presenter/2 not found')
    expect(await page.locator('.slidev-note').count()).toBe(0)
    expect(await page.locator('[data-pace]').count()).toBe(0)
    expect(await page.content()).not.toMatch(CUE)
    await page.close()
  })

  it('the presenter’s copy still carries every cue', () => {
    const js = files(PRESENTER_SITE_DIR).filter(f => f.endsWith('.js')).map(f => readFileSync(f, 'utf8')).join('\n')
    for (const p of cueParagraphs) expect(js).toContain(p.slice(0, 40))
  })
})

describe('downloads at the site root', () => {
  it('changes.json says what changed since the previous version, as the last pre-read page does: for version one, the first issue', async () => {
    const json = await (await fetch(`${env.site.url}changes.json`)).json()
    expect(json.version).toBe(PAPER.version)
    if (PAPER.version === 1) {
      expect(json).toEqual({
        version: 1,
        status: 'first-issue',
        since: null,
        sinceIssuedOn: null,
        changes: [],
      })
    }
    const page = await env.browser.newPage({
      viewport: { width: 1920, height: 1080 },
    })
    await openSlide(page, env.site.url, TOTAL)
    const last = page.locator(`.slidev-page-${TOTAL} [data-changes]`)
    expect(await last.getAttribute('data-changes-status')).toBe(json.status)
    expect(SLIDES[TOTAL - 1].frontmatter.part).toBe('pre-read')
    if (json.status === 'first-issue')
      expect(squash(await last.innerText())).toContain(`Version ${PAPER.version} is the first issue of this paper`)
    await page.close()
  })

  it('figures.json lists every figure with its source and quote', async () => {
    const json = await (await fetch(`${env.site.url}figures.json`)).json()
    expect(json.figures).toHaveLength(FIGURES.length)
    const row = json.figures.find((r: { id: string }) => r.id === 'success.intermediatePlus.verified')
    expect(row).toMatchObject({
      value: null,
      lo: 28,
      hi: 33,
      unit: 'percent',
      locator: 'The returns to expertise, Figure 5',
    })
    expect(row.source).toContain('https://www.anthropic.com/research/claude-code-expertise')
    expect(row).toMatchObject({ derivedFrom: null, formula: null })
    const derived = json.figures.filter((r: { derivedFrom: string[] | null }) => r.derivedFrom)
    expect(derived.map((r: { id: string }) => r.id).sort()).toEqual(FIGURES.filter(f => f.derivation).map(f => f.id).sort())
  })

  it('figures.csv has the documented columns and a row per figure', async () => {
    const csv = await (await fetch(`${env.site.url}figures.csv`)).text()
    const lines = csv.trim().split('\r\n')
    expect(lines[0]).toBe('id,label,value,lo,hi,unit,qualifier,source,locator,quote,derived_from,formula')
    expect(lines).toHaveLength(FIGURES.length + 1)
    // A derived figure says what it was computed from, so a reader of the CSV can tell.
    expect(lines.find(l => l.startsWith('"shift.fixing.relativeDecline"'))).toContain('"shift.fixing.apr shift.fixing.oct","(shift.fixing.apr − shift.fixing.oct) ÷ shift.fixing.oct × 100 = (19 − 33) ÷ 33 × 100"')
  })

  it('static hosts get the same headers (_headers) and a robots.txt that keeps crawlers out', async () => {
    const headers = readFileSync(join(SITE_DIR, '_headers'), 'utf8')
    expect(headers).toContain('/board/*\n  Content-Security-Policy: default-src \'self\';')
    expect(headers).toMatch(/^\/board\/\*\n(?: {2}.*\n)* {2}Cache-Control: no-store\n$/)
    expect(await (await fetch(`${env.site.url}robots.txt`)).text()).toBe('User-agent: *\nDisallow: /\n')
  })

  it('the deck PDF is served from the site root', async () => {
    const res = await fetch(`${env.site.url}board-deck-agentic-coding.pdf`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
  })
})

describe('the exported PDFs', () => {
  it('the deck PDF, the notes and the handout set every word in Inter: no fallback font is embedded (poppler’s pdffonts)', () => {
    for (const pdf of [
      DECK_PDF,
      NOTES_PDF,
      join(EXPORT_DIR, 'board-deck-agentic-coding-handout.pdf'),
    ]) {
      const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter(Boolean).map(l => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''))
      expect(fonts.length, pdf).toBeGreaterThan(0)
      expect(fonts.filter(f => !f.startsWith('Inter')), pdf).toEqual([])
    }
  })

  it('the deck PDF has one page per slide, each marked with the paper\'s reference, classification and "page N of M"', () => {
    expect(pdfPages(DECK_PDF)).toBe(TOTAL)
    for (let no = 1; no <= TOTAL; no++) expect(squash(pdfText(DECK_PDF, no)), `page ${no}`).toContain(pageMark(no, TOTAL))
  })

  it('every page of the deck PDF says which part of the paper it is: the main story, then the pre-read', () => {
    const marks = SLIDES.map((_, i) => squash(pdfText(DECK_PDF, i + 1)))
    const expected = SLIDES.map(s => (s.frontmatter.part === 'main'
      ? 'FOR THE MEETING'
      : 'PRE-READ'))
    // The mark is set in capitals; running text that mentions "the pre-read" is not a mark.
    expect(marks.map(t => (/\bPRE-READ\b/.test(t)
      ? 'PRE-READ'
      : /\bFOR THE MEETING\b/.test(t)
        ? 'FOR THE MEETING'
        : 'unmarked'))).toEqual(expected)
    expect(expected).toContain('PRE-READ')
    expect(expected[0]).toBe('FOR THE MEETING')
  })

  it('its text includes each data slide\'s takeaway, as rendered on the slide', async () => {
    const text = squash(pdfText(DECK_PDF))
    const page = await env.browser.newPage({
      viewport: { width: 1920, height: 1080 },
    })
    const missing: string[] = []
    let checked = 0
    for (let no = 1; no <= TOTAL; no++) {
      if (!/<(BarChart|SplitBarChart|SlopeChart)\b/.test(SLIDES[no - 1].content))
        continue
      await openSlide(page, env.site.url, no)
      const takeaway = squash(await page.locator(`.slidev-page-${no} h1 + p strong`).first().innerText())
      checked++
      // pdftotext joins a word broken at its hyphen at a line's end ("software-" + "related" → "softwarerelated").
      const unhyphenated = (t: string) => t.replace(/-/g, '')
      if (!unhyphenated(text).includes(unhyphenated(takeaway)))
        missing.push(`slide ${no}: ${takeaway}`)
    }
    await page.close()
    expect(checked).toBeGreaterThanOrEqual(7)
    expect(missing).toEqual([])
  })

  it('is a board-pack PDF: tagged, with its language, title, author and subject', async () => {
    const info = pdfInfo(DECK_PDF)
    expect(info.Tagged).toBe('yes')
    expect(info.Title).toBe(`${PAPER.reference}: ${SLIDES[0].title}`)
    expect(info.Author).toBe(PLAN.setBy)
    expect(info.Subject).toMatch(/^Board paper on Anthropic's study/)
    // The paper's particulars: its meeting, version and status, and the resolution; the keywords index them.
    expect(info.Subject).toContain(`${meetingLine()}, agenda item ${PAPER.agendaItem}. ${versionLine()}. ${PAPER.purpose}: ${resolutionText()}`)
    const keywords = await PDFDocument.load(readFileSync(DECK_PDF), { updateMetadata: false }).then(d => d.getKeywords())
    expect(keywords).toBe(paperKeywords().join('; '))
    const doc = await PDFDocument.load(readFileSync(DECK_PDF), { updateMetadata: false })
    expect(String(doc.catalog.get(PDFName.of('Lang')))).toBe('(en)')
  })

  it('has one bookmark per slide, named by its title, pointing at its page', () => {
    expect(pdfBookmarks(DECK_PDF)).toEqual(SLIDES.map((s, i) => ({
      page: i + 1,
      title: slideTitle(s.title!),
    })))
  })

  it('carries each chart’s values as text on the chart’s page, as the slide writes them', () => {
    const missing: string[] = []
    let checked = 0
    SLIDES.forEach((s, i) => {
      const text = squash(pdfText(DECK_PDF, i + 1))
      for (const m of s.content.matchAll(/<(?:BarChart|SplitBarChart|SlopeChart) chart="([^"]+)"/g)) {
        for (const row of tableRows(CHARTS[m[1] as ChartId])) {
          checked++
          if (!text.includes(`${row.label} ${row.value}`))
            missing.push(`page ${i + 1}, ${m[1]}: ${row.label} ${row.value}`)
        }
      }
    })
    // Every row of every chart a slide draws was looked for: the count is the charts' own, not a number typed here.
    const drawn = SLIDES.flatMap(s => [
      ...s.content.matchAll(/<(?:BarChart|SplitBarChart|SlopeChart) chart="([^"]+)"/g),
    ].map(m => m[1] as ChartId))
    expect(drawn.length).toBeGreaterThan(5)
    expect(checked).toBe(drawn.reduce((n, id) => n + tableRows(CHARTS[id]).length, 0))
    expect(missing).toEqual([])
  })

  it('click-by-click builds print in their final state', () => {
    const text = squash(pdfText(DECK_PDF))
    expect(text).toContain('Each pilot team writes a short charter')
    expect(text).toContain('Teams with a charter (the charter register, not the analytics)')
  })

  it('the notes PDF exists and carries the speaker notes', () => {
    expect(existsSync(NOTES_PDF)).toBe(true)
    expect(squash(pdfText(NOTES_PDF))).toContain('Presenter: open with the thesis in one breath')
  })

  it('every page of the notes PDF and of the handout carries the paper\'s reference, classification and "page N of M"', () => {
    for (const pdf of [
      NOTES_PDF,
      join(EXPORT_DIR, 'board-deck-agentic-coding-handout.pdf'),
    ]) {
      const pages = pdfPages(pdf)
      expect(pages, pdf).toBeGreaterThan(1)
      for (let no = 1; no <= pages; no++) expect(squash(pdfText(pdf, no)), `${pdf}, page ${no}`).toContain(pageMark(no, pages))
    }
  })

  it('the deck PDF\'s first page is the paper\'s cover: reference, meeting and date, version and status, purpose with the resolution, classification', () => {
    const cover = squash(pdfText(DECK_PDF, 1))
    for (const part of [
      PAPER.reference,
      meetingLine(),
      `${PAPER.version} (${PAPER.status})`,
      PAPER.purpose.toUpperCase(),
      resolution().opening,
      PAPER.classification.toUpperCase(),
    ])
      expect(cover).toContain(part)
    for (const limb of resolution().limbs) expect(cover).toContain(squash(limb).slice(0, 60))
  })
})

describe('the what-if slide on the built site', () => {
  const no = SLIDES.findIndex(s => /rates would mean here/.test(s.title ?? '')) + 1
  const verifiedToday = (page: Page) => page.locator(`.slidev-page-${no} [data-row^="Verified"] [data-col="today"]`).innerText()

  it('moving a control changes the outputs and the URL; the URL restores it; reset brings back the defaults', async () => {
    expect(no).toBeGreaterThan(0)
    const page = await env.browser.newPage({
      viewport: { width: 1920, height: 1080 },
    })
    const seen = watchPage(page, { warnings: true })
    await openSlide(page, env.site.url, no)
    const before = await verifiedToday(page)
    expect(before).toMatch(/^[\d,]+–[\d,]+$/)

    await page.fill('#wi-people', '1000')
    await page.press('#wi-people', 'Enter')
    await expect.poll(() => verifiedToday(page)).not.toBe(before)
    await expect.poll(() => page.url()).toContain('people=1000')
    const changed = await verifiedToday(page)

    // The link restores the scenario on a fresh load.
    const link = page.url()
    await page.goto('about:blank')
    await page.goto(link)
    await page.waitForSelector('#wi-people')
    expect(await page.inputValue('#wi-people')).toBe('1000')
    expect(await verifiedToday(page)).toBe(changed)

    // Out-of-range input is clamped with a visible message, never NaN.
    await page.fill('#wi-people', '-5')
    await page.press('#wi-people', 'Enter')
    await expect.poll(() => page.locator(`.slidev-page-${no} .message`).first().innerText()).toContain('cannot be below 0')
    expect(await verifiedToday(page)).toBe('0')
    expect(await page.locator(`.slidev-page-${no}`).innerText()).not.toContain('NaN')

    // The slider moves the same value, from the keyboard.
    const novice = Number(await page.inputValue('#wi-noviceShare'))
    await page.focus('#wi-noviceShare-range')
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => page.inputValue('#wi-noviceShare')).toBe(String(novice + 1))

    await page.click('text=Reset to defaults')
    await expect.poll(() => page.url()).not.toContain('people=')
    expect(await verifiedToday(page)).toBe(before)
    expect(seen.problems).toEqual([])
    expect(seen.foreign).toEqual([])
    await page.close()
  })

  it('the PDF shows the default scenario with its assumptions written out', () => {
    expect(squash(pdfText(DECK_PDF))).toMatch(/Default scenario: [\d,]+ people ×/)
  })
})

describe('offline', () => {
  // Every test above that opens a page checks its own requests; this one stands alone, whatever runs first.
  it('the first slide, the presenter view and the reader view fetch nothing from another host', async () => {
    const page = await env.browser.newPage({
      viewport: { width: 1920, height: 1080 },
    })
    const seen = watchPage(page)
    await openSlide(page, env.site.url, 1)
    await page.goto(`${env.presenterSite.url}#/presenter/1`)
    await page.waitForSelector('.slidev-note')
    await page.goto(`${env.site.url}#/read`)
    await page.waitForSelector('.reader__entry')
    await page.close()
    expect(seen.requests).toBeGreaterThan(10)
    expect(seen.foreign).toEqual([])
  })
})
