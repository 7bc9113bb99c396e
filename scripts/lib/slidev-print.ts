// Slidev's print view, as `slidev export` opens it, for our own exporters (scripts/export.ts for the
// PDF, scripts/export-pptx.ts for PowerPoint): Slidev's server through its public API in export mode,
// and the page with every slide in its final state and every chart at its final values.

import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-chromium'
import { everyChartReady, READY_ATTR } from '../../shared/dom-hooks.ts'
import { presenterNotesExtension } from '../../vite/presenter-notes.ts'
import { scorecardSlidesExtension } from '../../vite/scorecard-slides.ts'

/** Starts Slidev's server for slides.md on a free port. */
export async function startSlidev() {
  const { createServer, resolveOptions } = await import('@slidev/cli')
  // Slidev's CLI loads setup/preparser.ts itself; started from its API, it needs to be told.
  const { injectPreparserExtensionLoader } = await import('@slidev/parser/fs')
  injectPreparserExtensionLoader(async () => [
    scorecardSlidesExtension(),
    presenterNotesExtension(process.env, { keepView: true }), // PAPER_AUDIENCE=directors: the PowerPoint's notes without the presenter's cues
  ])
  const options = await resolveOptions({ entry: 'slides.md' }, 'export')
  const server = await createServer(options, {
    server: { port: 0 },
    clearScreen: false,
    logLevel: 'warn',
  })
  await server.listen()
  const { port } = server.httpServer!.address() as AddressInfo
  const config = options.data.config
  return {
    options,
    port,
    width: config.canvasWidth,
    height: Math.round(config.canvasWidth / config.aspectRatio),
    slides: options.data.slides,
    close: () => server.close(),
  }
}

/** Opens `/?print=true#print` (packages/slidev/node/commands/export.ts) and waits until it is final. */
export async function openPrintView(page: Page, port: number): Promise<void> {
  await page.goto(`http://localhost:${port}/?print=true#print`, { waitUntil: 'networkidle', timeout: 90_000 })
  await page.emulateMedia({ colorScheme: 'light', media: 'screen' })
  await page.waitForFunction(() => !document.querySelector('.slidev-slide-loading') && document.querySelectorAll('.print-slide-container').length > 0, null, { timeout: 60_000 })
  // Every slide has its heading in place and the fonts are in: Chromium builds the PDF's outline from the
  // headings, and a print taken while a slide is still mounting comes out with none (seen once on a loaded machine).
  await page.waitForFunction(() => {
    const slides = [
      ...document.querySelectorAll('.print-slide-container'),
    ]
    return document.fonts.status === 'loaded' && slides.length > 0 && slides.every(s => s.querySelector('h1'))
  }, null, { timeout: 60_000 })
  // Every chart has drawn its final frame (components/charts/readyMarker.ts).
  await page.waitForFunction(everyChartReady, { scope: 'body', attr: READY_ATTR }, { timeout: 60_000 })
  // Slidev's empty diagram container would print as a last, blank page (slidev export hides it too).
  await page.evaluate(() => document.querySelector('#mermaid-rendering-container')?.setAttribute('hidden', ''))
}
