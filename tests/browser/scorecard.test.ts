// The "Since the last meeting" section in both states, in real Chromium on built sites:
// - no scorecard data (an empty scorecard folder, whatever data/scorecard/ holds): one slide that lists the measures, no number;
// - two synthetic quarters (tests/fixtures/scorecard), imported and built with the README's commands:
//   the scorecard and four concern slides, every chart drawn in light and dark, the what-if slide starting
//   from the measured people, and no email anywhere in the site, the PDF or the PowerPoint.
// Expected numbers are counted here from the fixture's raw pages, not by the code under test.
import type { Browser, Page } from 'playwright-chromium'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatDate } from '../../data/format'
import { pageMark, PAPER } from '../../data/paper'
import { PLAN } from '../../data/plan'
import { convertToPdf } from '../../scripts/install/libreoffice.ts'
import { serveStatic } from '../../scripts/lib/static-server.ts'
import { SCORECARD_CHART_ATTR } from '../../shared/dom-hooks'
import { deckSlides } from '../helpers/deck'
import { npx, slidevBuild } from '../helpers/npx'
import { activePeopleIn, fixtureEmails, importFixtureQuarters } from '../helpers/scorecardFixture'
import { BASE, launch, openSlide, pdfText, squash, watchPage } from './helpers'

const DATA_SITE = resolve('test-results/site-scorecard')
const NO_DATA_SITE = resolve('test-results/site-no-scorecard')
const DECK = 'board-deck-agentic-coding'
const EMPTY_TITLE = 'Our own measures: no quarter measured yet'
const DATA_TITLES = deckSlides(undefined, true).filter(s => s.frontmatter.scorecard === 'data').map(s => s.title!)

const emails = fixtureEmails()

/** Every chart table of the current slide: caption → rows of cells. */
function chartTables(page: Page, no: number) {
  return page.$$eval(`.slidev-page-${no} figure[${SCORECARD_CHART_ATTR}] table`, tables =>
    tables.map(t => ({
      caption: t.querySelector('caption')!.textContent!.trim(),
      head: [
        ...t.querySelectorAll('thead th'),
      ].map(c => c.textContent!.trim()),
      rows: [
        ...t.querySelectorAll('tbody tr'),
      ].map(r => [...r.children].map(c => c.textContent!.trim())),
    })))
}

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

describe('no scorecard data: one slide says what will be measured', () => {
  let site: { url: string, close: () => Promise<void> }
  beforeAll(async () => {
    // Slidev's build alone is enough here; the full build (PDF, PowerPoint) runs for the data state below.
    const empty = mkdtempSync(join(tmpdir(), 'no-scorecard-'))
    const build = npx(slidevBuild(NO_DATA_SITE, BASE), { SCORECARD_DIR: empty }, { stdio: 'inherit' })
    expect(build.status).toBe(0)
    site = await serveStatic(NO_DATA_SITE, BASE)
  }, 300_000)
  afterAll(() => site?.close())

  it('the slide after the asks lists the measures and when the first reading is due, with no chart and no number of ours', async () => {
    const slides = deckSlides(undefined, false)
    const no = slides.findIndex(s => s.title === EMPTY_TITLE) + 1
    expect(no).toBe(slides.findIndex(s => s.title?.startsWith('The pilot')) + 2) // in the main story, after the risks
    const page = await browser.newPage({
      viewport: { width: 1920, height: 1080 },
    })
    const { problems } = watchPage(page)
    await openSlide(page, site.url, no)
    const text = squash(await page.locator(`.slidev-page-${no}`).innerText())
    expect(text).toContain('No quarter measured yet')
    expect(text).toMatch(/The first reading of our Claude Code analytics covers Q\d \d{4}, which closes on \d+ \w+ \d{4}/)
    // When it is due, counted from the meeting this paper goes to.
    expect(text).toMatch(/it is due at the Board meeting of \d+ \w+ \d{4}, the \w+ meeting[\w ]* after this one \(\d+ \w+ \d{4}\)/)
    expect(text).toContain(`after this one (${formatDate(PLAN.meetings[PAPER.meeting].date)})`)
    for (const name of [
      'Active people',
      'Sessions per person per week',
      'Sessions with a commit or pull request',
      'Edit acceptance rate',
      'Estimated cost per active person per month',
      'Estimated cost per session',
    ]) expect(text).toContain(name)
    expect(text).toContain('a proxy, not the study’s measure')
    expect(text).toContain('Each measure is defined in the pre-read, “The measures, defined”')
    expect(await page.locator(`.slidev-page-${no} canvas`).count()).toBe(0)
    expect(squash(await page.locator('.slide-no').first().innerText())).toBe(pageMark(no, deckSlides(undefined, false).length))
    expect(problems).toEqual([])
    await page.close()
  })
})

describe('two quarters of synthetic data, imported and built as the README says', () => {
  let site: { url: string, close: () => Promise<void> }
  let scorecardDir = ''
  const dataSlides = deckSlides(undefined, true)
  const noOf = (title: string) => dataSlides.findIndex(s => s.title === title) + 1

  beforeAll(async () => {
    const { scorecard } = importFixtureQuarters()
    scorecardDir = scorecard
    if (!(process.env.SKIP_SITE_BUILD && existsSync(join(DATA_SITE, 'index.html')))) {
      const build = spawnSync('npm', ['run', 'build'], {
        stdio: 'inherit',
        env: {
          ...process.env,
          SCORECARD_DIR: scorecard,
          BASE,
          OUT_DIR: DATA_SITE,
        },
      })
      expect(build.status).toBe(0)
    }
    site = await serveStatic(DATA_SITE, BASE)
  }, 600_000)
  afterAll(() => site?.close())

  it('the section replaces the no-data slide: the scorecard in the main story after the risks, four concern slides in the pre-read', () => {
    expect(DATA_TITLES).toHaveLength(5)
    expect(noOf(DATA_TITLES[0])).toBe(dataSlides.findIndex(s => s.title?.startsWith('The pilot')) + 2)
    expect(dataSlides[noOf(DATA_TITLES[0]) - 1].frontmatter.part).toBe('main')
    for (const t of DATA_TITLES.slice(1)) expect(dataSlides[noOf(t) - 1].frontmatter.part, t).toBe('pre-read')
    expect(noOf(EMPTY_TITLE)).toBe(0)
  })

  for (const scheme of ['light', 'dark'] as const) {
    it(`every scorecard chart is drawn, by function and quarter, in ${scheme} mode`, async () => {
      const page = await browser.newPage({
        viewport: { width: 1920, height: 1080 },
        colorScheme: scheme,
      })
      const { problems, foreign } = watchPage(page)
      for (const title of DATA_TITLES.slice(1)) {
        const no = noOf(title)
        await openSlide(page, site.url, no)
        const canvases = page.locator(`.slidev-page-${no} figure[${SCORECARD_CHART_ATTR}] canvas`)
        expect(await canvases.count(), title).toBeGreaterThan(0)
        for (const box of await canvases.evaluateAll(cs => cs.map(c => c.getBoundingClientRect()))) expect(box.width * box.height, title).toBeGreaterThan(100_000)
        for (const t of await chartTables(page, no)) {
          expect(t.head, t.caption).toEqual(['Function', 'Q2 2026', 'Q3 2026'])
          // Rates end with the company as a whole; a count does not (its total would dwarf the functions).
          const functions = t.rows.map(r => r[0]).filter(n => !n.startsWith('Study:') && !n.startsWith('Budget'))
          expect(functions, t.caption).toEqual(t.caption.startsWith('Active people')
            ? [
                'Engineering',
                'Finance',
                'Operations',
                'Other',
              ]
            : [
                'Engineering',
                'Finance',
                'Operations',
                'Other',
                'All',
              ])
          expect(t.rows.flat().join(' '), t.caption).not.toMatch(/Legal|Sales|@/)
        }
      }
      expect(problems).toEqual([])
      expect(foreign).toEqual([])
      await page.close()
    })
  }

  it('the scorecard counts the active people of each quarter in the pages', async () => {
    const page = await browser.newPage({
      viewport: { width: 1920, height: 1080 },
    })
    const no = noOf(DATA_TITLES[0])
    await openSlide(page, site.url, no)
    const row = await page.$$eval(`.slidev-page-${no} tbody tr`, rows => rows.map(r => [...r.children].map(c => c.textContent!.trim())).find(r => r[0].startsWith('Active people'))!)
    expect(row.slice(1)).toEqual([
      String(activePeopleIn('2026-Q2')),
      String(activePeopleIn('2026-Q3')),
    ])
    const note = squash(await page.locator(`.slidev-page-${no} .scorecard__note`).innerText())
    expect(note).toContain('Legal, Sales merged into “Other” (fewer than 5 active people each)')
    expect(note).toContain('1 person not yet assigned a function')
    expect(note).toMatch(/Q3 2026: [^.]*no data for 3 days: 12–14 Aug \(left out of the rates\)\./)
    expect(note).not.toMatch(/Q2 2026: [^.]*no data/)
    expect(note).toMatch(/Budget: \$120 per active person per month, set by the CEO's office \(synthetic example\)/)
    // As of: the period of the two quarters, and when the latest was exported (the manifests' time) and imported.
    const asOf = squash(await page.locator(`.slidev-page-${no} [data-as-of]`).innerText())
    expect(asOf).toMatch(/^As of 30 September 2026: Q2 2026 to Q3 2026 \(1 April 2026 to 30 September 2026\); latest quarter exported 2 October 2026, 08:00 UTC, imported \d+ \w+ \d{4}, \d\d:\d\d UTC\.$/)
    // Each chart of each concern slide says the same under it.
    for (const title of DATA_TITLES.slice(1)) {
      await openSlide(page, site.url, noOf(title))
      const lines = await page.locator(`.slidev-page-${noOf(title)} figure[${SCORECARD_CHART_ATTR}] [data-as-of]`).allInnerTexts()
      const charts = await page.locator(`.slidev-page-${noOf(title)} figure[${SCORECARD_CHART_ATTR}]`).count()
      expect(lines.length, title).toBe(charts)
      for (const l of lines) expect(squash(l), title).toBe(asOf)
    }
    await page.close()
  })

  it('the safety chart shows the study’s verified-success rates as reference lines, with the proxy caveat', async () => {
    const page = await browser.newPage({
      viewport: { width: 1920, height: 1080 },
    })
    const no = noOf('Safety, measured: sessions that end in hard evidence')
    await openSlide(page, site.url, no)
    const text = squash(await page.locator(`.slidev-page-${no}`).innerText())
    expect(text).toContain('A proxy, not the study’s measure')
    const [t] = await chartTables(page, no)
    expect(t.rows.filter(r => r[0].startsWith('Study:')).map(r => r[1])).toEqual(['about 30%', 'about 26%'])
    await page.close()
  })

  it('the what-if slide starts from our latest measured headcount, and says so', async () => {
    const page = await browser.newPage({
      viewport: { width: 1920, height: 1080 },
    })
    const no = dataSlides.findIndex(s => /rates would mean here/.test(s.title ?? '')) + 1
    await openSlide(page, site.url, no)
    const q3 = activePeopleIn('2026-Q3')
    expect(await page.inputValue('#wi-people')).toBe(String(q3))
    expect(squash(await page.locator('[data-start-note]').innerText())).toMatch(new RegExp(`^Starts from our Q3 2026 measures: ${q3} active people, \\d+\\.\\d sessions per person per week`))
    await page.close()
  })

  it('the reader view on a phone draws every scorecard chart again at the screen’s width, bars lying down', async () => {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    })
    const { problems } = watchPage(page)
    await page.goto(`${site.url}#/read`)
    for (const title of DATA_TITLES.slice(1)) {
      const no = noOf(title)
      await page.locator(`#slide-${no}`).scrollIntoViewIfNeeded()
      const onSlide = page.locator(`#slide-${no} .reader-slide figure[${SCORECARD_CHART_ATTR}]`)
      const redrawn = page.locator(`#slide-${no} .reader__charts figure[${SCORECARD_CHART_ATTR}]`)
      // Both counted as they render: the slide in the column may come after its redrawn charts.
      await expect.poll(async () => ({ onSlide: await onSlide.count(), redrawn: await redrawn.count() }), { timeout: 10_000 })
        .toSatisfy(c => c.onSlide > 0 && c.redrawn === c.onSlide)
      for (const box of await redrawn.locator('canvas').evaluateAll(cs => cs.map(c => c.getBoundingClientRect()))) {
        expect(box.width, title).toBeGreaterThan(300)
        expect(box.right, title).toBeLessThanOrEqual(390)
      }
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    expect(problems).toEqual([])
    await page.close()
  })

  it('no email address of the fixture is anywhere in the site, its PDF text or its PowerPoint', async () => {
    expect(emails.length).toBeGreaterThan(20)
    const texts: string[] = []
    const walk = (dir: string): string[] => readdirSync(dir).flatMap(n => (statSync(join(dir, n)).isDirectory()
      ? walk(join(dir, n))
      : [
          join(dir, n),
        ]))
    for (const f of walk(DATA_SITE)) {
      if (!/\.(pdf|pptx|png|woff2?)$/.test(f))
        texts.push(readFileSync(f, 'utf8'))
    }
    texts.push(pdfText(join(DATA_SITE, `${DECK}.pdf`)))
    const zip = await JSZip.loadAsync(readFileSync(join(DATA_SITE, `${DECK}.pptx`)))
    for (const name of Object.keys(zip.files)) {
      if (/\.(xml|rels)$/.test(name))
        texts.push(await zip.file(name)!.async('string'))
    }
    // The other exports (notes PDF, handout), made from the same scorecard folder.
    const exports = mkdtempSync(join(tmpdir(), 'exports-'))
    for (const kind of ['--notes', '--handout']) {
      const r = npx([
        'tsx',
        'scripts/export.ts',
        kind,
        '--out',
        exports,
      ], { SCORECARD_DIR: scorecardDir })
      expect(r.status, r.stderr).toBe(0)
    }
    expect(pdfText(join(exports, `${DECK}-handout.pdf`))).toContain('Q3 2026') // the handout shows the scorecard
    for (const f of readdirSync(exports).filter(n => n.endsWith('.pdf'))) texts.push(pdfText(join(exports, f)))
    const all = texts.join('\n')
    expect(all).toContain('Engineering') // the checks read the right things
    for (const e of emails) expect(all).not.toContain(e)
    expect(all).not.toContain('example.com')
  })

  it('the PowerPoint draws our charts as native charts, and LibreOffice shows their quarters and functions', async () => {
    const pptx = join(DATA_SITE, `${DECK}.pptx`)
    const zip = await JSZip.loadAsync(readFileSync(pptx))
    const slideXml = await Promise.all(Object.keys(zip.files).filter(f => /^ppt\/slides\/slide\d+\.xml$/.test(f)).map(f => zip.file(f)!.async('string')))
    const names = slideXml.flatMap(x => [
      ...x.matchAll(/name="scorecard:([^"]+)"/g),
    ].map(m => m[1]))
    expect(names.sort()).toEqual([
      'Active people',
      'Edit acceptance rate',
      'Estimated cost per active person per month',
      'Estimated cost per session',
      'Sessions per person per week',
      'Sessions with a commit or pull request',
    ])
    const pdf = convertToPdf(pptx, mkdtempSync(join(tmpdir(), 'lo-')))
    for (const title of DATA_TITLES.slice(1)) {
      const text = squash(pdfText(pdf, noOf(title)))
      expect(text, title).toContain(title.split(':')[0])
      for (const word of [
        'Q2 2026',
        'Q3 2026',
        'Engineering',
        'Operations',
        'Other',
      ]) expect(text, `${title}: ${word}`).toContain(word)
    }
  })
})
