import { chromium } from 'playwright-chromium'
import { serveStatic } from './lib/static-server.mjs'
const s = await serveStatic('/tmp/px/site', '/board/')
const url = s.url ?? `http://127.0.0.1:${s.port}/board/`
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const p = await b.newPage({ viewport: { width: 390, height: 844 } })
await p.goto(`${url}#/read`, { waitUntil: 'networkidle' })
await p.waitForTimeout(2500)
console.log(await p.evaluate(() => {
  const out = []
  for (const el of document.querySelectorAll('.reader *')) {
    const r = el.getBoundingClientRect()
    if (r.right > 392 && !el.closest('.reader-slide')) out.push(`${el.tagName}.${el.className} ${Math.round(r.left)}-${Math.round(r.right)}`)
  }
  return out.slice(0, 15)
}))
await b.close(); await s.close()
