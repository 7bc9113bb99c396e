import { chromium } from 'playwright-chromium'
import { serveStatic } from './lib/static-server.mjs'
const s = await serveStatic('/tmp/px/site', '/board/')
const url = s.url ?? `http://127.0.0.1:${s.port}/board/`
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const [w, h, hash, out, scheme] = process.argv.slice(2)
const p = await b.newPage({ viewport: { width: +w, height: +h }, colorScheme: scheme ?? 'light' })
const msgs = []
p.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && msgs.push(m.text()))
p.on('pageerror', (e) => msgs.push('pageerror ' + e.message))
await p.goto(`${url}${hash}`, { waitUntil: 'networkidle' })
await p.waitForTimeout(2500)
await p.screenshot({ path: out })
console.log(JSON.stringify(msgs.slice(0, 8)))
console.log(await p.evaluate(() => { const r = document.querySelector('.reader'); return r ? [r.scrollWidth, r.clientWidth, r.scrollHeight] : 'no reader' }))
await b.close(); await s.close()
