// `npm run host:log`: nginx's read log as a company secretary reads it. That nginx writes a name only for a
// checked login is shown through the real nginx in tests/browser/hosting.test.ts; here, the reading.
import { spawnSync } from 'node:child_process'
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { formatSummary, MAX_RUNS, summariseFiles, summariseText } from '../scripts/host/readlog.ts'

/** A read log as the earlier host wrote it (no "tried", no "done"; nginx's $remote_user on every line). */
const EARLIER_LOG = 'tests/fixtures/hosting/access-earlier-format.log'

interface Line { user?: string, tried?: string, status: number, uri: string, addr?: string, method?: string, bytes?: number, done?: string }
function line(time: string, { user = '', tried = '', status, uri, addr = '10.0.0.5', method = 'GET', bytes = 10, done = 'OK' }: Line) {
  return JSON.stringify({
    time: `2026-11-28T${time}+00:00`,
    addr,
    user,
    tried,
    status,
    method,
    uri,
    bytes,
    done,
  })
}
const PDF = '/board/board-deck-agentic-coding.pdf'

const LOG = [
  line('09:00:02', { user: 'ann', status: 200, uri: '/board/' }),
  line('09:00:03', { user: 'ann', status: 200, uri: '/board/assets/index-abc.js' }),
  line('09:01:00', { user: 'ann', status: 200, uri: PDF }),
  line('09:01:01', { user: 'ann', status: 206, uri: PDF }), // the same download, in ranges
  line('09:02:00', { user: 'ann', status: 200, uri: '/board/figures.csv' }),
  line('09:03:00', {
    tried: 'bob',
    status: 401,
    uri: '/board/',
    addr: '10.0.0.9',
  }),
  line('09:03:01', {
    tried: 'bob',
    status: 401,
    uri: '/board/',
    addr: '10.0.0.9',
  }),
  line('09:03:02', {
    tried: 'bob',
    status: 429,
    uri: '/board/',
    addr: '10.0.0.9',
  }),
  line('09:04:00', { user: 'bob', status: 200, uri: '/board/' }),
  line('09:05:00', { user: 'bob', status: 404, uri: '/board/board-deck-agentic-coding.pptx' }),
  line('10:00:00', { user: 'ann', status: 200, uri: '/board/board-deck-agentic-coding.pptx' }),
  'not json',
].join('\n')

describe('the read log', () => {
  const summary = summariseText(LOG)
  const { readers, runs } = summary

  it('gives each director their first and last visit and each download, once', () => {
    expect(summary.unreadable).toBe(1)
    expect(readers.map(r => [r.user, r.first, r.last])).toEqual([
      ['ann', '2026-11-28T09:00:02+00:00', '2026-11-28T10:00:00+00:00'],
      ['bob', '2026-11-28T09:04:00+00:00', '2026-11-28T09:04:00+00:00'],
    ])
    expect(readers[0].downloads.map(d => d.what)).toEqual(['board pack (PDF)', 'figures.csv (CSV)', 'the deck (PowerPoint)'])
    expect(readers[1].downloads).toEqual([]) // a refused PowerPoint is no download
  })

  it('lists failed logins (wrong password, and refusals for too many)', () => {
    expect(runs.map(r => [r.first.user, r.first.status, r.count])).toEqual([
      ['bob', 401, 2],
      ['bob', 429, 1],
    ])
  })

  it('prints it for a person, with who has not opened the paper or downloaded the pack yet', () => {
    const text = formatSummary(summary, ['ann', 'bob', 'carol'])
    expect(text).toContain('ann: first visit 2026-11-28 09:00:02 +00:00, last visit 2026-11-28 10:00:00 +00:00')
    expect(text).toContain('downloaded board pack (PDF) at 2026-11-28 09:01:00 +00:00')
    expect(text).toContain('bob: first visit 2026-11-28 09:04:00 +00:00')
    expect(text).toMatch(/09:03:00 \+00:00 to .*09:03:01 \+00:00, 2 times: {2}from 10\.0\.0\.9 {2}as "bob" {2}wrong password/)
    expect(text).toMatch(/09:03:02 \+00:00 {2}from 10\.0\.0\.9 {2}as "bob" {2}refused: too many/)
    expect(text).toContain('Not opened yet: carol\n')
    expect(text).toContain('Opened, but no board pack downloaded yet: bob\n')
    expect(formatSummary(summary, ['ann'])).toContain('Every director has opened the paper.')
  })

  it('a download is a whole file sent: not a HEAD, a one-byte range, or an answer broken off', () => {
    const { readers } = summariseText([
      line('09:00:00', {
        user: 'ann',
        status: 200,
        uri: PDF,
        method: 'HEAD',
        bytes: 0,
      }),
      line('09:01:00', {
        user: 'ann',
        status: 206,
        uri: PDF,
        bytes: 1,
      }), // Range: bytes=0-0
      line('09:02:00', {
        user: 'ann',
        status: 200,
        uri: PDF,
        bytes: 4096,
        done: '',
      }), // the reader broke off
      line('09:03:00', {
        user: 'ann',
        status: 304,
        uri: PDF,
        bytes: 0,
      }),
    ].join('\n'))
    expect(readers.map(r => [r.user, r.downloads.length])).toEqual([
      ['ann', 0],
    ])
  })

  it('a log of the earlier format (any name sent was logged) is read: its readers, downloads and failed logins, a name believed only where it was checked', async () => {
    const s = await summariseFiles([EARLIER_LOG])
    expect(s.older).toBe(11)
    expect(s.unreadable).toBe(0)
    expect(s.readers.map(r => r.user)).toEqual(['ann']) // not carol at robots.txt, nor the.chair at the public redirect
    const [ann] = s.readers
    expect([ann.first, ann.last]).toEqual(['2026-11-20T09:00:02+00:00', '2026-11-20T09:06:00+00:00'])
    // The GET of the PDF, not its HEAD, not a one-byte range.
    expect(ann.downloads).toEqual([
      {
        time: '2026-11-20T09:05:10+00:00',
        what: 'board pack (PDF)',
        uri: '/board/board-deck-agentic-coding.pdf',
        earlier: true,
      },
    ])
    expect(s.runs.map(r => [r.first.user, r.first.status])).toEqual([
      ['bob', 401],
      ['bob', 429],
      ['\u001B[8m', 401],
    ])
    const text = formatSummary(s, ['ann', 'bob'])
    expect(text).toContain('downloaded board pack (PDF) at 2026-11-20 09:05:10 +00:00 (earlier log: whole file not recorded)')
    expect(text).toContain('Not opened yet: bob')
    expect(text).toContain('as "\\u001b[8m"')
  })

  it('no control character or look-alike separator reaches the terminal: a forged line, a hidden tail', () => {
    const forged = 'x\n  carol: first visit 2026-11-28 09:00:00\n    downloaded board pack (PDF)'
    const text = formatSummary(summariseText([
      line('09:00:00', { tried: '\u001B[8m', status: 401, uri: '/board/' }),
      line('09:00:01', { tried: forged, status: 401, uri: '/board/' }),
      line('09:00:02', { tried: 'carol\uFF1A first visit', status: 401, uri: '/board/' }), // a full-width colon
      line('09:00:03', {
        tried: 'a"  from 10.0.0.1',
        status: 401,
        uri: '/board/',
        addr: '10.0.0.7\u2028',
      }),
      line('09:00:04', { user: 'ann', status: 200, uri: '/board/\u001B[2Jx.csv' }),
    ].join('\n')))
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\uFFFF]/)
    expect(text).not.toMatch(/^ {2}carol:/m)
    expect(text).toContain('as "\\u001b[8m"')
    expect(text).toContain('as "carol\\uff1a first visit"')
    expect(text).toContain('as "a\\"  from 10.0.0.1"')
    expect(text).toContain('from 10.0.0.7\\u2028 ')
    expect(text).toContain('downloaded \\u001b[2Jx.csv (CSV)')
  })

  it('a flood of failures is listed up to a limit, the rest counted', () => {
    const lines = Array.from({ length: MAX_RUNS + 30 }, (_, i) => line('09:00:00', { tried: `n${i}`, status: 429, uri: '/board/' }))
    const s = summariseText(lines.join('\n'))
    expect(s.runs.length).toBe(MAX_RUNS)
    expect(formatSummary(s)).toContain('… and 30 more failed logins, not listed')
  })
})

describe('npm run host:log on a log too big to hold', () => {
  const dir = mkdtempSync(join(tmpdir(), 'board-log-big-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('streams a 160 MB log (and the rotated part) in a 64 MB heap', async () => {
    mkdirSync(join(dir, 'log'))
    const out = createWriteStream(join(dir, 'log', 'access.log'))
    const flood = `${line('09:00:00', {
      tried: 'guess',
      status: 429,
      uri: `/board/${'x'.repeat(300)}`,
      addr: '10.0.0.66',
    })}\n`
    const block = flood.repeat(1000)
    const wanted = 160 * 1024 * 1024
    for (let written = 0; written < wanted; written += block.length) {
      if (!out.write(block))
        await new Promise(r => out.once('drain', r))
    }
    out.write(`${line('10:00:00', {
      user: 'ann',
      status: 200,
      uri: PDF,
      bytes: 5000,
    })}\n`)
    await new Promise(r => out.end(r))
    writeFileSync(join(dir, 'log', 'access.log.1'), `${line('08:00:00', { user: 'bob', status: 200, uri: '/board/' })}\n${'z'.repeat(200_000)}\n`)
    const r = spawnSync(process.execPath, [
      '--max-old-space-size=64',
      '--import',
      'tsx',
      'scripts/host-log.ts',
    ], {
      encoding: 'utf8',
      env: {
        ...process.env,
        BOARD_LOG_DIR: join(dir, 'log'),
        BOARD_USERS: join(dir, 'users'),
      },
    })
    expect(r.status, r.stderr.slice(0, 2000)).toBe(0)
    expect(r.stdout).toContain('ann: first visit 2026-11-28 10:00:00')
    expect(r.stdout).toContain('downloaded board pack (PDF)')
    expect(r.stdout).toContain('bob: first visit 2026-11-28 08:00:00') // the rotated part, read first
    expect(r.stdout).toMatch(/times: {2}from 10\.0\.0\.66 {2}as "guess" {2}refused/)
    expect(r.stdout).toContain('(1 line not in the read log\'s format, skipped)') // the 200 kB line
  }, 180_000)
})
