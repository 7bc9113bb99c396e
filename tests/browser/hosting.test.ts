// The deck as a confidential board paper: `npm run host` (Debian's nginx) serving the built site
// from /board/ on a loopback port, behind a login, with strict headers; then Chromium walks every
// slide through it with the password and must see no CSP violation, no console error, no other host.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { deckSlides } from '../helpers/deck'
import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASE, SITE_DIR, launch, openSlide } from './helpers'

const TOTAL = deckSlides().length
const USER = 'board'
const PASSWORD = randomBytes(12).toString('hex')
const auth = (user = USER, password = PASSWORD) => ({ Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` })

/** One path of each kind a reader can ask for, with the content type it must come back as. */
const script = readdirSync(join(SITE_DIR, 'assets')).find((f) => /^index-.*\.js$/.test(f))!
const style = readdirSync(join(SITE_DIR, 'assets')).find((f) => /^index-.*\.css$/.test(f))!
const PATHS: [path: string, type: RegExp][] = [
  [BASE, /^text\/html/],
  [`${BASE}index.html`, /^text\/html/],
  [`${BASE}assets/${script}`, /^(application|text)\/javascript/],
  [`${BASE}assets/${style}`, /^text\/css/],
  [`${BASE}board-deck-agentic-coding.pdf`, /^application\/pdf/],
  [`${BASE}board-deck-agentic-coding.pptx`, /^application\/vnd\.openxmlformats-officedocument\.presentationml\.presentation/],
  [`${BASE}figures.json`, /^application\/json/],
  [`${BASE}figures.csv`, /^text\/csv/],
  [`${BASE}favicon.svg`, /^image\/svg\+xml/],
]

let server: ChildProcess
let origin: string
let output = ''
let browser: Browser

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

beforeAll(async () => {
  const port = await freePort()
  origin = `http://127.0.0.1:${port}`
  server = spawn('node', ['scripts/host.mjs'], {
    env: { ...process.env, BOARD_PASSWORD: PASSWORD, BOARD_USER: USER, PORT: String(port), BASE, SITE_DIR },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout!.on('data', (d) => (output += d))
  server.stderr!.on('data', (d) => (output += d))
  const deadline = Date.now() + 60_000
  for (;;) {
    const up = await fetch(`${origin}${BASE}`).then((r) => r.status === 401, () => false)
    if (up) break
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`npm run host did not come up:\n${output}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  browser = await launch()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r))
    server.kill('SIGTERM')
    await exited
  }
})

describe('npm run host: the login', () => {
  it('refuses to start without a password', async () => {
    const r = spawn('node', ['scripts/host.mjs'], { env: { ...process.env, BOARD_PASSWORD: '', SITE_DIR }, stdio: ['ignore', 'pipe', 'pipe'] })
    let err = ''
    r.stderr!.on('data', (d) => (err += d))
    const code = await new Promise((res) => r.once('exit', res))
    expect(code).toBe(2)
    expect(err).toContain('Set BOARD_PASSWORD')
  })

  it.each(PATHS)('%s answers 401 without credentials, and leaks nothing of the deck', async (path) => {
    const res = await fetch(`${origin}${path}`)
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm="Board paper"/)
    const body = await res.text()
    expect(body).not.toMatch(/Agentic|expertise|figures|%PDF/i)
  })

  it('a wrong password or user answers 401', async () => {
    expect((await fetch(`${origin}${BASE}`, { headers: auth(USER, 'wrong') })).status).toBe(401)
    expect((await fetch(`${origin}${BASE}`, { headers: auth('someone', PASSWORD) })).status).toBe(401)
  })

  it('a path outside the deck asks for the login too, then is not found', async () => {
    expect((await fetch(`${origin}/anything`)).status).toBe(401)
    expect((await fetch(`${origin}/anything`, { headers: auth() })).status).toBe(404)
  })

  it.each(PATHS)('%s answers 200 with the right content type given the password', async (path, type) => {
    const res = await fetch(`${origin}${path}`, { headers: auth() })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(type)
  })

  it('the password is in no log and no file nginx was given, only its salted hash', () => {
    expect(output).not.toContain(PASSWORD)
  })
})

describe('npm run host: the headers', () => {
  const everyResponse = async () => [
    ...(await Promise.all(PATHS.map(([p]) => fetch(`${origin}${p}`)))),
    ...(await Promise.all(PATHS.map(([p]) => fetch(`${origin}${p}`, { headers: auth() })))),
    await fetch(`${origin}/robots.txt`),
  ]

  it('every response, the 401s included, carries the CSP and the privacy headers', async () => {
    for (const res of await everyResponse()) {
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp, res.url).toContain("default-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toMatch(/script-src 'self'(;| 'sha256-)/)
      expect(csp).not.toContain('unsafe-eval')
      expect(csp).not.toMatch(/https?:|\*/) // no other origin, no wildcard
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow')
    }
  })

  it('robots.txt keeps every crawler out, and is readable without the login', async () => {
    const res = await fetch(`${origin}/robots.txt`)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('User-agent: *\nDisallow: /\n')
  })

  it('hashed assets are cached for a year in the reader’s browser only; the page and downloads are revalidated', async () => {
    const asset = await fetch(`${origin}${BASE}assets/${script}`, { headers: auth() })
    expect(asset.headers.get('cache-control')).toBe('private, max-age=31536000, immutable')
    for (const path of [BASE, `${BASE}index.html`, `${BASE}figures.csv`, `${BASE}board-deck-agentic-coding.pdf`, `${BASE}board-deck-agentic-coding.pptx`]) {
      expect((await fetch(`${origin}${path}`, { headers: auth() })).headers.get('cache-control'), path).toBe('no-cache')
    }
  })

  it('text is sent gzipped to a browser that asks for it', async () => {
    // fetch() decodes gzip itself; read the raw header with a plain HTTP request instead.
    const { request } = await import('node:http')
    const encoding = await new Promise<string | undefined>((resolve, reject) => {
      request(`${origin}${BASE}assets/${script}`, { headers: { ...auth(), 'Accept-Encoding': 'gzip' } }, (res) => {
        res.resume()
        resolve(res.headers['content-encoding'])
      })
        .on('error', reject)
        .end()
    })
    expect(encoding).toBe('gzip')
  })
})

describe('npm run host: the deck runs under the policy', () => {
  let context: BrowserContext
  const violations: string[] = []
  const errors: string[] = []
  const external: string[] = []

  async function page(): Promise<Page> {
    const p = await context.newPage()
    p.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    p.on('pageerror', (e) => errors.push(e.message))
    p.on('request', (r) => {
      const u = new URL(r.url())
      if (!['data:', 'blob:', 'about:'].includes(u.protocol) && u.host !== new URL(origin).host) external.push(r.url())
    })
    return p
  }
  const collect = async (p: Page, where: string) => {
    for (const v of await p.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? [])) violations.push(`${where}: ${v}`)
  }

  beforeAll(async () => {
    context = await browser.newContext({ httpCredentials: { username: USER, password: PASSWORD }, viewport: { width: 1920, height: 1080 } })
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] }
      w.__csp = []
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`))
    })
  })
  afterAll(async () => context?.close())

  it(`every one of the ${TOTAL} slides, the presenter view and the what-if controls: no violation, no error, no other host`, async () => {
    const p = await page()
    for (let no = 1; no <= TOTAL; no++) {
      await openSlide(p, `${origin}${BASE}`, no)
      expect(await p.locator(`.slidev-page-${no}`).innerText(), `slide ${no}`).not.toBe('')
      await collect(p, `slide ${no}`)
    }
    const whatIf = deckSlides().findIndex((s) => /rates would mean here/.test(s.title ?? '')) + 1
    await openSlide(p, `${origin}${BASE}`, whatIf)
    await p.fill('#wi-people', '1000')
    await p.press('#wi-people', 'Enter')
    await expect.poll(() => p.url()).toContain('people=1000')
    await collect(p, 'what-if')
    await p.goto(`${origin}${BASE}#/presenter/4`)
    await p.waitForSelector('.slidev-note')
    await collect(p, 'presenter')
    await p.close()
    expect(violations).toEqual([])
    expect(errors).toEqual([])
    expect(external).toEqual([])
  })
})
