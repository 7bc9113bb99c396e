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
    const total = await page.evaluate(() => document.querySelectorAll('.slidev-page').length || 0)
    const count = Number(await page.locator('.slide-no').first().innerText().then(t => /of (\d+)\s*$/.exec(t)?.[1]))
    for (let n = 1; n <= (count || total); n++) {
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
