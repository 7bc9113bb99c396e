// `scorecard:fetch` against a fake of the API on the loopback address, serving pages in the documented
// shape: it pages through next_page, waits and retries on 429 and 500, stops on 401/403 and on a malformed
// page, and never writes or prints the key.
import type { IncomingMessage, RequestListener, Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { totalOf } from '../data/scorecard-measures'
import { USER_ERROR_EXIT } from '../scripts/lib/cli.ts'
import { checkApiUrl, days, FetchError, fetchUsage } from '../scripts/scorecard/fetch'
import { importPages } from '../scripts/scorecard/import'
import { FIXTURE, folderBytes, PAGES } from './helpers/scorecardFixture'
import { canMountTmpfs, smallDisk } from './helpers/smallDisk'

const KEY = 'sk-ant-admin01-test-key-that-must-not-leak'
const page = (file: string) => readFileSync(join(PAGES, file), 'utf8')

interface Seen {
  path: string
  query: Record<string, string>
  key?: string
  version?: string
}

/** A fake API: `script` decides each answer; every request is recorded. */
function fakeApi(script: (req: Seen, n: number) => { status: number, body: string, headers?: Record<string, string> }) {
  const seen: Seen[] = []
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url!, 'http://127.0.0.1')
    const s: Seen = {
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      key: req.headers['x-api-key'] as string,
      version: req.headers['anthropic-version'] as string,
    }
    seen.push(s)
    const a = script(s, seen.length)
    res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers })
    res.end(a.body)
  })
  return {
    seen,
    start: () => new Promise<string>(r => server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/organizations/usage_report/claude_code`))),
    stop: () => new Promise<void>(r => server.close(() => r())),
  }
}

/** The fixture's days, served as the API would: 2026-06-30 in two pages, the rest in one. */
function fixtureAnswer(req: Seen) {
  const day = req.query.starting_at
  const files = readdirSync(PAGES).filter(f => f.startsWith(day))
  if (!files.length) {
    return {
      status: 200,
      body: JSON.stringify({ data: [], has_more: false, next_page: null }),
    }
  }
  const n = req.query.page ? 2 : 1
  return {
    status: 200,
    body: page(`${day}-p${n}.json`),
  }
}

describe('scorecard:fetch against a local fake API', () => {
  const logs: string[] = []
  const opts = (apiUrl: string, out = mkdtempSync(join(tmpdir(), 'export-'))) => ({
    apiUrl,
    out,
    key: KEY,
    retryBaseMs: 5,
    log: (l: string) => logs.push(l),
    now: () => new Date('2026-10-02T08:00:00Z'),
  })

  describe('a quarter-end with paging, a 429 and a 500', () => {
    let api: ReturnType<typeof fakeApi>
    let result: Awaited<ReturnType<typeof fetchUsage>>
    let out: string
    beforeAll(async () => {
      // 2026-06-30: page 1 is rate-limited twice (Retry-After: 0), page 2 fails once with a 500.
      let limited = 0
      let failed = 0
      api = fakeApi((req) => {
        if (req.query.starting_at === '2026-06-30' && !req.query.page && limited++ < 2) {
          return {
            status: 429,
            body: '{"type":"error"}',
            headers: { 'retry-after': '0' },
          }
        }
        if (req.query.starting_at === '2026-06-30' && req.query.page && failed++ < 1)
          return { status: 500, body: 'upstream' }
        return fixtureAnswer(req)
      })
      const url = await api.start()
      out = mkdtempSync(join(tmpdir(), 'export-'))
      result = await fetchUsage({
        ...opts(url, out),
        from: '2026-06-29',
        to: '2026-07-01',
      })
    })
    afterAll(() => api.stop())

    it('asks for each day with the documented parameters and headers', () => {
      const firstTries = api.seen.filter((s, i) => api.seen.findIndex(t => t.query.starting_at === s.query.starting_at && t.query.page === s.query.page) === i)
      expect(firstTries.map(s => [s.query.starting_at, s.query.page ?? null])).toEqual([
        ['2026-06-29', null],
        ['2026-06-30', null],
        ['2026-06-30', JSON.parse(page('2026-06-30-p1.json')).next_page],
        ['2026-07-01', null],
      ])
      for (const s of api.seen) {
        expect(s.path).toBe('/v1/organizations/usage_report/claude_code')
        expect(s.query.limit).toBe('1000')
        expect(s.key).toBe(KEY)
        expect(s.version).toBe('2023-06-01')
      }
    })

    it('retries the 429 and the 500, and says so', () => {
      expect(api.seen.filter(s => s.query.starting_at === '2026-06-30' && !s.query.page)).toHaveLength(3)
      expect(api.seen.filter(s => s.query.page)).toHaveLength(2)
      expect(logs.join('\n')).toMatch(/2026-06-30, page 1: 429, trying again/)
      expect(logs.join('\n')).toMatch(/2026-06-30, page 2: 500, trying again/)
    })

    it('saves every page as sent, plus a manifest, and the import reads them', () => {
      expect(readdirSync(out).sort()).toEqual([
        '2026-06-29-p1.json',
        '2026-06-30-p1.json',
        '2026-06-30-p2.json',
        '2026-07-01-p1.json',
        'export-manifest-2026-06-29_2026-07-01.json',
      ])
      expect(readFileSync(join(out, '2026-06-30-p2.json'), 'utf8')).toBe(JSON.stringify(JSON.parse(page('2026-06-30-p2.json'))))
      expect(JSON.parse(readFileSync(join(out, 'export-manifest-2026-06-29_2026-07-01.json'), 'utf8'))).toEqual({ exportedAt: '2026-10-02T08:00:00.000Z', from: '2026-06-29', to: '2026-07-01' })
      const expected = ['2026-06-30-p1.json', '2026-06-30-p2.json', '2026-07-01-p1.json'].reduce((s, f) => s + JSON.parse(page(f)).data.length, 0)
      expect(result.records).toBe(expected)
    })

    it('the key is in no file and no log line', () => {
      for (const f of readdirSync(out)) expect(readFileSync(join(out, f), 'utf8')).not.toContain(KEY)
      expect(logs.join('\n')).not.toContain(KEY)
    })

    it('the saved pages import like the fixture', () => {
      const people = join(mkdtempSync(join(tmpdir(), 'people-')), 'people.csv')
      copyFileSync(join(FIXTURE, 'people.csv'), people)
      const q = importPages({
        paths: [out],
        people,
        out: mkdtempSync(join(tmpdir(), 'sc-')),
      }).quarters
      expect(q.map(x => [x.quarter, x.provenance.from, x.provenance.to])).toEqual([
        ['2026-Q2', '2026-06-29', '2026-06-30'],
        ['2026-Q3', '2026-07-01', '2026-07-01'],
      ])
      expect(totalOf(q[1]).sessions).toBeGreaterThan(0)
    })
  })

  /** Runs the fetch for one day (or the range in `extra`) against a fake API answering by `script`, then stops it. */
  async function fetchAgainst(script: Parameters<typeof fakeApi>[0], extra: Partial<Parameters<typeof fetchUsage>[0]> = {}) {
    const api = fakeApi(script)
    const url = await api.start()
    try {
      const outcome = await fetchUsage({
        ...opts(url),
        from: '2026-07-01',
        to: '2026-07-01',
        ...extra,
      }).catch(e => e)
      return { outcome, seen: api.seen }
    }
    finally {
      await api.stop()
    }
  }

  /** Starts raw HTTP servers on the loopback address, hands `use` their addresses, then closes them and their sockets. */
  async function withServers(handlers: RequestListener[], use: (urls: string[]) => Promise<void>) {
    const sockets = new Set<Socket>()
    const servers = handlers.map((h) => {
      const s = createServer(h)
      s.on('connection', c => sockets.add(c))
      return s
    })
    try {
      const urls = await Promise.all(servers.map(s => new Promise<string>(r => s.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(s.address() as AddressInfo).port}/`)))))
      await use(urls)
    }
    finally {
      for (const c of sockets) c.destroy()
      await Promise.all(servers.map(s => new Promise(r => s.close(r))))
    }
  }

  /** A server that answers 200 and then sends a space every 20 ms, never finishing. */
  const trickling: RequestListener = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    const t = setInterval(() => res.write(' '), 20)
    res.on('close', () => clearInterval(t))
  }
  const silent: RequestListener = () => {} // accepts, never answers

  it.each([
    [401, /answered 401 \(the key was not accepted\)/],
    [403, /answered 403 \(the key may not read usage reports\)/],
  ])('stops at once on %i, with a clear message and no retry', async (status, message) => {
    const { outcome: err, seen } = await fetchAgainst(() => ({ status, body: '{"error":"no"}' }), { to: '2026-07-02' })
    expect(err).toBeInstanceOf(FetchError)
    expect(err.message).toMatch(message)
    expect(err.message).not.toContain(KEY)
    expect(seen).toHaveLength(1)
  })

  it('stops on a malformed page, naming the day, the page and the field', async () => {
    const broken = JSON.parse(page('2026-07-01-p1.json'))
    delete broken.data[2].core_metrics
    const { outcome: err } = await fetchAgainst(() => ({
      status: 200,
      body: JSON.stringify(broken),
    }))
    expect(err).toBeInstanceOf(FetchError)
    expect(err.message).toContain('2026-07-01, page 1 is not a Claude Code usage report page')
    expect(err.message).toContain('data[2].core_metrics is missing')
  })

  it('gives up after its tries when the API keeps failing', async () => {
    const { outcome: err, seen } = await fetchAgainst(() => ({ status: 503, body: 'down' }), { attempts: 3 })
    expect(err.message).toMatch(/2026-07-01, page 1: still 503 after 3 tries/)
    expect(seen).toHaveLength(3)
  })

  it('refuses to save pages inside the repo, and to run without a key', async () => {
    const inRepo = join(__dirname, '..', 'test-results', `export-${process.pid}`)
    await expect(fetchUsage({
      ...opts('http://127.0.0.1:9'),
      out: inRepo,
      from: '2026-07-01',
      to: '2026-07-01',
    })).rejects.toThrow(/inside the repo/)
    expect(existsSync(inRepo)).toBe(false) // refused before the folder was made
    await expect(fetchUsage({
      ...opts('http://127.0.0.1:9'),
      key: '',
      from: '2026-07-01',
      to: '2026-07-01',
    })).rejects.toThrow(/Set ANTHROPIC_ADMIN_KEY/)
  })

  describe('hostile or broken answers', () => {
    it('a redirect to another address gets no key: it stops, naming where it pointed', async () => {
      const elsewhere = fakeApi(req => fixtureAnswer(req))
      const target = await elsewhere.start()
      try {
        const { outcome: err, seen } = await fetchAgainst(() => ({
          status: 302,
          body: '',
          headers: { location: `${target}?starting_at=2026-07-01` },
        }))
        expect(err).toBeInstanceOf(FetchError)
        expect(err.message).toMatch(/answered 302, a redirect to http:\/\/127\.0\.0\.1:\d+\/v1\/organizations\/usage_report\/claude_code/)
        expect(err.message).toMatch(/redirects are not followed/)
        expect(elsewhere.seen).toHaveLength(0)
        expect(seen).toHaveLength(1)
      }
      finally {
        await elsewhere.stop()
      }
    })

    it('cursors that alternate, or never end, stop with a clear message', async () => {
      const alternating = await fetchAgainst(req => ({
        status: 200,
        body: JSON.stringify({
          data: [],
          has_more: true,
          next_page: req.query.page === 'a'
            ? 'b'
            : 'a',
        }),
      }))
      expect(alternating.outcome.message).toMatch(/2026-07-01, page 3: next_page repeats a cursor already followed/)
      expect(alternating.seen).toHaveLength(3)
      let n = 0
      const endless = await fetchAgainst(() => ({
        status: 200,
        body: JSON.stringify({ data: [], has_more: true, next_page: `c${n++}` }),
      }), { maxPagesPerDay: 20 })
      expect(endless.outcome.message).toMatch(/2026-07-01: more than 20 pages for one day/)
      expect(endless.seen).toHaveLength(20)
    })

    it('a huge Retry-After is capped, and the cap is said', async () => {
      let tries = 0
      logs.length = 0
      const started = Date.now()
      const { outcome, seen } = await fetchAgainst(req => (tries++ === 0
        ? {
            status: 429,
            body: '{}',
            headers: { 'retry-after': '3000000' },
          }
        : fixtureAnswer(req)), { maxRetryAfterMs: 200 })
      expect(outcome).not.toBeInstanceOf(Error)
      expect(Date.now() - started).toBeLessThan(60_000) // uncapped, it would wait 34 days
      expect(logs.join('\n')).toMatch(/trying again in 0\.2 s \(Retry-After asked for 3000000 s; capped\)/)
      expect(seen).toHaveLength(2)
    })

    it('a silent server and a trickling one fail after their tries, each within the request time limit', async () => {
      await withServers([silent, trickling], async (urls) => {
        for (const url of urls) {
          const err = await fetchUsage({
            ...opts(url),
            from: '2026-07-01',
            to: '2026-07-01',
            attempts: 2,
            requestTimeoutMs: 300,
          }).catch(e => e)
          expect(err).toBeInstanceOf(FetchError)
          expect(err.message).toMatch(/2026-07-01, page 1: still no answer after 2 tries/)
        }
      })
    })

    it('an oversized answer is refused once, not retried, whether its size is declared or streamed', async () => {
      const big = JSON.stringify({
        data: [],
        has_more: false,
        next_page: null,
        padding: 'x'.repeat(5000),
      })
      const seen = [0, 0]
      // Declared: Content-Length says 5 kB. Streamed: chunked, no length, 1 kB a chunk, never-ending.
      const declared: RequestListener = (_req, res) => {
        seen[0]++
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(big)),
        })
        res.end(big)
      }
      const streamed: RequestListener = (_req, res) => {
        seen[1]++
        res.writeHead(200, { 'content-type': 'application/json' })
        const t = setInterval(() => res.write('x'.repeat(1000)), 5)
        res.on('close', () => clearInterval(t))
      }
      await withServers([declared, streamed], async (urls) => {
        for (const [i, url] of urls.entries()) {
          const out = mkdtempSync(join(tmpdir(), 'export-'))
          const err = await fetchUsage({
            ...opts(url, out),
            from: '2026-07-01',
            to: '2026-07-01',
            maxBodyBytes: 2000,
          }).catch(e => e)
          expect(err).toBeInstanceOf(FetchError)
          expect(err.message).toMatch(/2026-07-01, page 1: the answer is .*more than the 2,000-byte limit for one page \(maxBodyBytes\); refused, not retried/)
          expect(seen[i]).toBe(1)
          expect(readdirSync(out)).toEqual([])
        }
      })
    })

    it('a silent server, a trickling one and a long Retry-After all stop at the time limit of the whole run', async () => {
      const waitLong: RequestListener = (_req, res) => {
        res.writeHead(429, { 'retry-after': '100' })
        res.end('{}')
      }
      await withServers([silent, trickling, waitLong], async (urls) => {
        for (const url of urls) {
          const started = Date.now()
          // Each request may take a minute and each wait two; the whole run only 0.4 s.
          const err = await fetchUsage({
            ...opts(url),
            from: '2026-07-01',
            to: '2026-07-01',
            requestTimeoutMs: 60_000,
            maxRetryAfterMs: 120_000,
            maxRunMs: 400,
          }).catch(e => e)
          expect(err).toBeInstanceOf(FetchError)
          expect(err.message).toMatch(/2026-07-01, page 1: the fetch ran out of its time, 0\.00667 minutes for the whole run \(--max-minutes\); stopped/)
          expect(Date.now() - started).toBeLessThan(20_000)
        }
      })
    })

    it('an error body is summarised, never printed raw (a server echoing the key would print it)', async () => {
      const { outcome: err } = await fetchAgainst(req => ({
        status: 400,
        body: JSON.stringify({
          error: { type: 'invalid_request_error', message: `bad key ${req.key}` },
        }),
      }))
      expect(err.message).toMatch(/answered 400 \(invalid_request_error\)/)
      expect(err.message).not.toContain(KEY)
    })

    it('a record dated outside the day asked for is refused with the day named, and nothing is saved', async () => {
      const out = mkdtempSync(join(tmpdir(), 'export-'))
      const { outcome: err } = await fetchAgainst(() => ({
        status: 200,
        body: page('2026-08-18-p1.json'),
      }), { out })
      expect(err.message).toMatch(/2026-07-01, page 1: data\[0\] is dated 2026-08-18, not 2026-07-01/)
      expect(readdirSync(out)).toEqual([])
    })
  })

  describe('all or nothing on faults, readable by its owner only', () => {
    /** A folder that already holds an earlier fetch, to show that a failed one leaves it byte for byte as it was. */
    function earlierExport(dir = mkdtempSync(join(tmpdir(), 'export-'))) {
      const out = join(dir, 'export')
      mkdirSync(out, { mode: 0o700 })
      copyFileSync(join(PAGES, '2026-06-30-p1.json'), join(out, '2026-06-30-p1.json'))
      return {
        out,
        before: folderBytes(out),
      }
    }

    it('pages are written 0600 in a 0700 folder; an existing folder open to others is refused, and left as it was', async () => {
      const made = join(mkdtempSync(join(tmpdir(), 'export-')), 'new')
      const { outcome } = await fetchAgainst(fixtureAnswer, { out: made })
      expect(outcome.files.length).toBeGreaterThan(0)
      expect(statSync(made).mode & 0o777).toBe(0o700)
      for (const f of readdirSync(made)) expect(statSync(join(made, f)).mode & 0o777, f).toBe(0o600)
      const open = mkdtempSync(join(tmpdir(), 'export-'))
      chmodSync(open, 0o755)
      const { outcome: refused } = await fetchAgainst(fixtureAnswer, { out: open })
      expect(refused).toBeInstanceOf(FetchError)
      expect(refused.message).toBe(`--out ${open} is open to other users (mode 755) and the pages carry email addresses: make it private (chmod 700 ${open}) or name a new folder, which the fetch makes private`)
      expect(statSync(open).mode & 0o777).toBe(0o755)
      expect(readdirSync(open)).toEqual([])
    })

    it.skipIf(!canMountTmpfs())('a disk that fills up mid-fetch leaves no page (not even an empty one), only a one-line error naming the file', async () => {
      const disk = smallDisk()
      try {
        const { out, before } = earlierExport(disk.dir)
        disk.fill(0)
        const { outcome: err } = await fetchAgainst(fixtureAnswer, { out, to: '2026-07-02' })
        expect(err).toBeInstanceOf(FetchError)
        expect(err.message).toBe(`${out}/2026-07-01-p1.json: could not be written (ENOSPC: no space left on device); nothing of this range was kept, ${out} is as it was`)
        expect(folderBytes(out)).toEqual(before)
      }
      finally {
        disk.remove()
      }
    })

    it('a stop (SIGTERM) mid-fetch removes the pages fetched so far, in one line, exit 2', async () => {
      const { out, before } = earlierExport()
      // 1 July is answered; 2 July never is, so the stop comes while the fetch waits for it.
      let asked: () => void
      const waiting = new Promise<void>(r => (asked = r))
      await withServers([
        (req, res) => {
          const day = new URL(req.url!, 'http://x').searchParams.get('starting_at')
          if (day === '2026-07-02')
            return asked()
          res.writeHead(200, { 'content-type': 'application/json' })
          res.end(page('2026-07-01-p1.json'))
        },
      ], async ([url]) => {
        const command = spawn(process.execPath, [
          '--import',
          'tsx',
          'scripts/scorecard/fetch.ts',
          '--from',
          '2026-07-01',
          '--to',
          '2026-07-02',
          '--out',
          out,
          '--api-url',
          url,
        ], {
          cwd: join(__dirname, '..'),
          env: { ...process.env, ANTHROPIC_ADMIN_KEY: KEY },
        })
        let stderr = ''
        command.stderr.on('data', (d: Buffer) => (stderr += d))
        await waiting
        command.kill('SIGTERM')
        const [status] = await once(command, 'close') // after its output is read, not only at its exit
        expect(stderr.trim()).toBe(`✗ 2026-07-02, page 1: the fetch was stopped (SIGTERM); nothing of 2026-07-01 to 2026-07-02 was kept, ${out} is as it was.`)
        expect(status).toBe(USER_ERROR_EXIT)
      })
      expect(folderBytes(out)).toEqual(before)
    }, 30_000)
  })

  it('walks every day of a quarter, both ends included', () => {
    expect(days('2026-07-01', '2026-09-30')).toHaveLength(92)
    expect(() => days('2026-09-30', '2026-07-01')).toThrow(/after/)
  })
})

describe('--api-url: the admin key never crosses a network in clear', () => {
  it('https anywhere, plain http only to this machine; anything else refused before a request or a file', async () => {
    for (const ok of [
      'https://api.anthropic.com/v1/x',
      'http://127.0.0.1:9/x',
      'http://localhost:8/x',
      'http://[::1]:7/x',
    ])
      expect(checkApiUrl(ok).href, ok).toBe(new URL(ok).href)
    for (const bad of [
      'http://api.example.com/v1/x',
      'http://10.0.0.5/x',
      'ftp://127.0.0.1/x',
      'http://127.0.0.1.example.com/x',
    ])
      expect(() => checkApiUrl(bad), bad).toThrow(/^--api-url must be https:\/\//)
    expect(() => checkApiUrl('not a url')).toThrow(/^--api-url is not a URL/)
    const out = join(mkdtempSync(join(tmpdir(), 'export-')), 'pages')
    await expect(fetchUsage({
      from: '2026-07-01',
      to: '2026-07-01',
      out,
      key: 'k',
      apiUrl: 'http://api.example.com/v1/x',
    })).rejects.toThrow(/^--api-url must be https/)
    expect(existsSync(out)).toBe(false)
  })
})
