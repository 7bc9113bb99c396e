// Reading nginx's read log (one JSON object a line, the `board` log_format of deploy/nginx.conf) into what a
// company secretary asks: who came, when first and last, what each downloaded, who has not read the paper
// yet, and who failed to log in. The log is read line by line and summarised as it goes, so a log of any
// size takes the same memory; and every field is shown escaped, since a name tried at the login, a path or
// an address is whatever a stranger sent: no control character (a terminal's escape sequences, a line
// break) and no look-alike of a separator reaches the terminal as itself.
// Lines of the earlier format (no "tried", no "done": nginx's $remote_user logged on every request, checked or
// not) are read too, believing a name only where that host had checked it: a page or file served (2xx, 304),
// but not robots.txt, its one public page that answered 200.
import { createReadStream } from 'node:fs'
import { DECK_NAME } from '../../shared/deck-name.ts'
import { USER_NAME } from './users.ts'

export interface LogEntry {
  time: string
  addr: string
  /** A login nginx checked and accepted; empty otherwise. */
  user: string
  /** The name sent with a refused login (401, 429); empty otherwise. */
  tried: string
  status: number
  method: string
  uri: string
  bytes: number
  /** nginx's $request_completion: "OK" when the whole answer was sent. */
  done: string
  /** A line of the earlier format, which did not record whether the whole answer was sent. */
  earlier?: true
}

export interface Download {
  time: string
  what: string
  uri: string
  /** From the earlier log format: whether the whole file was sent is not known. */
  earlier?: true
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
  /** 401: wrong password or unknown name; 429: refused for too many requests or failures from that address. */
  status: number
}

/** A run of the same failure (same address, name and answer): one line, with its count and its span. */
export interface FailureRun { first: Failure, last: Failure, count: number }

export interface Summary {
  readers: Reader[]
  runs: FailureRun[]
  /** Failed logins past the runs listed (a flood), counted only. */
  unlisted: number
  unreadable: number
  /** Lines of the earlier format, read with a name believed only where that host had checked it. */
  older: number
}

/** At most this many runs of failures are listed; the rest are counted. */
export const MAX_RUNS = 500
/** A line longer than this is not nginx's: skipped without being kept whole. */
export const MAX_LINE = 64 * 1024

const KINDS: Record<string, string> = {
  pdf: 'PDF',
  pptx: 'PowerPoint',
  csv: 'CSV',
  json: 'JSON',
}

/**
 * A field as it may be printed: printable ASCII stays, anything else (control characters, DEL, every
 * non-ASCII character, look-alike colons and quotes included) becomes a \u escape. `quoted` also escapes
 * quotes and backslashes and puts the value in quotes, for names.
 */
export function shown(value: string, quoted = false): string {
  const text = quoted
    ? JSON.stringify(value)
    : value.replace(/\\/g, '\\\\')
  return text.replace(/[^\x20-\x7E]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
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
    : shown(`${m[1]}.${m[2]}`)
  return `${name} (${KINDS[m[2]]})`
}

const isString = (v: unknown): v is string => typeof v === 'string'

/** The earlier format's one public path that answered 200 whatever name was sent. */
const EARLIER_PUBLIC = '/robots.txt'

/** A line of the earlier format as the current one would have written it, or undefined if not ours. */
function earlierLine(e: Record<string, unknown>): LogEntry | undefined {
  if (![e.addr, e.user, e.method, e.uri].every(isString) || typeof e.bytes !== 'number')
    return undefined
  const name = e.user as string
  const status = e.status as number
  const refused = status === 401 || status === 429
  const served = ((status >= 200 && status < 300) || status === 304) && e.uri !== EARLIER_PUBLIC
  return {
    time: e.time as string,
    addr: e.addr as string,
    user: served && USER_NAME.test(name)
      ? name
      : '',
    tried: refused
      ? name
      : '',
    status,
    method: e.method as string,
    uri: e.uri as string,
    bytes: e.bytes,
    done: '',
    earlier: true,
  }
}

/** Reads one line of the log (either format), or undefined if not ours. */
export function parseLine(line: string): LogEntry | undefined {
  let e: Record<string, unknown>
  try {
    e = JSON.parse(line) as Record<string, unknown>
  }
  catch {
    return undefined
  }
  if (!e || typeof e !== 'object' || !isString(e.time) || typeof e.status !== 'number')
    return undefined
  if (!('tried' in e))
    return earlierLine(e)
  if (![
    e.addr,
    e.user,
    e.tried,
    e.method,
    e.uri,
    e.done,
  ].every(isString) || typeof e.bytes !== 'number') {
    return undefined
  }
  // nginx logs a name as "user" only once it has checked it against the users file, whose names follow the pattern.
  if (e.user && !USER_NAME.test(e.user as string))
    return undefined
  return e as unknown as LogEntry
}

/** The summary, fed one line at a time. */
export class LogSummary {
  private readers = new Map<string, Reader>()
  private runs: FailureRun[] = []
  private unlisted = 0
  private unreadable = 0
  private older = 0

  line(line: string) {
    if (!line.trim())
      return
    const e = parseLine(line)
    if (!e) {
      this.unreadable++
      return
    }
    if (e.earlier)
      this.older++
    this.entry(e)
  }

  entry(e: LogEntry) {
    if (e.status === 401 || e.status === 429) {
      // A browser's first request carries no name and gets 401 by design; it is not a failed login.
      if (e.status === 401 && !e.tried)
        return
      this.failure({
        time: e.time,
        addr: e.addr,
        user: e.tried,
        status: e.status,
      })
      return
    }
    // A checked login's refused or missing file (403, 404) is no visit.
    if (!e.user || e.status >= 400)
      return
    const r = this.readers.get(e.user) ?? {
      user: e.user,
      first: e.time,
      last: e.time,
      downloads: [],
    }
    r.last = e.time
    const what = downloadKind(e.uri)
    // A download is a whole file sent: not a HEAD, not a range (206), not an answer the reader broke off.
    // Several in the same minute are one.
    const previous = r.downloads.at(-1)
    if (what && e.status === 200 && e.method === 'GET' && (e.done === 'OK' || e.earlier) && e.bytes > 0
      && !(previous?.uri === e.uri && e.time.slice(0, 16) === previous.time.slice(0, 16))) {
      r.downloads.push({
        time: e.time,
        what,
        uri: e.uri,
        ...(e.earlier
          ? { earlier: true as const }
          : {}),
      })
    }
    this.readers.set(e.user, r)
  }

  private failure(f: Failure) {
    const run = this.runs.at(-1)
    if (run && run.last.addr === f.addr && run.last.user === f.user && run.last.status === f.status) {
      run.last = f
      run.count++
    }
    else if (this.runs.length < MAX_RUNS) {
      this.runs.push({ first: f, last: f, count: 1 })
    }
    else {
      this.unlisted++
    }
  }

  summary(): Summary {
    return {
      readers: [
        ...this.readers.values(),
      ].sort((a, b) => a.user.localeCompare(b.user)),
      runs: this.runs,
      unlisted: this.unlisted,
      unreadable: this.unreadable,
      older: this.older,
    }
  }
}

/** A whole log given as text (tests, small logs). */
export function summariseText(text: string): Summary {
  const s = new LogSummary()
  for (const line of text.split('\n')) s.line(line)
  return s.summary()
}

/**
 * The files in order (the rotated one first), streamed: memory stays bounded whatever their size. A line
 * longer than MAX_LINE is dropped as it streams past, counted as unreadable.
 */
export async function summariseFiles(files: string[]): Promise<Summary> {
  const s = new LogSummary()
  let dropped = 0
  for (const file of files) {
    let rest = ''
    let skipping = false
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      const lines = (rest + (chunk as string)).split('\n')
      rest = lines.pop()!
      for (const line of lines) {
        if (skipping) {
          skipping = false
          continue
        }
        if (line.length > MAX_LINE)
          dropped++
        else s.line(line)
      }
      if (rest.length > MAX_LINE) {
        if (!skipping)
          dropped++
        skipping = true
        rest = ''
      }
    }
    if (!skipping)
      s.line(rest)
  }
  const summary = s.summary()
  summary.unreadable += dropped
  return summary
}

const when = (iso: string) => shown(iso.replace('T', ' ').replace(/(:\d\d)([+-]\d\d:\d\d|Z)$/, '$1 $2'))

/**
 * For a person. `directors`, when the users file is at hand: who has not opened the paper yet, and who
 * opened it but has not downloaded their pack.
 */
export function formatSummary({ readers, runs, unlisted }: Summary, directors?: string[]): string {
  const out: string[] = []
  out.push(readers.length ? 'Directors who read the paper:' : 'No director has read the paper yet.')
  for (const r of readers) {
    out.push(`  ${r.user}: first visit ${when(r.first)}, last visit ${when(r.last)}`)
    if (!r.downloads.length)
      out.push('    no download')
    for (const d of r.downloads) out.push(`    downloaded ${d.what} at ${when(d.time)}${d.earlier ? ' (earlier log: whole file not recorded)' : ''}`)
  }
  if (directors) {
    const seen = new Map(readers.map(r => [r.user, r]))
    const unopened = directors.filter(d => !seen.has(d))
    const noPack = directors.filter(d => seen.has(d) && !seen.get(d)!.downloads.some(x => x.what === 'board pack (PDF)'))
    out.push(unopened.length
      ? `Not opened yet: ${unopened.join(', ')}`
      : 'Every director has opened the paper.')
    if (noPack.length)
      out.push(`Opened, but no board pack downloaded yet: ${noPack.join(', ')}`)
  }
  out.push(runs.length ? 'Failed logins:' : 'No failed login.')
  for (const { first, last, count } of runs) {
    const why = first.status === 429
      ? 'refused: too many requests or failed logins from this address (429)'
      : 'wrong password or unknown name (401)'
    const span = count === 1
      ? when(first.time)
      : `${when(first.time)} to ${when(last.time)}, ${count} times:`
    out.push(`  ${span}  from ${shown(first.addr)}  as ${shown(first.user, true)}  ${why}`)
  }
  if (unlisted) {
    out.push(`  … and ${unlisted} more failed login${unlisted === 1
      ? ''
      : 's'}, not listed`)
  }
  return out.join('\n')
}
