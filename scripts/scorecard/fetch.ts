/**
 * `ANTHROPIC_ADMIN_KEY=… npm run scorecard:fetch -- --from 2026-07-01 --to 2026-09-30 --out ~/claude-code-export`
 * Saves the Claude Code usage report for each day, every page, as the API sends it, plus an export manifest,
 * ready for `npm run scorecard:import`. The pages carry emails, so the folder must be outside the repo.
 * Retries 429 and 5xx answers (and dropped connections) with growing waits, honouring Retry-After up to a cap;
 * stops on 401/403 and on a page that is not in the documented shape. The key is sent in a header to the API's
 * own address only: a redirect is an error (fetch would otherwise carry x-api-key to wherever it points), and it
 * is never written or printed. Each request has a time limit, each body a size limit (read as a stream, so a huge
 * answer is refused once, never held), each day a page cap and a memory of its cursors, and the whole run a time
 * limit (--max-minutes), so a server that trickles or stays silent cannot hold the fetch for ever.
 * All or nothing: pages go to an unfinished folder inside --out and move in, manifest last, only when every page of
 * the range is saved; a fault (disk full, no permission, a stop signal, an error) removes them, so --out stays byte
 * for byte as it was. Pages are readable by their owner only (files 0600 in a 0700 folder): they list emails.
 */
import type { ExportManifest } from './import.ts'
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { isIPv4 } from 'node:net'
import { basename, dirname, join, resolve } from 'node:path'
import { setTimeout as sleepFor } from 'node:timers/promises'
import { UserError } from '../../data/errors.ts'
import { isUtcDay } from '../../data/scorecard.ts'
import { isInsideRepo } from '../../vite/scorecard-files.ts'
import { asCommand, commandLine } from '../lib/cli.ts'
import { API_URL, API_VERSION, PAGE_LIMIT, parsePage, UNFINISHED_FETCH } from './api.ts'

export class FetchError extends UserError {
  constructor(message: string) {
    super(message)
    this.name = 'FetchError'
  }
}

export interface FetchOptions {
  from: string
  to: string
  out: string
  key: string
  apiUrl?: string
  /** Tries per request before giving up on 429/5xx. */
  attempts?: number
  /** First wait between tries, doubled each time (Retry-After wins when the API sends it). */
  retryBaseMs?: number
  /** Longest wait a Retry-After may ask for; a longer one is capped (and said). */
  maxRetryAfterMs?: number
  /** Time limit for one request, headers and body together. */
  requestTimeoutMs?: number
  /** Pages one day may take before the API is taken to be looping. */
  maxPagesPerDay?: number
  /** Largest body one answer may have (decoded); a larger one is refused, not retried. 64 MB: a full page is about 1 MB. */
  maxBodyBytes?: number
  /** Time limit for the whole fetch, every day, page, wait and retry (`--max-minutes`, 180 by default). */
  maxRunMs?: number
  log?: (line: string) => void
  now?: () => Date
  /** Aborted to stop the fetch (the command's Ctrl-C or kill): it stops as on any fault, keeping nothing. */
  stop?: AbortSignal
}

const isManifestName = (name: string) => name.startsWith('export-manifest')

/** The file a fetch of one range writes beside its pages; several fetches into one folder each keep their own. */
export const manifestName = (from: string, to: string) => `export-manifest-${from}_${to}.json`

export function days(from: string, to: string): string[] {
  if (!isUtcDay(from) || !isUtcDay(to))
    throw new FetchError(`--from and --to must be days YYYY-MM-DD (got ${from}, ${to})`)
  if (from > to)
    throw new FetchError(`--from (${from}) is after --to (${to})`)
  const out: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10))
  return out
}

/** The longest delay a Node timer takes; a longer one fires at once (TimeoutOverflowWarning). */
const MAX_TIMER_MS = 2 ** 31 - 1

/** Pages list people by email: only their owner may read them. */
const OWNER_ONLY_FOLDER = 0o700
const OWNER_ONLY_FILE = 0o600

/** A file-system fault as one line: the file, and Node's "ENOSPC: no space left on device" without the call. */
const faultText = (file: string, e: unknown) => `${file}: could not be written (${(e as Error).message.split(', ')[0]})`

/**
 * Refuses an output folder inside the repo (before making it), or an existing one others may open: the pages list
 * people by email. Makes a new one readable by its owner only, and says which folder it made, to remove on a
 * fault. An existing folder's permissions are the owner's business (it may be /tmp or a home folder): never changed.
 */
export function outsideRepo(out: string): { out: string, made?: string } {
  const abs = resolve(out)
  if (isInsideRepo(abs))
    throw new FetchError(`--out ${out} is inside the repo; the pages carry email addresses, so save them outside it (for example ~/claude-code-export)`)
  let made: string | undefined
  let mode: number
  try {
    made = mkdirSync(abs, { recursive: true, mode: OWNER_ONLY_FOLDER })
    if (made)
      chmodSync(abs, OWNER_ONLY_FOLDER) // mkdir's mode is narrowed by the umask, never widened: set it exactly
    mode = statSync(abs).mode & 0o777
  }
  catch (e) {
    throw new FetchError(faultText(abs, e))
  }
  if (mode & 0o077)
    throw new FetchError(`--out ${out} is open to other users (mode ${mode.toString(8)}) and the pages carry email addresses: make it private (chmod 700 ${abs}) or name a new folder, which the fetch makes private`)
  return { out: abs, made }
}

type RequestOptions = Required<Pick<FetchOptions, 'key' | 'attempts' | 'retryBaseMs' | 'maxRetryAfterMs' | 'requestTimeoutMs' | 'maxBodyBytes'>> & {
  log: (l: string) => void
  /** Aborted when the whole run's time is up. */
  run: AbortSignal
  /** The message for that: what was being fetched when time ran out. */
  runOut: (what: string) => FetchError
}

/**
 * Reads a body as it streams in, up to `max` bytes: a larger one is refused as soon as it is known to be larger
 * (from Content-Length, or on the byte past the limit), without holding the rest.
 */
async function readBody(res: Response, max: number, what: string): Promise<string> {
  const tooBig = (size: string) => new FetchError(`${what}: the answer is ${size}, more than the ${max.toLocaleString('en-US')}-byte limit for one page (maxBodyBytes); refused, not retried. A page of 1000 records is about 1 MB: check --api-url.`)
  const declared = Number(res.headers.get('content-length'))
  if (declared > max) {
    await res.body?.cancel()
    throw tooBig(`${declared.toLocaleString('en-US')} bytes by its Content-Length`)
  }
  if (!res.body)
    return ''
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done)
      break
    size += value.byteLength
    if (size > max) {
      await reader.cancel()
      throw tooBig(`over ${max.toLocaleString('en-US')} bytes and still coming`)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** A short, safe account of an error body: its JSON error message if it has one, else its length. Never the body raw. */
function summariseBody(body: string): string {
  try {
    const m = (JSON.parse(body) as { error?: { type?: unknown, message?: unknown } })?.error
    if (m && typeof m.type === 'string')
      return ` (${m.type.replace(/[^\w.-]/g, '').slice(0, 60)})`
  }
  catch {
    // not JSON: say only how long it was
  }
  return body
    ? ` (a ${body.length}-byte body, not shown)`
    : ''
}

async function getPage(url: URL, o: RequestOptions, what: string): Promise<unknown> {
  const apiOrigin = url.origin
  for (let attempt = 1; ; attempt++) {
    let status = 0
    let retryAfter: string | null = null
    let body = ''
    try {
      if (o.run.aborted)
        throw o.runOut(what)
      // Either limit ends the request: its own, or the whole run's.
      const signal = AbortSignal.any([
        AbortSignal.timeout(o.requestTimeoutMs),
        o.run,
      ])
      // redirect 'manual': a 3xx comes back as it is, so the key never travels to another address.
      const res = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: { 'x-api-key': o.key, 'anthropic-version': API_VERSION, 'accept': 'application/json' },
      })
      status = res.status
      if (status >= 300 && status < 400) {
        const to = res.headers.get('location') ?? 'no Location header'
        await res.body?.cancel()
        throw new FetchError(`${what}: the API at ${apiOrigin} answered ${status}, a redirect to ${to.slice(0, 200)}; redirects are not followed, so the key goes to the API's own address only. Check --api-url.`)
      }
      retryAfter = res.headers.get('retry-after')
      body = await readBody(res, o.maxBodyBytes, what)
    }
    catch (e) {
      if (e instanceof FetchError)
        throw e
      if (o.run.aborted)
        throw o.runOut(what)
      status = 0 // connection refused, dropped or timed out: worth another try
      body = ''
      if ((e as Error).name === 'TimeoutError')
        o.log(`  ${what}: no complete answer within ${(o.requestTimeoutMs / 1000).toFixed(0)} s`)
    }
    if (status === 401 || status === 403) {
      throw new FetchError(`${what}: the API answered ${status} (${status === 401
        ? 'the key was not accepted'
        : 'the key may not read usage reports'}). Use an Admin API key (sk-ant-admin…) in ANTHROPIC_ADMIN_KEY.`)
    }
    if (status >= 200 && status < 300) {
      try {
        return JSON.parse(body)
      }
      catch {
        throw new FetchError(`${what}: the API answered ${status} with a body that is not JSON`)
      }
    }
    const retryable = status === 0 || status === 429 || status >= 500
    if (!retryable)
      throw new FetchError(`${what}: the API answered ${status}${summariseBody(body)}`)
    if (attempt >= o.attempts)
      throw new FetchError(`${what}: still ${status || 'no answer'} after ${attempt} tries; try again later`)
    const asked = retryAfter && /^\d+(\.\d+)?$/.test(retryAfter)
      ? Number(retryAfter) * 1000
      : undefined
    const wait = Math.min(asked ?? o.retryBaseMs * 2 ** (attempt - 1), o.maxRetryAfterMs)
    const capped = asked !== undefined && asked > o.maxRetryAfterMs
      ? ` (Retry-After asked for ${retryAfter} s; capped)`
      : ''
    o.log(`  ${what}: ${status || 'no answer'}, trying again in ${(wait / 1000).toFixed(1)} s${capped} (try ${attempt + 1} of ${o.attempts})`)
    await sleepFor(wait, undefined, { signal: o.run }).catch(() => {
      throw o.runOut(what)
    })
  }
}

/**
 * The API's address: https, or plain http to this machine only (a local fake or tunnel). The admin key
 * rides in a header of every request, so it never crosses a network in clear.
 */
export function checkApiUrl(raw: string): URL {
  let url: URL
  try {
    url = new URL(raw)
  }
  catch {
    throw new FetchError(`--api-url is not a URL: ${JSON.stringify(raw.slice(0, 200))}`)
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const loopback = host === 'localhost' || host === '::1' || (isIPv4(host) && host.startsWith('127.'))
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback))
    return url
  throw new FetchError(`--api-url must be https:// (plain http:// only to this machine, 127.0.0.1 or localhost), since the admin key is sent with every request: ${url.origin}`)
}

/** Fetches every page of every day and saves them; returns the files written. */
export async function fetchUsage(opts: FetchOptions): Promise<{ files: string[], records: number }> {
  const maxRunMs = opts.maxRunMs ?? 180 * 60_000
  if (!(maxRunMs > 0 && maxRunMs <= MAX_TIMER_MS))
    throw new FetchError(`--max-minutes must be more than 0 and at most ${Math.floor(MAX_TIMER_MS / 60_000)} (got ${maxRunMs / 60_000})`)
  checkApiUrl(opts.apiUrl ?? API_URL)
  if (!opts.key)
    throw new FetchError('Set ANTHROPIC_ADMIN_KEY to an Admin API key (it is read from the environment only, never saved)')
  const { out, made } = outsideRepo(opts.out)
  const run = new AbortController()
  const timer = setTimeout(() => run.abort(), maxRunMs)
  const minutes = +(maxRunMs / 60_000).toPrecision(3)
  const o: RequestOptions = {
    key: opts.key,
    attempts: opts.attempts ?? 6,
    retryBaseMs: opts.retryBaseMs ?? 2000,
    maxRetryAfterMs: opts.maxRetryAfterMs ?? 120_000,
    requestTimeoutMs: opts.requestTimeoutMs ?? 60_000,
    maxBodyBytes: opts.maxBodyBytes ?? 64 * 1024 * 1024,
    log: opts.log ?? console.log,
    run: run.signal,
    runOut: what => opts.stop?.aborted
      ? new FetchError(`${what}: the fetch was stopped (${String(opts.stop.reason)}); nothing of ${opts.from} to ${opts.to} was kept, ${out} is as it was.`)
      : new FetchError(`${what}: the fetch ran out of its time, ${minutes} minutes for the whole run (--max-minutes); stopped, and nothing of this range was kept (${out} is as it was): fetch it again (a shorter --from/--to, or a larger --max-minutes).`),
  }
  opts.stop?.addEventListener('abort', () => run.abort())
  let pages: string | undefined
  let moved = 0
  let at = out
  try {
    pages = mkdtempSync(join(out, UNFINISHED_FETCH))
    const r = await fetchDays(opts, o, pages)
    // Every page is saved: move them in, the manifest last, so the folder never holds part of this range.
    const names = readdirSync(pages)
    for (const name of [
      ...names.filter(n => !isManifestName(n)),
      ...names.filter(isManifestName),
    ]) {
      at = join(out, name)
      renameSync(join(pages, name), at)
      moved++
    }
    rmSync(pages, { recursive: true })
    return {
      files: r.files.map(f => join(out, basename(f))),
      records: r.records,
    }
  }
  catch (e) {
    if (pages)
      rmSync(pages, { recursive: true, force: true })
    if (made && !moved)
      rmSync(made, { recursive: true, force: true })
    // A file-system fault (a page, the unfinished folder, a rename) is named here; other errors say their own.
    const fault = !(e instanceof FetchError) && (e as NodeJS.ErrnoException).code
    if (!fault && !moved)
      throw e
    const message = fault
      ? faultText(at, e)
      : (e as Error).message
    throw new FetchError(moved
      ? `${message}; ${moved} pages of ${opts.from} to ${opts.to} had been moved into ${out} (no manifest): fetch the range again into a fresh folder`
      : `${message}; nothing of this range was kept, ${out} is as it was`)
  }
  finally {
    clearTimeout(timer)
  }
}

async function fetchDays(opts: FetchOptions, o: RequestOptions, out: string): Promise<{ files: string[], records: number }> {
  const maxPages = opts.maxPagesPerDay ?? 1000
  const files: string[] = []
  let records = 0
  for (const day of days(opts.from, opts.to)) {
    let cursor: string | null = null
    const cursorsSeen = new Set<string>()
    for (let n = 1; ; n++) {
      if (n > maxPages)
        throw new FetchError(`${day}: more than ${maxPages} pages for one day; stopping rather than looping (is next_page ever ending?)`)
      const url = new URL(opts.apiUrl ?? API_URL)
      url.searchParams.set('starting_at', day)
      url.searchParams.set('limit', String(PAGE_LIMIT))
      if (cursor)
        url.searchParams.set('page', cursor)
      const what = `${day}, page ${n}`
      const json = await getPage(url, o, what)
      let page
      try {
        page = parsePage(json, what)
      }
      catch (e) {
        throw new FetchError((e as Error).message)
      }
      const elsewhere = page.data.findIndex(r => r.date !== day)
      if (elsewhere >= 0)
        throw new FetchError(`${what}: data[${elsewhere}] is dated ${page.data[elsewhere].date}, not ${day}, the day asked for; nothing of it is saved`)
      const file = join(out, `${day}-p${n}.json`)
      save(file, JSON.stringify(json), opts.out)
      files.push(file)
      records += page.data.length
      if (!page.has_more)
        break
      if (!page.next_page || cursorsSeen.has(page.next_page))
        throw new FetchError(`${what}: next_page ${page.next_page ? 'repeats a cursor already followed' : 'is missing while has_more is true'}; stopping rather than looping`)
      cursorsSeen.add(page.next_page)
      cursor = page.next_page
    }
  }
  const manifest: ExportManifest = {
    exportedAt: (opts.now?.() ?? new Date()).toISOString(),
    from: opts.from,
    to: opts.to,
  }
  // One manifest per fetched range: a later fetch into the same folder (a monthly top-up) adds its own.
  save(join(out, manifestName(opts.from, opts.to)), `${JSON.stringify(manifest, null, 2)}\n`, opts.out)
  return { files, records }
}

/** One file of the unfinished fetch, owner-only, flushed to disk; a fault names the file as it would be in `out`. */
function save(file: string, text: string, out: string) {
  try {
    writeFileSync(file, text, { mode: OWNER_ONLY_FILE, flush: true })
  }
  catch (e) {
    throw new FetchError(`${faultText(join(out, basename(file)), e)}; nothing of this range was kept, ${out} is as it was`)
  }
}

async function main() {
  const { values } = commandLine({
    options: {
      'from': { type: 'string' },
      'to': { type: 'string' },
      'out': { type: 'string' },
      'api-url': { type: 'string' },
      'max-minutes': { type: 'string' },
    },
  })
  if (!values.from || !values.to || !values.out)
    throw new FetchError('Usage: ANTHROPIC_ADMIN_KEY=… npm run scorecard:fetch -- --from 2026-07-01 --to 2026-09-30 --out <folder outside the repo> [--max-minutes 180]')
  const maxMinutes = values['max-minutes'] === undefined
    ? undefined
    : Number(values['max-minutes'])
  if (maxMinutes !== undefined && !Number.isFinite(maxMinutes))
    throw new FetchError(`--max-minutes must be a number of minutes (got ${values['max-minutes']})`)
  // Ctrl-C, kill or a closed terminal stops the fetch as a fault does: nothing of the range is kept.
  const stop = new AbortController()
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, () => stop.abort(s))
  const r = await fetchUsage({
    stop: stop.signal,
    from: values.from,
    to: values.to,
    out: values.out,
    key: process.env.ANTHROPIC_ADMIN_KEY ?? '',
    apiUrl: values['api-url'] ?? process.env.SCORECARD_API_URL,
    retryBaseMs: process.env.SCORECARD_RETRY_BASE_MS
      ? Number(process.env.SCORECARD_RETRY_BASE_MS)
      : undefined,
    maxRunMs: maxMinutes === undefined
      ? undefined
      : maxMinutes * 60_000,
  })
  console.log(`✓ ${r.records} records in ${r.files.length} pages saved to ${dirname(r.files[0] ?? values.out)}; next: npm run scorecard:import -- ${values.out} --people <people.csv>`)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  asCommand()
  await main()
}
