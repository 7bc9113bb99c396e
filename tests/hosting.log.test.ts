// `npm run host:log`: nginx's read log as a company secretary reads it.
import { describe, expect, it } from 'vitest'
import { formatSummary, parseLog, summarise } from '../scripts/host/readlog.ts'

function line(time: string, user: string, status: number, uri: string, addr = '10.0.0.5') {
  return JSON.stringify({
    time: `2026-11-28T${time}+00:00`,
    addr,
    user,
    status,
    method: 'GET',
    uri,
    bytes: 10,
  })
}

const LOG = [
  line('09:00:00', '', 401, '/board/'), // a browser's first request: no name, not a failure
  line('09:00:02', 'ann', 200, '/board/'),
  line('09:00:03', 'ann', 200, '/board/assets/index-abc.js'),
  line('09:01:00', 'ann', 200, '/board/board-deck-agentic-coding.pdf'),
  line('09:01:01', 'ann', 206, '/board/board-deck-agentic-coding.pdf'), // the same download, in ranges
  line('09:02:00', 'ann', 200, '/board/figures.csv'),
  line('09:03:00', 'bob', 401, '/board/', '10.0.0.9'),
  line('09:03:01', 'bob', 401, '/board/', '10.0.0.9'),
  line('09:03:02', 'bob', 429, '/board/', '10.0.0.9'),
  line('09:04:00', 'bob', 200, '/board/'),
  line('09:05:00', 'bob', 404, '/board/board-deck-agentic-coding.pptx'),
  line('10:00:00', 'ann', 200, '/board/board-deck-agentic-coding.pptx'),
  'not json',
].join('\n')

describe('the read log', () => {
  const { entries, unreadable } = parseLog(LOG)
  const { readers, failures } = summarise(entries)

  it('gives each director their first and last visit and each download, once', () => {
    expect(unreadable).toBe(1)
    expect(readers.map(r => [r.user, r.first, r.last])).toEqual([
      ['ann', '2026-11-28T09:00:02+00:00', '2026-11-28T10:00:00+00:00'],
      ['bob', '2026-11-28T09:04:00+00:00', '2026-11-28T09:04:00+00:00'],
    ])
    expect(readers[0].downloads.map(d => d.what)).toEqual(['board pack (PDF)', 'figures.csv (CSV)', 'the deck (PowerPoint)'])
    expect(readers[1].downloads).toEqual([]) // a refused PowerPoint is no download
  })

  it('lists failed logins (wrong password, and refusals for too many), not a browser’s first 401', () => {
    expect(failures.map(f => [f.user, f.status])).toEqual([
      ['bob', 401],
      ['bob', 401],
      ['bob', 429],
    ])
  })

  it('prints it for a person', () => {
    const text = formatSummary({ readers, failures })
    expect(text).toContain('ann: first visit 2026-11-28 09:00:02 +00:00, last visit 2026-11-28 10:00:00 +00:00')
    expect(text).toContain('downloaded board pack (PDF) at 2026-11-28 09:01:00 +00:00')
    expect(text).toContain('bob: first visit 2026-11-28 09:04:00 +00:00')
    expect(text).toMatch(/09:03:00 \+00:00 to .*09:03:01 \+00:00, 2 times: {2}from 10\.0\.0\.9 {2}as "bob" {2}wrong password/)
    expect(text).toMatch(/09:03:02 \+00:00 {2}from 10\.0\.0\.9 {2}as "bob" {2}refused: too many failed logins/)
  })
})
