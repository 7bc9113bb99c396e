#!/usr/bin/env node
// Screenshots of every slide of the built site (dist/), light and dark, at 1920×1080, into
// screenshots/. For looking at the deck as the board will: `npm run build && npm run screenshots`.
import { mkdirSync } from 'node:fs'
import { chromium } from 'playwright-chromium'
import { CHROMIUM_ARGS, ensureChromium } from './install/chromium.ts'
import { openSlide } from './lib/browser.ts'
import { asCommand, commandLine, UserError } from './lib/cli.ts'
import { serveStatic } from './lib/static-server.ts'

asCommand()
const { positionals } = commandLine({ allowPositionals: true })
const only = positionals.map((p) => {
  if (!/^\d+$/.test(p))
    throw new UserError(`slide numbers only: "${p}" is not one`)
  return Number(p)
})
const out = 'screenshots'
mkdirSync(out, { recursive: true })
const server = await serveStatic('dist', process.env.BASE ?? '/')
const browser = await chromium.launch({
  executablePath: ensureChromium(),
  args: CHROMIUM_ARGS,
})
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({
      viewport: { width: 1920, height: 1080 },
      colorScheme: scheme,
    })
    await page.goto(`${server.url}#/1`)
    await page.waitForSelector('.slidev-page')
    // The page mark ends "page N of M": M is the deck's length.
    const mark = await page.locator('[data-page-mark]').first().innerText()
    const count = Number(mark.match(/of (\d+)\s*$/)?.[1])
    if (!count)
      throw new UserError(`the page mark "${mark}" does not end "of N": cannot tell how many slides there are`)
    for (let n = 1; n <= count; n++) {
      if (only.length && !only.includes(n))
        continue
      await openSlide(page, server.url, n).catch(() => console.warn(`slide ${n}: charts not ready`))
      await page.waitForTimeout(400)
      await page.screenshot({ path: `${out}/${String(n).padStart(2, '0')}-${scheme}.png` })
    }
    await page.close()
  }
}
finally {
  await browser.close()
  await server.close()
}
console.log(`screenshots in ${out}/`)
