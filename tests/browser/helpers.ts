import { execFileSync } from 'node:child_process'
import { chromium, type Browser, type Page } from 'playwright-chromium'
import { inject } from 'vitest'
// @ts-expect-error plain JS module
import { CHROMIUM_ARGS } from '../../scripts/lib/chromium.mjs'
// @ts-expect-error plain JS module
import { serveStatic } from '../../scripts/lib/static-server.mjs'
import { BASE, SITE_DIR } from './globalSetup'

export { BASE, SITE_DIR }

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromium'), args: CHROMIUM_ARGS })
}

export async function serveSite(): Promise<{ url: string; close: () => Promise<void> }> {
  return serveStatic(SITE_DIR, BASE)
}

/** Opens slide `no` with a fresh load (as a deep link would) and waits for its charts to finish drawing. */
export async function openSlide(page: Page, siteUrl: string, no: number | string) {
  await page.goto('about:blank')
  await page.goto(`${siteUrl}#/${no}`)
  if (typeof no === 'number') {
    await page.waitForSelector(`.slidev-page-${no}`)
    await page.waitForFunction(
      (n) => [...document.querySelectorAll(`.slidev-page-${n} canvas`)].every((c) => (c as HTMLCanvasElement).dataset.chartReady === 'true'),
      no,
      { timeout: 15_000 },
    )
  }
}

export function pdfText(path: string): string {
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })
}

export function pdfPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1])
}

export const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
