// Opening one slide of a served deck in Playwright, shared by the browser tests and the screenshot script.
import type { Page } from 'playwright-chromium'
import { everyChartReady, READY_ATTR } from '../../shared/dom-hooks.ts'

/**
 * Opens slide `no` with a fresh load (as a deep link would: no slide transition in the picture)
 * and waits until its content is there and every chart on it has drawn its final frame (data-chart-ready="true").
 */
export async function openSlide(page: Page, siteUrl: string, no: number | string, { timeout = 15_000 } = {}): Promise<void> {
  await page.goto('about:blank')
  await page.goto(`${siteUrl}#/${no}`)
  if (typeof no !== 'number')
    return
  await page.waitForSelector(`.slidev-page-${no}`)
  // The frame comes first; the slide's own component loads after it. Every slide has a title, so wait for text.
  await page.waitForFunction((n: number) => (document.querySelector(`.slidev-page-${n} .slidev-layout`)?.textContent ?? '').trim().length > 0, no, { timeout })
  // A chart redraws when its box changes size (fonts arriving, the slide scaling to the window), a frame after
  // the box does; until then its canvas keeps the old size. Wait until every canvas fills its box again, and is
  // drawn (components/charts/readyMarker.ts puts right a resize chart.js would drop).
  await page.waitForFunction((n: number) => [
    ...document.querySelectorAll(`.slidev-page-${n} canvas`),
  ].every((c) => {
    const box = c.parentElement!.getBoundingClientRect()
    const r = c.getBoundingClientRect()
    return Math.abs(r.width - box.width) < 2 && Math.abs(r.height - box.height) < 2
  }), no, { timeout })
  await page.waitForFunction(everyChartReady, { scope: `.slidev-page-${no}`, attr: READY_ATTR }, { timeout })
}
