// The go/no-go the built deck computes from our data: built three times, with results folders made to pass, to fail
// and to land in between (tests/fixtures/pilot/quarters.ts), the pilot slide and the scorecard say go, stop and
// redesign, each with its estimate and interval; the directors' site, with no results yet, says when they are due.
import type { Browser } from 'playwright-chromium'
import type { StaticServer } from '../../scripts/lib/static-server.ts'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatDecimal, formatWhole } from '../../data/format'
import { resolution } from '../../data/paper'
import { costLines, costTotal, pilotPeople, pilotPower } from '../../data/pilot'
import { formatMoney, PLAN } from '../../data/plan'
import { quarterLabel } from '../../data/scorecard'
import { formatDate } from '../../data/sources'
import { serveStatic } from '../../scripts/lib/static-server.ts'
import { DECK_NAME } from '../../shared/deck-name'
import { readPilotReading } from '../../vite/pilot-results'
import { SHAPES, writePilotResults } from '../fixtures/pilot/quarters'
import { deckSlides } from '../helpers/deck'
import { npx, slidevBuild } from '../helpers/npx'
import { BASE, launch, openSlide, pdfText, serveSite, SITE_DIR, squash } from './helpers'

const slides = deckSlides()
const pilotSlide = slides.findIndex(s => s.title?.startsWith('We propose to test coaching')) + 1
const scorecardSlide = slides.findIndex(s => s.title?.startsWith('Our own measures')) + 1
const one = (x: number) => formatDecimal(x * 100).replace(/^-/, '−')

let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

async function readingOn(site: StaticServer, no: number): Promise<{ verdict: string | null, text: string }> {
  const page = await browser.newPage({
    viewport: { width: 1920, height: 1080 },
  })
  await openSlide(page, site.url, no)
  const el = page.locator(`.slidev-page-${no} [data-pilot-reading]`)
  const result = {
    verdict: await el.getAttribute('data-pilot-verdict'),
    text: squash(await el.innerText()),
  }
  await page.close()
  return result
}

describe('the same design, costs and dates in every output the directors get', () => {
  const pilot = PLAN.asks.find(a => a.id === 'pilot')!
  const lines = costLines(PLAN.pilot, PLAN.meetings.pilotReview.date)
  const money = (amount: number) => formatMoney({ amount, currency: PLAN.currency })
  const { detectable, expected } = pilotPower(PLAN.pilot)
  const expectedWords = [
    formatMoney(pilot.cap!),
    `${formatWhole(pilotPeople(PLAN.pilot).total)} people`,
    formatDate(PLAN.pilot.toolsFrom),
    ...PLAN.pilot.waves.map(w => formatDate(w.coachingFrom)),
    formatDate(PLAN.meetings.pilotReview.date),
    `${formatDecimal(detectable * 100)} percentage points`,
    `${formatDecimal(expected * 100)} points`,
    ...lines.map(l => money(l.amount)),
    money(costTotal(lines)),
    resolution().limbs[PLAN.asks.indexOf(pilot)],
  ]

  it('the deck PDF and the PowerPoint each state all of them', async () => {
    const pdf = squash(pdfText(join(SITE_DIR, `${DECK_NAME}.pdf`)))
    const zip = await JSZip.loadAsync(readFileSync(join(SITE_DIR, `${DECK_NAME}.pptx`)))
    const slideXml = await Promise.all(Object.values(zip.files).filter(f => /^ppt\/slides\/slide\d+\.xml$/.test(f.name)).map(f => f.async('string')))
    // Text runs joined, so a phrase split across runs still reads as one.
    const pptx = squash(slideXml.map(x => [
      ...x.matchAll(/<a:t>([^<]*)<\/a:t>/g),
    ].map(m => m[1]).join('')).join(' ').replace(/&amp;/g, '&'))
    expect(expectedWords.filter(w => !pdf.includes(squash(w)))).toEqual([])
    expect(expectedWords.filter(w => !pptx.includes(squash(w)))).toEqual([])
  })
})

describe('before the test quarter: the reading is due', () => {
  let site: StaticServer
  beforeAll(async () => {
    site = await serveSite()
  })
  afterAll(() => site?.close())

  it('the pilot slide and the scorecard say when, and nothing else', async () => {
    expect(pilotSlide).toBeGreaterThan(0)
    expect(scorecardSlide).toBeGreaterThan(0)
    for (const no of [pilotSlide, scorecardSlide]) {
      const r = await readingOn(site, no)
      expect(r.verdict).toBe('due')
      expect(r.text).toBe(`The reading: due after ${quarterLabel(PLAN.pilot.testQuarter)} closes, at the ${PLAN.meetings.pilotReview.name}, ${formatDate(PLAN.meetings.pilotReview.date)}.`)
    }
  })
})

/** Slidev's build of the deck with the pilot results in `results`, served for the describe block it is called in. */
function builtWith(results: string, name: string): { site: StaticServer } {
  const built = {} as { site: StaticServer }
  const out = resolve(`test-results/site-pilot-${name}`)
  beforeAll(async () => {
    const build = npx(slidevBuild(out, BASE), { PILOT_RESULTS_DIR: results }, { stdio: 'inherit' })
    expect(build.status).toBe(0)
    built.site = await serveStatic(out, BASE)
  }, 300_000)
  afterAll(() => built.site?.close())
  return built
}

describe('with only the baseline quarter in: due, and the design checked on the baseline', () => {
  const results = writePilotResults(mkdtempSync(join(tmpdir(), 'pilot-baseline-')), SHAPES.stop)
  rmSync(join(results, `${PLAN.pilot.testQuarter}.json`))
  const built = builtWith(results, 'baseline')

  it('the pilot slide gives the baseline’s share and the power it leaves, and no result', async () => {
    const check = readPilotReading(results).baseline!
    const r = await readingOn(built.site, pilotSlide)
    expect(r.verdict).toBe('due')
    expect(r.text).toContain(`Baseline check, ${quarterLabel(PLAN.pilot.baselineQuarter)}, nobody coached: ${one(check.share)}% of deliverables verified`)
    expect(r.text).toContain(`power ${Math.round(check.power * 100)}%`)
    expect(r.text).not.toContain('By the rule')
  })
})

describe.each(Object.entries(SHAPES))('results built to say %s', (verdict, shape) => {
  const results = writePilotResults(mkdtempSync(join(tmpdir(), `pilot-${verdict}-`)), shape)
  const built = builtWith(results, verdict)

  it(`the pilot slide and the scorecard say ${verdict}, with the estimate and its interval`, async () => {
    const reading = readPilotReading(results)
    if (reading.status !== 'read')
      throw new Error('the fixture has no test quarter')
    const a = reading.analysis
    for (const no of [pilotSlide, scorecardSlide]) {
      const r = await readingOn(built.site, no)
      expect(r.verdict).toBe(verdict)
      expect(r.text).toContain(`The reading, ${quarterLabel(PLAN.pilot.testQuarter)}:`)
      expect(r.text).toContain(`a gain of ${one(a.estimate)} points (95% interval ${one(a.low)} to ${one(a.high)})`)
      expect(r.text).toContain(`By the rule the Board approved: ${verdict}`)
    }
  })
})
