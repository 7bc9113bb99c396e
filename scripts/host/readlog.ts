// Reading nginx's read log (one JSON object a line, the `board` log_format of deploy/nginx.conf) into what a
// company secretary asks: who came, when first and last, what each downloaded, and who failed to log in.
import { DECK_NAME } from '../../shared/deck-name.ts'

export interface LogEntry {
  time: string
  addr: string
  user: string
  status: number
  method: string
  uri: string
}

export interface Download {
  time: string
  what: string
  uri: string
}

export interface Reader {
  user: string
  first: string
  last: string
  downloads: Download[]
}

export interface Failure {
  time: string
  addr: string
  user: string
  /** 401: wrong password or unknown name; 429: refused for too many failures from that address. */
  status: number
}

const KINDS: Record<string, string> = {
  pdf: 'PDF',
  pptx: 'PowerPoint',
  csv: 'CSV',
  json: 'JSON',
}

/** "board pack (PDF)" for the deck, "figures.csv (CSV)" for the rest; undefined for a page or an asset. */
export function downloadKind(uri: string): string | undefined {
  const m = /\/([^/]+)\.(pdf|pptx|csv|json)$/.exec(uri)
  if (!m || uri.includes('/assets/'))
    return undefined
  const name = m[1] === DECK_NAME
    ? (m[2] === 'pdf'
        ? 'board pack'
        : 'the deck')
    : `${m[1]}.${m[2]}`
  return `${name} (${KINDS[m[2]]})`
}

export function parseLog(text: string): { entries: LogEntry[], unreadable: number } {
  const entries: LogEntry[] = []
  let unreadable = 0
  for (const line of text.split('\n')) {
    if (!line.trim())
      continue
    try {
      const e = JSON.parse(line) as LogEntry
      if (typeof e.time !== 'string' || typeof e.status !== 'number')
        throw new TypeError('not ours')
      entries.push(e)
    }
    catch {
      unreadable++
    }
  }
  return { entries, unreadable }
}

export function summarise(entries: LogEntry[]): { readers: Reader[], failures: Failure[] } {
  const readers = new Map<string, Reader>()
  const failures: Failure[] = []
  for (const e of entries) {
    // A browser's first request carries no name and gets 401 by design; it is not a failed login.
    if ((e.status === 401 && e.user) || e.status === 429) {
      failures.push({
        time: e.time,
        addr: e.addr,
        user: e.user,
        status: e.status,
      })
      continue
    }
    if (!e.user || e.status >= 400)
      continue
    const r = readers.get(e.user) ?? {
      user: e.user,
      first: e.time,
      last: e.time,
      downloads: [],
    }
    r.last = e.time
    const what = downloadKind(e.uri)
    // A PDF viewer may fetch a file in several ranges (206): one download is listed once a minute.
    const previous = r.downloads.at(-1)
    if (what && [200, 206].includes(e.status) && !(previous?.uri === e.uri && e.time.slice(0, 16) === previous.time.slice(0, 16))) {
      r.downloads.push({ time: e.time, what, uri: e.uri })
    }
    readers.set(e.user, r)
  }
  return {
    readers: [
      ...readers.values(),
    ].sort((a, b) => a.user.localeCompare(b.user)),
    failures,
  }
}

const when = (iso: string) => iso.replace('T', ' ').replace(/(:\d\d)([+-]\d\d:\d\d|Z)$/, '$1 $2')

export function formatSummary({ readers, failures }: ReturnType<typeof summarise>): string {
  const out: string[] = []
  out.push(readers.length ? 'Directors who read the paper:' : 'No director has read the paper yet.')
  for (const r of readers) {
    out.push(`  ${r.user}: first visit ${when(r.first)}, last visit ${when(r.last)}`)
    if (!r.downloads.length)
      out.push('    no download')
    for (const d of r.downloads) out.push(`    downloaded ${d.what} at ${when(d.time)}`)
  }
  out.push(failures.length ? 'Failed logins:' : 'No failed login.')
  // A run of the same failure (same address, name and answer) is one line, with its count and its span.
  const runs: { first: Failure, last: Failure, count: number }[] = []
  for (const f of failures) {
    const run = runs.at(-1)
    if (run && run.last.addr === f.addr && run.last.user === f.user && run.last.status === f.status) {
      run.last = f
      run.count++
    }
    else {
      runs.push({ first: f, last: f, count: 1 })
    }
  }
  for (const { first, last, count } of runs) {
    const why = first.status === 429
      ? 'refused: too many failed logins from this address (429)'
      : 'wrong password or unknown name (401)'
    const span = count === 1
      ? when(first.time)
      : `${when(first.time)} to ${when(last.time)}, ${count} times:`
    out.push(`  ${span}  from ${first.addr}  as "${first.user}"  ${why}`)
  }
  return out.join('\n')
}
