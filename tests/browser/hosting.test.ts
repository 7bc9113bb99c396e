// The deck as a confidential board paper: `npm run host` (Debian's nginx) serving the built site
// from /board/ on a loopback port, one login per director, with strict headers; then Chromium walks every
// slide through it with a director's password and must see no CSP violation, no console error, no other host.
// Then what a company secretary relies on: each director's own stamped pack, logins added and removed
// while it runs, the read log, slow guessing, settings that cannot weaken the login, and nginx stopping
// with the command however it ends.
import type { Server } from 'node:net'
import type { PDFContentStream, PDFPage } from 'pdf-lib'
import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import type { Host } from './host-process'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import bcrypt from 'bcryptjs'
import JSZip from 'jszip'
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { convertToPdf } from '../../scripts/install/libreoffice.ts'
import { USER_ERROR_EXIT } from '../../scripts/lib/cli.ts'
import { deckSlides } from '../helpers/deck'
import { BASE, freePort, launch, openSlide, pdfBookmarks, pdfInfo, pdfPages, pdfText, SITE_DIR, watchPage } from './helpers'
import { alive, hostEnv, hostServing, spawnHost, stopHost } from './host-process'

const TOTAL = deckSlides().length
const DECK = 'board-deck-agentic-coding'
// Everything the host keeps outside the repository, as a secretary would: the users file and the read log.
const HOME = mkdtempSync(join(tmpdir(), 'board-host-test-'))
const USERS = join(HOME, 'users')
const LOG_DIR = join(HOME, 'log')
const USER = 'board'
const PASSWORD = randomBytes(12).toString('hex')
const OTHER = 'alice'
const OTHER_PASSWORD = randomBytes(12).toString('hex')
/** The cookie nginx gives a browser that has logged in; sent back as a browser would (null: as a stranger, a script with no cookie jar). */
let loginCookie: string | null = null
function auth(user = USER, password = PASSWORD, cookie: string | null = loginCookie): Record<string, string> {
  return {
    Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
    ...(cookie
      ? { Cookie: cookie }
      : {}),
  }
}

/** One path of each kind a reader can ask for, with the content type it must come back as. */
const script = readdirSync(join(SITE_DIR, 'assets')).find(f => /^index-.*\.js$/.test(f))!
const style = readdirSync(join(SITE_DIR, 'assets')).find(f => /^index-.*\.css$/.test(f))!
const PATHS: [path: string, type: RegExp][] = [
  [BASE, /^text\/html/],
  [`${BASE}index.html`, /^text\/html/],
  [`${BASE}assets/${script}`, /^(application|text)\/javascript/],
  [`${BASE}assets/${style}`, /^text\/css/],
  [`${BASE}${DECK}.pdf`, /^application\/pdf/],
  [`${BASE}${DECK}.pptx`, /^application\/vnd\.openxmlformats-officedocument\.presentationml\.presentation/],
  [`${BASE}figures.json`, /^application\/json/],
  [`${BASE}figures.csv`, /^text\/csv/],
  [`${BASE}favicon.svg`, /^image\/svg\+xml/],
]

/** The environment without any BOARD_* setting of the machine running the tests. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return hostEnv({ BOARD_LOG_DIR: LOG_DIR, ...extra })
}

function hostCommand(env: Record<string, string>, stdio: 'pipe' | 'ignore' = 'ignore') {
  return spawnHost(cleanEnv(env), stdio)
}

/** `npm run host:users` or `npm run host:log`. */
function tool(script: string, args: string[], input = '') {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    input,
    encoding: 'utf8',
    env: cleanEnv({ BOARD_USERS: USERS }),
  })
}
function addUser(name: string, password: string, args: string[] = []) {
  const r = tool('scripts/host-users.ts', ['add', name, ...args], password)
  if (r.status !== 0)
    throw new Error(r.stderr)
}

/** Starts `npm run host` and waits for "serving". */
async function startHost(env: Record<string, string>): Promise<Host> {
  const port = await freePort()
  return hostServing(hostCommand({
    PORT: String(port),
    ...env,
  }), port)
}

function answers(origin: string) {
  return fetch(`${origin}/robots.txt`, {
    signal: AbortSignal.timeout(2000),
  }).then(() => true, () => false)
}

let host: Host
let origin: string
let browser: Browser

beforeAll(async () => {
  addUser(USER, PASSWORD)
  addUser(OTHER, OTHER_PASSWORD)
  // The PowerPoint for "board" (the CEO's office, say) only.
  host = await startHost({ BOARD_USERS: USERS, BOARD_PPTX: USER })
  origin = host.origin
  // Logged in once, as a browser would: the tests' requests then carry the cookie, as a browser's do.
  const first = await fetch(`${origin}${BASE}`, {
    headers: auth(),
  })
  loginCookie = /board_login=[0-9a-f]+/.exec(first.headers.get('set-cookie') ?? '')?.[0] ?? null
  browser = await launch()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  if (host)
    await stopHost(host)
  rmSync(HOME, { recursive: true, force: true })
})

describe('npm run host: the login', () => {
  it('refuses to start with neither a users file nor a password, saying how to add a director', async () => {
    const r = hostCommand({
      BOARD_USERS: join(HOME, 'no-such-file'),
    })
    let err = ''
    r.stderr!.on('data', d => (err += d))
    const code = await new Promise(res => r.once('close', res)) // 'close': the output is all read
    expect(code).toBe(USER_ERROR_EXIT)
    expect(err).toContain('No users file')
    expect(err).toContain('npm run host:users -- add <name>')
    expect(err).toContain('BOARD_PASSWORD')
  })

  it.each(PATHS)('%s answers 401 without credentials, and leaks nothing of the deck', async (path) => {
    const res = await fetch(`${origin}${path}`)
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toBe('Basic realm="Board paper"')
    const body = await res.text()
    expect(body).not.toMatch(/Agentic|expertise|figures|%PDF/i)
  })

  it('a wrong password or user answers 401', async () => {
    expect((await fetch(`${origin}${BASE}`, {
      headers: auth(USER, 'wrong'),
    })).status).toBe(401)
    expect((await fetch(`${origin}${BASE}`, {
      headers: auth('someone', PASSWORD),
    })).status).toBe(401)
    expect((await fetch(`${origin}${BASE}`, {
      headers: auth(OTHER, PASSWORD),
    })).status).toBe(401) // one director's password is not another's
  })

  it('a path outside the deck asks for the login too, then is not found', async () => {
    expect((await fetch(`${origin}/anything`)).status).toBe(401)
    expect((await fetch(`${origin}/anything`, {
      headers: auth(),
    })).status).toBe(404)
  })

  it.each(PATHS)('%s answers 200 with the right content type given the password', async (path, type) => {
    const res = await fetch(`${origin}${path}`, {
      headers: auth(),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(type)
  })

  it('each director logs in with their own password', async () => {
    expect((await fetch(`${origin}${BASE}`, {
      headers: auth(OTHER, OTHER_PASSWORD),
    })).status).toBe(200)
  })

  it('"/board" leads to "/board/" (before the login: it names nothing but the folder)', async () => {
    const res = await fetch(`${origin}${BASE.slice(0, -1)}`, { redirect: 'manual' })
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe(BASE)
  })

  it('the password is in no output and no file nginx was given, only its hash', () => {
    expect(host.output()).not.toContain(PASSWORD)
    for (const f of ['htpasswd', 'nginx.conf', 'headers.conf']) expect(readFileSync(join(host.prefix, f), 'utf8')).not.toContain(PASSWORD)
    expect(readFileSync(join(host.prefix, 'htpasswd'), 'utf8')).toMatch(/^board:\$2b\$/m)
  })
})

describe('npm run host: directors come and go while it runs', () => {
  const carol = randomBytes(12).toString('hex')
  const ok = (user: string, password: string) => fetch(`${origin}${BASE}`, {
    headers: auth(user, password),
  }).then(r => r.status)

  it('a director added with host:users can log in within a minute, with their own pack in their name, without a restart', async () => {
    expect(await ok('carol', carol)).toBe(401)
    addUser('carol', carol, ['--name', 'Carol Díaz'])
    await expect.poll(() => ok('carol', carol), { timeout: 60_000, interval: 500 }).toBe(200)
    const pack = await fetch(`${origin}${BASE}${DECK}.pdf`, {
      headers: auth('carol', carol),
    })
    expect(pack.status).toBe(200)
    const file = join(HOME, 'carol.pdf')
    writeFileSync(file, Buffer.from(await pack.arrayBuffer()))
    expect(pdfText(file, 1)).toContain('Prepared for Carol Díaz ·') // the name given, not the login
  })

  it('removing a director with host:users refuses them within a minute; the others stay in', async () => {
    expect(tool('scripts/host-users.ts', ['remove', 'carol']).status).toBe(0)
    await expect.poll(() => ok('carol', carol), { timeout: 60_000, interval: 1000 }).toBe(401)
    expect(await ok(USER, PASSWORD)).toBe(200)
  })

  it('a director’s browser keeps no copy of the slides’ script it loaded: removing their login leaves nothing readable on the device', async () => {
    // The password sent as a header: Playwright's httpCredentials would turn Chromium's cache off.
    const context = await browser.newContext({
      extraHTTPHeaders: { Authorization: auth().Authorization },
    })
    try {
      const p = await context.newPage()
      const scriptUrl = `${origin}${BASE}assets/${script}`
      const loaded = p.waitForResponse(scriptUrl)
      await p.goto(`${origin}${BASE}`)
      expect((await loaded).status()).toBe(200)
      const kept = await p.evaluate(url => fetch(url, { cache: 'only-if-cached', mode: 'same-origin' }).then(r => r.status, () => 'nothing kept'), scriptUrl)
      expect(kept).toBe('nothing kept')
    }
    finally {
      await context.close()
    }
  })

  it('Debian’s nginx verifies the strong hashes: bcrypt $2b$ and $2y$, and SHA-512 crypt $6$', async () => {
    const pw = randomBytes(12).toString('hex')
    const sha512 = spawnSync('openssl', ['passwd', '-6', '-stdin'], { input: pw, encoding: 'utf8' }).stdout.trim()
    expect(sha512).toMatch(/^\$6\$/)
    appendFileSync(USERS, `dave:${bcrypt.hashSync(pw, 8).replace(/^\$2b\$/, '$2y$')}\nerin:${sha512}\n`)
    await expect.poll(() => ok('dave', pw), { timeout: 60_000, interval: 500 }).toBe(200)
    expect(await ok('erin', pw)).toBe(200)
    // Refused: 401, or 429 once this address has failed often enough in the tests before (the limit counts by address).
    expect([401, 429]).toContain(await ok('erin', `${pw}x`))
  })
})

describe('npm run host: each director’s own pack', () => {
  const original = join(SITE_DIR, `${DECK}.pdf`)
  const download = async (user: string, password: string, path = `${BASE}${DECK}.pdf`) => {
    const res = await fetch(`${origin}${path}`, {
      headers: auth(user, password),
    })
    const file = join(HOME, `${user}-${randomBytes(4).toString('hex')}.pdf`)
    writeFileSync(file, Buffer.from(await res.arrayBuffer()))
    return { res, file }
  }

  it('every page says whose copy it is, as searchable text, and the PDF keeps its tags, bookmarks and structure', async () => {
    const { res, file } = await download(USER, PASSWORD)
    expect(res.status).toBe(200)
    const pages = pdfPages(original)
    expect(pdfPages(file)).toBe(pages)
    for (let p = 1; p <= pages; p++) expect(pdfText(file, p), `page ${p}`).toMatch(/Prepared for board · \d{1,2} [A-Z][a-z]+ \d{4}/)
    expect(pdfText(original)).not.toContain('Prepared for')
    expect(pdfInfo(file).Tagged).toBe('yes')
    expect(pdfBookmarks(file)).toEqual(pdfBookmarks(original))
    const doc = await PDFDocument.load(readFileSync(file))
    expect(doc.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined()
  })

  it('another director gets their own name, and no path leads to someone else’s copy', async () => {
    const { file } = await download(OTHER, OTHER_PASSWORD)
    expect(pdfText(file, 1)).toContain(`Prepared for ${OTHER}`)
    expect(pdfText(file)).not.toContain(`Prepared for ${USER}`)
    for (const path of [
      `${BASE}packs/${USER}.pdf`,
      `/packs/${USER}.pdf`,
      `${BASE}..%2Fpacks%2F${USER}.pdf`,
      `${BASE}${DECK}.pdf/../../packs/${USER}.pdf`,
      `${BASE}${USER}.pdf`,
    ]) {
      const res = await fetch(`${origin}${path}`, {
        headers: auth(OTHER, OTHER_PASSWORD),
      })
      const body = Buffer.from(await res.arrayBuffer())
      expect(body.subarray(0, 4).toString(), path).not.toBe('%PDF')
    }
  })

  it('the stamp cannot be taken off with one content stream, nor by cutting the footer’s text out: every page still names the director', async () => {
    const { file } = await download(USER, PASSWORD)
    const bytes = readFileSync(file)
    const name = /Prepared for board · \d{1,2} [A-Z][a-z]+ \d{4}/
    // A page still shows its slide if the first line poppler reads on the original page is there.
    const firstLines = pdfText(original).split('\f').map(t => t.split('\n').find(l => l.trim())?.trim() ?? '')
    /** The pages that show their slide but no longer name the director. */
    async function unstamped(change: (doc: PDFDocument, page: PDFPage) => void, label: string) {
      const doc = await PDFDocument.load(bytes)
      for (const page of doc.getPages()) change(doc, page)
      const out = join(HOME, `${label}.pdf`)
      writeFileSync(out, await doc.save())
      const pages = pdfText(out).split('\f')
      return firstLines.flatMap((line, i) => line && pages[i]?.includes(line) && !name.test(pages[i])
        ? [i + 1]
        : [])
    }
    const streams = (page: PDFPage) => {
      const c = page.node.Contents()
      return c instanceof PDFArray
        ? c.asArray()
        : c
          ? [c]
          : []
    }
    const most = Math.max(...(await PDFDocument.load(bytes)).getPages().map(p => streams(p).length))
    for (let k = 0; k < most; k++) {
      expect(await unstamped((_, page) => {
        const c = page.node.Contents()
        if (c instanceof PDFArray && k < c.size())
          c.remove(k)
        else if (!(c instanceof PDFArray) && k === 0)
          page.node.delete(PDFName.of('Contents'))
      }, `dropped-stream-${k}`), `content stream ${k + 1} of each page dropped`).toEqual([])
    }
    // The footer's stamp (the last artifact drawn on the page) cut out of the page's content.
    expect(await unstamped((doc, page) => {
      const text = streams(page).map((s) => {
        const stream = doc.context.lookup(s)
        return Buffer.from(stream instanceof PDFRawStream
          ? decodePDFRawStream(stream).decode()
          : (stream as PDFContentStream).getUnencodedContents()).toString('latin1')
      }).join('\n')
      const from = text.lastIndexOf('/Artifact BMC')
      const cut = text.slice(0, from) + text.slice(text.indexOf('EMC', from) + 3)
      page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(Buffer.from(cut, 'latin1'))))
    }, 'footer-cut')).toEqual([])
    // And in the document's properties.
    expect(spawnSync('pdfinfo', ['-custom', file], { encoding: 'utf8' }).stdout).toMatch(/PreparedFor: +Prepared for board ·/)
  })

  it('the PowerPoint is stamped like the pack, on every slide and in its properties, and only for the directors BOARD_PPTX names', async () => {
    const res = await fetch(`${origin}${BASE}${DECK}.pptx`, {
      headers: auth(),
    })
    expect(res.status).toBe(200)
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))
    const slides = zip.file(/^ppt\/slides\/slide\d+\.xml$/)
    expect(slides).toHaveLength(TOTAL)
    for (const slide of slides) {
      const runs = [
        ...(await slide.async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g),
      ].map(m => m[1])
      expect(runs.filter(t => /^Prepared for board · \d{1,2} [A-Z][a-z]+ \d{4}$/.test(t)), slide.name).toHaveLength(1)
    }
    expect(await zip.file('docProps/custom.xml')!.async('string')).toMatch(/name="PreparedFor"><vt:lpwstr>Prepared for board ·/)
    // As a director sees it: opened in LibreOffice Impress, every page names them.
    const file = join(HOME, 'board.pptx')
    writeFileSync(file, await zip.generateAsync({ type: 'uint8array' }))
    const pages = pdfText(convertToPdf(file, mkdtempSync(join(HOME, 'impress-')))).split('\f').filter(t => t.trim())
    expect(pages).toHaveLength(TOTAL)
    expect(pages.filter(t => !/Prepared for board ·/.test(t)).length).toBe(0)
    const original = await JSZip.loadAsync(readFileSync(join(SITE_DIR, `${DECK}.pptx`)))
    expect(await original.file('ppt/slides/slide1.xml')!.async('string')).not.toContain('Prepared for')
    expect((await fetch(`${origin}${BASE}${DECK}.pptx`, {
      headers: auth(OTHER, OTHER_PASSWORD),
    })).status).toBe(404)
  })

  it('the reader view offers the PowerPoint to the directors BOARD_PPTX names, and no dead link to the others', async () => {
    for (const [username, password, offered] of [
      [USER, PASSWORD, true],
      [OTHER, OTHER_PASSWORD, false],
    ] as const) {
      const context = await browser.newContext({
        httpCredentials: { username, password },
      })
      try {
        const p = await context.newPage()
        // The reader view asks the server for the PowerPoint (a HEAD) before it offers it.
        const asked = p.waitForResponse(r => r.request().method() === 'HEAD' && r.url().endsWith(`${DECK}.pptx`))
        await p.goto(`${origin}${BASE}#/read`)
        expect((await asked).status()).toBe(offered
          ? 200
          : 404)
        const links = p.getByRole('navigation', { name: 'Downloads' }).getByRole('link')
        await expect.poll(async () => (await links.allInnerTexts()).includes('PowerPoint (PPTX)'), { message: username }).toBe(offered)
        expect(await links.allInnerTexts()).toContain('Board pack (PDF)')
      }
      finally {
        await context.close()
      }
    }
  })
})
describe('npm run host: the headers', () => {
  const everyResponse = async () => [
    ...(await Promise.all(PATHS.map(([p]) => fetch(`${origin}${p}`)))),
    ...(await Promise.all(PATHS.map(([p]) => fetch(`${origin}${p}`, {
      headers: auth(),
    })))),
    await fetch(`${origin}/robots.txt`),
  ]

  it('every response, the 401s included, carries the CSP and the privacy headers', async () => {
    for (const res of await everyResponse()) {
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp, res.url).toContain('default-src \'self\'')
      expect(csp).toContain('frame-ancestors \'none\'')
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

  it('every file behind the login, the slides’ scripts included, is sent no-store: kept in no cache, the browser’s included', async () => {
    for (const [path] of PATHS) {
      expect((await fetch(`${origin}${path}`, {
        headers: auth(),
      })).headers.get('cache-control'), path).toBe('no-store')
    }
  })

  it('text is sent gzipped to a browser that asks for it', async () => {
    // fetch() decodes gzip itself; read the raw header with a plain HTTP request instead.
    const { request } = await import('node:http')
    const encoding = await new Promise<string | undefined>((resolve, reject) => {
      request(`${origin}${BASE}assets/${script}`, {
        headers: {
          ...auth(),
          'Accept-Encoding': 'gzip',
        },
      }, (res) => {
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
  const pages: ReturnType<typeof watchPage>[] = []

  async function page(): Promise<Page> {
    const p = await context.newPage()
    pages.push(watchPage(p, { host: new URL(origin).host }))
    return p
  }
  const collect = async (p: Page, where: string) => {
    for (const v of await p.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? [])) violations.push(`${where}: ${v}`)
  }

  beforeAll(async () => {
    context = await browser.newContext({
      httpCredentials: { username: USER, password: PASSWORD },
      viewport: { width: 1920, height: 1080 },
    })
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] }
      w.__csp = []
      document.addEventListener('securitypolicyviolation', e => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`))
    })
  })
  afterAll(async () => context?.close())

  it(`every one of the ${TOTAL} slides, the reader view and the what-if controls: no violation, no error, no other host`, async () => {
    const p = await page()
    for (let no = 1; no <= TOTAL; no++) {
      await openSlide(p, `${origin}${BASE}`, no)
      expect(await p.locator(`.slidev-page-${no}`).innerText(), `slide ${no}`).not.toBe('')
      await collect(p, `slide ${no}`)
    }
    const whatIf = deckSlides().findIndex(s => /rates would mean here/.test(s.title ?? '')) + 1
    await openSlide(p, `${origin}${BASE}`, whatIf)
    await p.fill('#wi-people', '1000')
    await p.press('#wi-people', 'Enter')
    await expect.poll(() => p.url()).toContain('people=1000')
    await collect(p, 'what-if')
    // The hosted site is the directors' (npm run build): it has no presenter view, so the reader view stands in.
    await p.goto(`${origin}${BASE}#/read`)
    await p.waitForSelector('.reader__entry')
    await collect(p, 'reader view')
    await p.close()
    expect(violations).toEqual([])
    expect(pages.flatMap(p => p.problems)).toEqual([])
    expect(pages.flatMap(p => p.foreign)).toEqual([])
  })
})

describe('npm run host: the read log', () => {
  it('host:log gives each director their visits and downloads; the log holds no password and no Authorization header', async () => {
    const r = tool('scripts/host-log.ts', [])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/ {2}board: first visit \d{4}-\d\d-\d\d \d\d:\d\d:\d\d .*, last visit /)
    const board = r.stdout.split(/\n {2}(?=\S)/).find(s => s.startsWith('board:'))!
    expect(board).toContain('downloaded board pack (PDF)')
    expect(board).toContain('downloaded the deck (PowerPoint)')
    expect(board).toContain('downloaded figures.csv (CSV)')
    expect(board).toContain('downloaded figures.json (JSON)')
    const alice = r.stdout.split(/\n {2}(?=\S)/).find(s => s.startsWith('alice:'))!
    expect(alice).toContain('downloaded board pack (PDF)')
    expect(alice).not.toContain('PowerPoint') // refused, so not downloaded
    expect(r.stdout).toMatch(/as "board" {2}wrong password or unknown name \(401\)/)
    const log = readFileSync(join(LOG_DIR, 'access.log'), 'utf8')
    for (const secret of [
      PASSWORD,
      OTHER_PASSWORD,
      'Authorization',
      'Basic ',
    ]) expect(log).not.toContain(secret)
  })
})

describe('npm run host: guessing is slow', () => {
  it('a browser’s first visits (no password sent) are never held against the address', async () => {
    for (let i = 0; i < 40; i++) expect((await fetch(`${origin}${BASE}`)).status).toBe(401)
  })

  it('30 wrong passwords in a row from one address: 401s, then 429s; the right password still works', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 30; i++) {
      statuses.push((await fetch(`${origin}${BASE}`, {
        headers: auth(OTHER, `wrong-${i}`, null), // a guesser: no login cookie
      })).status)
    }
    expect(statuses[0]).toBe(401)
    expect(statuses.at(-1)).toBe(429)
    expect(new Set(statuses)).toEqual(new Set([401, 429]))
    // Directors behind the same office address are not locked out by someone else's typing.
    expect((await fetch(`${origin}${BASE}`, {
      headers: auth(),
    })).status).toBe(200)
    const r = tool('scripts/host-log.ts', [])
    expect(r.stdout).toMatch(/times: {2}from 127\.0\.0\.1 {2}as "alice" {2}refused: too many requests or failed logins from this address \(429\)/)
  })
})

describe('npm run host: no setting can weaken the login', () => {
  const trial = {
    BOARD_PASSWORD: randomBytes(12).toString('hex'),
  }
  const cases: [setting: string, value: string][] = [
    ['HOST', '127.0.0.1:18514;location /leak/{auth_basic off;alias /x/;}listen 127.0.0.1'],
    ['FRAME_ANCESTORS', 'https://portal.example.com\nadd_header X-Leak 1'],
    ['FRAME_ANCESTORS', 'https://$host'],
    ['FRAME_ANCESTORS', '\'self\';report-uri https://collector.example'],
    ...[';', '{', '}', '"', '\'', '<', '>'].map((c): [string, string] => ['BASE', `/board${c}/`]),
    ['BOARD_USER', '#board'],
    ['PORT', '8080;'],
    ['BOARD_LOG_DIR', `${HOME}/log;access_log off`],
  ]
  it.each(cases)('%s=%j is refused by name before nginx starts, and nothing is written', async (setting, value) => {
    const tmp = mkdtempSync(join(tmpdir(), 'board-host-refused-'))
    const r = hostCommand({ ...trial, TMPDIR: tmp, [setting]: value })
    let out = ''
    r.stdout!.on('data', d => (out += d))
    r.stderr!.on('data', d => (out += d))
    const code = await new Promise(res => r.once('close', res)) // 'close': the output is all read
    expect(code).toBe(USER_ERROR_EXIT)
    expect(out).toMatch(new RegExp(`✗ ${setting}\\b`))
    expect(out).not.toContain('serving')
    // No working folder (tsx may keep its cache there), so no nginx configuration and no nginx.
    expect(readdirSync(tmp).filter(f => f.startsWith('board-deck-nginx-'))).toEqual([])
  })

  // As root, nginx's workers run as an unprivileged account, and must pass through every folder above their own.
  it.skipIf(process.getuid?.() !== 0)('a TMPDIR nginx\'s workers cannot pass through is refused by name, before anything is written', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'board-host-closed-')) // 0700, root's
    try {
      const r = hostCommand({ ...trial, TMPDIR: tmp })
      let out = ''
      r.stdout!.on('data', d => (out += d))
      r.stderr!.on('data', d => (out += d))
      expect(await new Promise(res => r.once('close', res))).toBe(USER_ERROR_EXIT) // 'close': the output is all read
      expect(out).toContain(`✗ TMPDIR: nginx's workers run as www-data and cannot pass through ${tmp} (mode 700)`)
      expect(readdirSync(tmp).filter(f => f.startsWith('board-deck-nginx-'))).toEqual([])
    }
    finally {
      rmSync(tmp, { recursive: true, force: true })
    }
  })

  it('a port already taken is a clear error', async () => {
    const port = await freePort()
    const taken: Server = await new Promise((res) => {
      const s = createServer().listen(port, '127.0.0.1', () => res(s))
    })
    const r = hostCommand({
      ...trial,
      PORT: String(port),
    })
    let err = ''
    r.stderr!.on('data', d => (err += d))
    const code = await new Promise(res => r.once('close', res)) // 'close': the output is all read
    await new Promise(res => taken.close(res))
    expect(code).toBe(USER_ERROR_EXIT)
    expect(err).toContain(`PORT ${port} on 127.0.0.1 is already taken`)
  })
})

describe('npm run host: nginx lives and dies with the command', () => {
  const trial = {
    BOARD_PASSWORD: randomBytes(12).toString('hex'),
    BOARD_USER: 'trial',
  }

  async function expectGone(h: Host) {
    await expect.poll(() => alive(h.nginxPid), { timeout: 30_000, interval: 250 }).toBe(false)
    await expect.poll(() => existsSync(h.prefix), { timeout: 30_000, interval: 250 }).toBe(false)
    expect(await answers(h.origin)).toBe(false)
  }

  it('serves a site from a folder only its owner may enter (nginx reads its own copy)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'board-private-site-'))
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    cpSync(SITE_DIR, join(dir, 'site'), { recursive: true })
    const h = await startHost({
      ...trial,
      SITE_DIR: join(dir, 'site'),
    })
    try {
      const res = await fetch(`${h.origin}${BASE}`, {
        headers: auth('trial', trial.BOARD_PASSWORD),
      })
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('<div id="app"')
      // With no BOARD_PPTX, the editable PowerPoint goes to no one, and the reader view's link says why.
      const pptx = await fetch(`${h.origin}${BASE}${DECK}.pptx`, {
        headers: auth('trial', trial.BOARD_PASSWORD),
      })
      expect(pptx.status).toBe(404)
      expect(await pptx.text()).toBe(`The PowerPoint is the editable working copy, handed out by the company secretary. The board paper is the PDF: ${BASE}${DECK}.pdf\n`)
    }
    finally {
      await stopHost(h)
    }
  })

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s to the command stops nginx and removes its working folder; the read log stays', async (signal) => {
    const h = await startHost(trial)
    expect(alive(h.nginxPid)).toBe(true)
    expect(await answers(h.origin)).toBe(true)
    // Progress while it starts: numbered steps, each with the time since the start.
    expect(h.output()).toMatch(/^\[1\/4\] checking the settings and the logins \(\d+\.\d s\)$/m)
    expect(h.output()).toMatch(/^\[4\/4\] starting nginx \(\d+\.\d s\)$/m)
    h.proc.kill(signal)
    expect(await h.exited).toBe(0)
    expect(h.output()).toMatch(/✓ stopped/)
    await expectGone(h)
    expect(existsSync(join(LOG_DIR, 'access.log'))).toBe(true)
  })

  it('killing the command outright (SIGKILL) stops nginx too', async () => {
    const h = await startHost(trial)
    expect(alive(h.nginxPid)).toBe(true)
    h.proc.kill('SIGKILL')
    await h.exited
    await expectGone(h)
  })
})
