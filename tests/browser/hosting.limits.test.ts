// `npm run host` under attack and faults, through the real nginx: a read log no request can forge, a log
// that stays to its size, slow clients and floods from one address that leave the other addresses served,
// password checks refused before they cost anything, nginx gone with its port whichever process is killed,
// HTTPS with a certificate made here by openssl, and a TLS proxy's forwarded address believed from it only.
// Test clients are all on loopback; each "client" uses its own 127.x.y.z source address.
import type { Socket } from 'node:net'
import type { Host } from './host-process'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import bcrypt from 'bcryptjs'
import { afterAll, describe, expect, it } from 'vitest'
import { selfSignedCertificate } from '../helpers/tls'
import { BASE, freePort, SITE_DIR } from './helpers'
import { alive, hostEnv, hostServing, spawnHost, stopHost } from './host-process'

const DECK = 'board-deck-agentic-coding'
const HOME = mkdtempSync(join(tmpdir(), 'board-host-limits-'))
const USER = 'ann'
const PASSWORD = randomBytes(12).toString('hex')
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
const AUTH = basic(USER, PASSWORD)

afterAll(() => rmSync(HOME, { recursive: true, force: true }))

interface LimitsHost extends Host {
  logDir: string
}

const env = (extra: Record<string, string>) => hostEnv(extra)

/** `npm run host` for one director, its own read log; resolves once it says "serving". */
async function startHost(extra: Record<string, string> = {}): Promise<LimitsHost> {
  const port = await freePort()
  const logDir = join(HOME, `log-${randomBytes(4).toString('hex')}`)
  const proc = spawnHost(env({
    PORT: String(port),
    BOARD_USER: USER,
    BOARD_PASSWORD: PASSWORD,
    BOARD_LOG_DIR: logDir,
    ...extra,
  }))
  return {
    ...await hostServing(proc, port),
    logDir,
  }
}
function hostLog(h: LimitsHost) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/host-log.ts'], {
    encoding: 'utf8',
    env: env({
      BOARD_LOG_DIR: h.logDir,
      BOARD_USERS: join(HOME, 'no-users-file'),
    }),
  })
}

interface Answer { status: number, headers: Record<string, string | string[] | undefined>, body: string }
/** One request from a chosen loopback source address (a distinct client), over HTTP or HTTPS. */
function ask(port: number, path: string, { from = '127.0.0.1', headers = {}, method = 'GET', tls, timeout = 10_000 }: { from?: string, headers?: Record<string, string>, method?: string, tls?: { ca: string }, timeout?: number } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = (tls ? httpsRequest : httpRequest)({
      host: '127.0.0.1',
      port,
      path,
      method,
      headers,
      localAddress: from,
      timeout,
      agent: false,
      ...(tls
        ? { ca: tls.ca, servername: 'localhost' }
        : {}),
    }, (res) => {
      let body = ''
      res.setEncoding('latin1')
      res.on('data', (d: string) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeout} ms`)))
    req.on('error', reject)
    req.end()
  })
}
const status = (port: number, path: string, options: Parameters<typeof ask>[2] = {}) => ask(port, path, options).then(a => a.status, (e: Error) => e.message)
/** A director's browser at `from`: logs in once and keeps the cookie nginx gives, as a browser does. */
async function director(port: number, from: string): Promise<Record<string, string>> {
  const first = await ask(port, BASE, {
    from,
    headers: { Authorization: AUTH },
  })
  const cookie = /board_login=[0-9a-f]+/.exec(String(first.headers['set-cookie'] ?? ''))?.[0]
  if (first.status !== 200 || !cookie)
    throw new Error(`no login: ${first.status}`)
  return { Authorization: AUTH, Cookie: cookie }
}

/** nginx's workers: its master's children. */
function workers(masterPid: number): number[] {
  return readdirSync('/proc').filter(d => /^\d+$/.test(d)).map(Number).filter((pid) => {
    try {
      return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1]) === masterPid
    }
    catch {
      return false
    }
  })
}
const parentOf = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1])
/** Can another program listen on the port now? */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer()
    s.once('error', () => resolve(false))
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)))
  })
}

describe('the read log cannot be forged, and shows only what happened', () => {
  it('a name sent to a path without the login, or with a wrong password, is never listed as a reader; a HEAD or a one-byte range is no download', async () => {
    const h = await startHost()
    try {
      const carol = {
        Authorization: basic('carol', 'whatever'),
      }
      expect(await status(h.port, '/robots.txt', { headers: carol })).toBe(200)
      expect(await status(h.port, BASE.slice(0, -1), { headers: carol })).toBe(301)
      expect(await status(h.port, `${BASE}figures.csv`, { headers: carol })).toBe(401)
      // A name built to hide the lines after it in a terminal, and one forging a reader's line.
      await status(h.port, BASE, {
        headers: {
          Authorization: basic('\u001B[8m', 'x'),
        },
      })
      await status(h.port, BASE, {
        headers: {
          Authorization: basic('x\n  carol\uFF1A first visit 2026-11-28', 'x'),
        },
      })
      expect(await status(h.port, `${BASE}${DECK}.pdf`, {
        headers: { Authorization: AUTH },
        method: 'HEAD',
      })).toBe(200)
      expect(await status(h.port, `${BASE}${DECK}.pdf`, {
        headers: { Authorization: AUTH, Range: 'bytes=0-0' },
      })).toBe(206)
      let r = hostLog(h)
      expect(r.status, r.stderr).toBe(0)
      expect(r.stdout).toMatch(/^ {2}ann: first visit /m)
      expect(r.stdout).not.toMatch(/^ {2}carol/m)
      expect(r.stdout).not.toContain('downloaded board pack')
      // eslint-disable-next-line no-control-regex -- control characters are what it looks for
      expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\uFFFF]/)
      expect(r.stdout).toContain('as "\\u001b[8m"')
      expect(await status(h.port, `${BASE}${DECK}.pdf`, {
        headers: { Authorization: AUTH },
      })).toBe(200)
      r = hostLog(h)
      expect(r.stdout).toContain('downloaded board pack (PDF)')
    }
    finally {
      await stopHost(h)
    }
  })

  it('a read log of the earlier format keeps its history: host:log lists its visits and downloads with today’s, its forged names as nothing', async () => {
    const logDir = join(HOME, `log-earlier-${randomBytes(4).toString('hex')}`)
    mkdirSync(logDir, { mode: 0o700 })
    copyFileSync('tests/fixtures/hosting/access-earlier-format.log', join(logDir, 'access.log'))
    const h = {
      ...await startHost({ BOARD_LOG_DIR: logDir }),
      logDir,
    }
    try {
      expect(await status(h.port, BASE, {
        headers: { Authorization: AUTH },
      })).toBe(200)
      const r = hostLog(h)
      expect(r.status, r.stderr).toBe(0)
      // First seen in the earlier log, last seen now.
      expect(r.stdout).toMatch(/^ {2}ann: first visit 2026-11-20 09:00:02 \+00:00, last visit (?!2026-11-20)\d{4}-\d\d-\d\d /m)
      expect(r.stdout).toContain('downloaded board pack (PDF) at 2026-11-20 09:05:10 +00:00 (earlier log: whole file not recorded)')
      expect(r.stdout).toMatch(/from 192\.0\.2\.44 {2}as "bob" {2}wrong password/)
      expect(r.stdout).not.toMatch(/^ {2}(carol|the\.chair):/m)
      expect(r.stdout).toContain('11 lines written by an earlier version of the host')
    }
    finally {
      await stopHost(h)
    }
  })

  it('the log is rotated past BOARD_LOG_MAX, one previous part kept, and host:log reads both', async () => {
    const h = await startHost({ BOARD_LOG_MAX: '16K' })
    try {
      expect(await status(h.port, BASE, {
        headers: { Authorization: AUTH },
      })).toBe(200)
      // Wrong passwords from one address: 401s, then 429s, each one line in the log.
      const flood = {
        from: '127.0.0.9',
        headers: {
          Authorization: basic(USER, 'wrong'),
        },
      }
      let sent = 0
      for (let round = 0; round < 40; round++) {
        await Promise.all(Array.from({ length: 50 }, () => status(h.port, `${BASE}${'x'.repeat(100)}`, flood)))
        sent += 50
      }
      const log = join(h.logDir, 'access.log')
      await expect.poll(() => statSync(log).size, { timeout: 30_000, interval: 250 }).toBeLessThanOrEqual(16 * 1024)
      const files = readdirSync(h.logDir).sort()
      expect(files).toEqual(['access.log', 'access.log.1'])
      const kept = files.reduce((n, f) => n + statSync(join(h.logDir, f)).size, 0)
      console.warn(`read log: ${sent} lines of over 250 bytes written, ${kept} bytes kept (${files.join(', ')})`)
      // Each line is over 250 bytes: what was written is many times what is kept.
      expect(kept * 4).toBeLessThan(sent * 250)
      expect(hostLog(h).stdout).toMatch(/from 127\.0\.0\.9 {2}as "ann" {2}refused/)
    }
    finally {
      await stopHost(h)
    }
  })
})

describe('one client cannot take the site from the others', () => {
  it('3000 half-sent requests from one address: a director on another address still gets every page', async () => {
    const h = await startHost()
    const ann = await director(h.port, '127.0.0.3')
    // Far more than nginx's connections without the relay (2 workers × 256), from one address.
    const ATTACK = 3000
    const sockets: Socket[] = []
    try {
      let closed = 0
      // In waves of 100, so that every nginx worker takes its share.
      for (let wave = 0; wave < ATTACK / 100; wave++) {
        await Promise.all(Array.from({ length: 100 }, () => new Promise<void>((resolve) => {
          const s = connect({ host: '127.0.0.1', port: h.port, localAddress: '127.0.0.2' }, () => {
            s.write(`GET ${BASE} HTTP/1.1\r\nHost: board\r\n`) // and never the blank line that ends it
            resolve()
          })
          s.on('error', () => resolve())
          s.on('close', () => closed++)
          sockets.push(s)
        })))
        await new Promise(r => setTimeout(r, 20))
      }
      const seen: (number | string)[] = []
      const took: number[] = []
      for (let i = 0; i < 20; i++) {
        const t = performance.now()
        seen.push(await status(h.port, BASE, {
          from: '127.0.0.3',
          headers: ann,
          timeout: 10_000,
        }))
        took.push(performance.now() - t)
      }
      console.warn(`director during the attack: ${seen.join(',')}; ms: ${took.map(Math.round).join(',')}; attacker sockets closed: ${closed}`)
      expect(seen).toEqual(Array.from({ length: 20 }).fill(200))
      // The relay held at most 64 of the attacker's connections: the others were closed as they came.
      await expect.poll(() => closed, { timeout: 10_000 }).toBeGreaterThanOrEqual(ATTACK - 64)
    }
    finally {
      for (const s of sockets) s.destroy()
      await stopHost(h)
    }
  })

  it('a flood of wrong passwords from one address is answered 429 before most are checked; another address is not slowed out', async () => {
    const h = await startHost()
    try {
      const guesses = 400
      const ann = await director(h.port, '127.0.0.6')
      const answers: (number | string)[] = []
      const meanwhile: (number | string)[] = []
      const attack = { going: true }
      const flood = (async () => {
        for (let i = 0; i < guesses / 20; i++) {
          answers.push(...await Promise.all(Array.from({ length: 20 }, (_, j) => status(h.port, BASE, {
            from: '127.0.0.5',
            headers: {
              Authorization: basic(USER, `guess-${i}-${j}`),
            },
          }))))
        }
        attack.going = false
      })()
      while (attack.going) {
        meanwhile.push(await status(h.port, BASE, {
          from: '127.0.0.6',
          headers: ann,
        }))
      }
      await flood
      const checked = (h.output().match(/password mismatch/g) ?? []).length
      console.warn(`${guesses} guesses: ${checked} passwords checked; answers ${JSON.stringify(Object.fromEntries([
        ...new Set(answers),
      ].map(a => [a, answers.filter(x => x === a).length])))}; director meanwhile: ${meanwhile.length} requests, ${meanwhile.filter(s => s === 200).length} answered 200`)
      expect(answers.every(a => a === 401 || a === 429)).toBe(true)
      expect(checked).toBeLessThan(guesses / 2)
      expect(meanwhile.length).toBeGreaterThan(0)
      expect(meanwhile.every(s => s === 200)).toBe(true)
    }
    finally {
      await stopHost(h)
    }
  })
})

describe('behind one shared address (an office, a proxy), a director’s typo asks again', () => {
  /** Directors d01…d14 in a users file of their own, each with a password. */
  const DIRECTORS = Array.from({ length: 14 }, (_, i): [name: string, password: string] => [
    `d${String(i + 1).padStart(2, '0')}`,
    randomBytes(12).toString('hex'),
  ])
  const password = new Map(DIRECTORS)
  function usersFile() {
    const file = join(HOME, `users-${randomBytes(4).toString('hex')}`)
    writeFileSync(file, DIRECTORS.map(([name, pw]) => `${name}:${bcrypt.hashSync(pw, 8)}\n`).join(''), { mode: 0o600 })
    return { BOARD_USERS: file, BOARD_USER: '', BOARD_PASSWORD: '' }
  }
  /** A first login from a browser with no cookie yet: the answer's status and whether it asks for the password again. */
  const login = (h: Host, from: string, name: string, pw = password.get(name)!) => ask(h.port, BASE, {
    from,
    headers: {
      Authorization: basic(name, pw),
    },
  })
  const asksAgain = (a: Answer) => a.headers['www-authenticate'] === 'Basic realm="Board paper"'

  it('14 directors log in from one address; then one mistypes: a 401 that asks again, and the next try gets in', async () => {
    const h = await startHost(usersFile())
    try {
      const office = '127.0.0.11'
      const firsts = []
      for (const [name] of DIRECTORS) firsts.push((await login(h, office, name)).status)
      expect(firsts).toEqual(DIRECTORS.map(() => 200))
      const typo = await login(h, office, 'd01', 'wrong')
      expect(typo.status).toBe(401)
      expect(asksAgain(typo)).toBe(true)
      expect((await login(h, office, 'd01')).status).toBe(200)
    }
    finally {
      await stopHost(h)
    }
  })

  it('the limit is per address: a guesser’s 429s reach no other director’s typo, at their address or another; the 429 says when to try again, and then the director gets in', async () => {
    const h = await startHost(usersFile())
    try {
      const shared = '127.0.0.12'
      const guesses: number[] = []
      for (let i = 0; i < 15; i++) guesses.push((await login(h, shared, 'd02', `guess-${i}`)).status)
      expect(guesses[0]).toBe(401)
      expect(guesses.at(-1)).toBe(429)
      // Another director at the guesser's address, and the guessed director from home: each typo asks again.
      for (const [from, name] of [
        [shared, 'd03'],
        ['127.0.0.13', 'd02'],
      ]) {
        const typo = await login(h, from, name, 'wrong')
        expect(typo.status, `${name} from ${from}`).toBe(401)
        expect(asksAgain(typo)).toBe(true)
      }
      // The guessed director at the guesser's address: refused for now, told when to come back, then let in.
      const refused = await login(h, shared, 'd02')
      expect(refused.status).toBe(429)
      const retryAfter = Number(refused.headers['retry-after'])
      expect(retryAfter).toBeGreaterThan(0)
      expect(refused.body).toContain(`Wait ${retryAfter} seconds, then reload the page`)
      await expect.poll(async () => (await login(h, shared, 'd02')).status, { timeout: retryAfter * 1000, interval: 1000 }).toBe(200)
      // One address trying many names is held too, by its address alone.
      const spray: number[] = []
      for (let i = 0; i < 60; i++) spray.push((await login(h, '127.0.0.14', `nobody${i}`, 'x')).status)
      expect(spray.slice(0, 10)).toEqual(Array.from({ length: 10 }).fill(401))
      expect(spray.at(-1)).toBe(429)
      const elsewhere = await login(h, '127.0.0.15', 'd04', 'wrong')
      expect(elsewhere.status).toBe(401)
      expect(asksAgain(elsewhere)).toBe(true)
    }
    finally {
      await stopHost(h)
    }
  })
})

describe('no orphan: nginx and its port go with the command, whichever process is killed', () => {
  async function expectGone(h: Host, workerPids: number[]) {
    await expect.poll(() => alive(h.nginxPid), { timeout: 30_000, interval: 250 }).toBe(false)
    await expect.poll(() => workerPids.filter(alive), { timeout: 30_000, interval: 250 }).toEqual([])
    await expect.poll(() => portFree(h.port), { timeout: 30_000, interval: 250 }).toBe(true)
    await expect.poll(() => existsSync(h.prefix), { timeout: 30_000, interval: 250 }).toBe(false)
  }

  it.each(['the watchdog', 'nginx\'s master', 'the command'] as const)('SIGKILL to %s: nginx, its workers and the port are freed, and the command ends', async (victim) => {
    const h = await startHost()
    const workerPids = workers(h.nginxPid)
    expect(workerPids.length).toBeGreaterThan(0)
    expect(await status(h.port, BASE, {
      headers: { Authorization: AUTH },
    })).toBe(200)
    const pid = {
      'the watchdog': parentOf(h.nginxPid),
      'nginx\'s master': h.nginxPid,
      'the command': h.proc.pid!,
    }[victim]
    process.kill(pid, 'SIGKILL')
    await expectGone(h, workerPids)
    const code = await h.exited
    if (victim !== 'the command') {
      expect(code).toBe(1)
      expect(h.output()).toMatch(/✗ nginx/)
    }
  })

  it('SIGKILL to the command and the watchdog at once (no one left to stop nginx): nginx, its workers and the port are freed', async () => {
    const h = await startHost()
    const workerPids = workers(h.nginxPid)
    const watchdog = parentOf(h.nginxPid)
    expect(await status(h.port, BASE, {
      headers: { Authorization: AUTH },
    })).toBe(200)
    process.kill(h.proc.pid!, 'SIGKILL')
    process.kill(watchdog, 'SIGKILL')
    await h.exited
    await expect.poll(() => alive(h.nginxPid), { timeout: 30_000, interval: 250 }).toBe(false)
    await expect.poll(() => workerPids.filter(alive), { timeout: 30_000, interval: 250 }).toEqual([])
    await expect.poll(() => portFree(h.port), { timeout: 30_000, interval: 250 }).toBe(true)
    // No process was left to remove nginx's folder (the directors' packs): the next start does.
    expect(existsSync(h.prefix)).toBe(true)
    const next = await startHost()
    await stopHost(next)
    expect(existsSync(h.prefix)).toBe(false)
  })

  it('the next start removes only a folder a run of its own left: not a link, not one open to others, not another user\'s', async () => {
    const dead = String(2 ** 22 + 1) // above Linux's largest process id: no process has it
    const plant = (name: string, mode: number, uid?: number) => {
      const dir = join(tmpdir(), `board-deck-nginx-${name}`)
      mkdirSync(dir, { mode })
      chmodSync(dir, mode)
      writeFileSync(join(dir, 'watchdog.pid'), dead)
      if (uid !== undefined)
        chownSync(dir, uid, uid)
      return dir
    }
    const leftByUs = plant(`ours-${process.pid}`, 0o700)
    const open = plant(`open-${process.pid}`, 0o755)
    const others = plant(`others-${process.pid}`, 0o700, 65534) // nobody's
    const target = plant(`target-${process.pid}`, 0o700, 65534)
    const link = join(tmpdir(), `board-deck-nginx-link-${process.pid}`)
    symlinkSync(target, link)
    try {
      await stopHost(await startHost())
      expect(existsSync(leftByUs)).toBe(false)
      for (const kept of [open, others, target, link]) expect(existsSync(kept), kept).toBe(true)
    }
    finally {
      for (const dir of [leftByUs, open, others, target, link]) rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('HTTPS in the host', () => {
  const { cert, key } = selfSignedCertificate(join(HOME, 'tls'), 'localhost', { loopback: true })

  it('serves HTTPS with the certificate, sends HSTS, and sends plain HTTP on to HTTPS', async () => {
    const h = await startHost({ BOARD_TLS_CERT: cert, BOARD_TLS_KEY: key })
    try {
      expect(h.output()).toContain(`✓ serving ${SITE_DIR} at https://127.0.0.1:${h.port}${BASE}`)
      const tls = {
        ca: readFileSync(cert, 'utf8'),
      }
      const anonymous = await ask(h.port, BASE, { tls })
      expect(anonymous.status).toBe(401)
      expect(anonymous.headers['strict-transport-security']).toBe('max-age=31536000')
      const page = await ask(h.port, BASE, {
        tls,
        headers: { Authorization: AUTH },
      })
      expect(page.status).toBe(200)
      expect(page.body).toContain('<div id="app"')
      expect(page.headers['strict-transport-security']).toBe('max-age=31536000')
      const plain = await ask(h.port, `${BASE}?x=1`, {
        headers: { Host: `127.0.0.1:${h.port}` },
      })
      expect(plain.status).toBe(301)
      expect(plain.headers.location).toBe(`https://127.0.0.1:${h.port}${BASE}?x=1`)
    }
    finally {
      await stopHost(h)
    }
  })

  it('refuses HOST beyond loopback without TLS, naming the settings that would allow it', async () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/host.ts'], {
      encoding: 'utf8',
      timeout: 60_000, // a host that starts instead of refusing is stopped, and the test fails
      env: env({
        HOST: '0.0.0.0',
        PORT: String(await freePort()),
        BOARD_USER: USER,
        BOARD_PASSWORD: PASSWORD,
      }),
    })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/✗ HOST=0\.0\.0\.0 listens beyond this machine without TLS.*BOARD_TLS_CERT.*BOARD_TLS_PROXY/)
  })

  it('behind a TLS proxy: the address it forwards is logged and limited, from that proxy only', async () => {
    const h = await startHost({ BOARD_TLS_PROXY: '127.0.0.1' })
    try {
      const forwarded = (from: string, client: string) => status(h.port, BASE, {
        from,
        headers: {
          'Authorization': basic(USER, 'wrong'),
          'X-Forwarded-For': client,
        },
      })
      expect(await forwarded('127.0.0.1', '203.0.113.7')).toBe(401)
      expect(await forwarded('127.0.0.4', '198.51.100.1')).toBe(401)
      const out = hostLog(h).stdout
      expect(out).toMatch(/from 203\.0\.113\.7 {2}as "ann"/)
      expect(out).toMatch(/from 127\.0\.0\.4 {2}as "ann"/)
      expect(out).not.toContain('198.51.100.1')
    }
    finally {
      await stopHost(h)
    }
  })
})
