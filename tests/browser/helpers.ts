// What the browser tests share: Chromium launched as the project launches it, the built sites served, a free
// port, a page watched for errors and for requests to other hosts, and the PDF readers.
import type { Browser, Page } from 'playwright-chromium'
import type { StaticServer } from '../../scripts/lib/static-server.ts'
import { createServer } from 'node:net'
import { chromium } from 'playwright-chromium'
import { afterAll, beforeAll, inject } from 'vitest'
import { CHARTS } from '../../data/charts'
import { CHROMIUM_ARGS } from '../../scripts/install/chromium.ts'
import { serveStatic } from '../../scripts/lib/static-server.ts'
import { everyChartReady, READY_ATTR } from '../../shared/dom-hooks'
import { BASE, PRESENTER_SITE_DIR, SITE_DIR } from './globalSetup'

export { BASE, PRESENTER_SITE_DIR, SITE_DIR }

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject('chromium'),
    args: CHROMIUM_ARGS,
  })
}

/** A port on 127.0.0.1 nothing listens on now, for a server a test starts itself. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

export async function serveSite(): Promise<StaticServer> {
  return serveStatic(SITE_DIR, BASE)
}

/**
 * A browser and the built site on a local server, for one test file: opened before its tests, closed after.
 * `site` is the directors' site; `presenterSite` the presenter's copy (npm run build:presenter), on its own port.
 */
export function browserAndSite(): { browser: Browser, site: StaticServer, presenterSite: StaticServer } {
  const env = {} as { browser: Browser, site: StaticServer, presenterSite: StaticServer }
  beforeAll(async () => {
    env.browser = await launch()
    env.site = await serveSite()
    env.presenterSite = await serveStatic(PRESENTER_SITE_DIR, BASE)
  })
  afterAll(async () => {
    await env.browser?.close()
    await env.site?.close()
    await env.presenterSite?.close()
  })
  return env
}

export { openSlide } from '../../scripts/lib/browser.ts'
export { pdfBookmarks, pdfInfo, pdfPages, pdfText } from '../../scripts/lib/pdf.ts'

/**
 * The checks every browser test makes of a page, written once: console errors (and warnings, with
 * `warnings`), uncaught page errors, and every request that left for another host (`host`: the one
 * allowed, or else loopback only). Read `problems`, `foreign` and `requests` when the test is done.
 */
export function watchPage(page: Page, { warnings = false, host }: { warnings?: boolean, host?: string } = {}) {
  const seen = { problems: [] as string[], foreign: [] as string[], requests: 0 }
  page.on('console', (m) => {
    if (m.type() === 'error' || (warnings && m.type() === 'warning'))
      seen.problems.push(`${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', e => seen.problems.push(`pageerror: ${e.message}`))
  page.on('request', (r) => {
    seen.requests++
    const u = new URL(r.url())
    if (['data:', 'blob:', 'about:'].includes(u.protocol))
      return
    if (host
      ? u.host !== host
      : !['127.0.0.1', 'localhost'].includes(u.hostname)) {
      seen.foreign.push(r.url())
    }
  })
  return seen
}

export const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

/**
 * Waits until the reader view (already opened at #/read) has every slide rendered and every chart at its final
 * frame: each deck chart's canvas there, then each one ready. (Ready alone holds at once while no canvas exists.)
 */
export async function readerDrawn(page: Page): Promise<void> {
  await page.waitForSelector('.reader__entry')
  await page.waitForFunction(n => document.querySelectorAll('.reader canvas').length >= n, Object.keys(CHARTS).length, { timeout: 60_000 })
  await page.waitForFunction(everyChartReady, { scope: '.reader', attr: READY_ATTR }, { timeout: 60_000 })
}
