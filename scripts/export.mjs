#!/usr/bin/env node
// `npm run export`: the deck as a PDF, one page per slide, builds in their final state, charts at
// their final values (no animation in print mode). `npm run export:notes`: the speaker notes PDF.
// Both land in exports/ (or the folder given with --out).
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium } from 'playwright-chromium'
import { CHROMIUM_ARGS, ensureChromium } from './lib/chromium.mjs'
import { DECK_NAME, run } from './lib/run.mjs'

const args = process.argv.slice(2)
const notes = args.includes('--notes')
const outDir = resolve(args[args.indexOf('--out') + 1] && args.includes('--out') ? args[args.indexOf('--out') + 1] : 'exports')
mkdirSync(outDir, { recursive: true })

run('npx', ['tsx', 'scripts/validate-figures.ts'])
const executable = ensureChromium()

if (!notes) {
  const output = resolve(outDir, `${DECK_NAME}.pdf`)
  run('npx', ['slidev', 'export', 'slides.md', '--output', output, '--executable-path', executable, '--timeout', '60000'])
  console.log(`✓ deck PDF: ${output}`)
} else {
  // Slidev's own export-notes cannot be pointed at a system Chromium, so start Slidev's server the
  // way it does (its public API, in export mode) and print its notes page with our Chromium.
  const { createServer, resolveOptions } = await import('@slidev/cli')
  const output = resolve(outDir, `${DECK_NAME}-notes.pdf`)
  const options = await resolveOptions({ entry: 'slides.md' }, 'export')
  const server = await createServer(options, { server: { port: 0 }, clearScreen: false, logLevel: 'warn' })
  await server.listen()
  const { port } = server.httpServer.address()
  const browser = await chromium.launch({ executablePath: executable, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage()
    await page.goto(`http://localhost:${port}/#/presenter/print`, { waitUntil: 'networkidle', timeout: 90_000 })
    await page.waitForLoadState('networkidle')
    await page.emulateMedia({ media: 'screen' })
    await page.pdf({ path: output, printBackground: true, preferCSSPageSize: true, margin: { top: 0, right: 0, bottom: 0, left: 0 } })
    console.log(`✓ speaker-notes PDF: ${output}`)
  } finally {
    await browser.close()
    await server.close()
  }
}
