/**
 * `ANTHROPIC_ADMIN_KEY=… npm run scorecard:fetch -- --from 2026-07-01 --to 2026-09-30 --out ~/claude-code-export`
 * Saves the Claude Code usage report for each day, every page, as the API sends it, plus an export manifest,
 * ready for `npm run scorecard:import`. The pages carry emails, so the folder must be outside the repo.
 * Retries 429 and 5xx answers (and dropped connections) with growing waits, honouring Retry-After; stops on
 * 401/403 and on a page that is not in the documented shape. The key is sent in a header, never written or printed.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { API_URL, API_VERSION, PAGE_LIMIT, parsePage } from './api.ts'
import { isInsideRepo } from './files.ts'
import { MANIFEST, type ExportManifest } from './import.ts'

export class FetchError extends Error {
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
  log?: (line: string) => void
  now?: () => Date
}

export function days(from: string, to: string): string[] {
  const day = /^\d{4}-\d{2}-\d{2}$/
  if (!day.test(from) || !day.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) throw new FetchError(`--from and --to must be days YYYY-MM-DD (got ${from}, ${to})`)
  if (from > to) throw new FetchError(`--from (${from}) is after --to (${to})`)
  const out: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10))
  return out
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Refuses an output folder inside the repo: the pages list people by email. */
export function outsideRepo(out: string): string {
  const abs = resolve(out)
  mkdirSync(abs, { recursive: true })
  if (isInsideRepo(abs)) throw new FetchError(`--out ${out} is inside the repo; the pages carry email addresses, so save them outside it (for example ~/claude-code-export)`)
  return abs
}

async function getPage(url: URL, o: Required<Pick<FetchOptions, 'key' | 'attempts' | 'retryBaseMs'>> & { log: (l: string) => void }, what: string): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    let status = 0
    let retryAfter: string | null = null
    let body = ''
    try {
      const res = await fetch(url, { headers: { 'x-api-key': o.key, 'anthropic-version': API_VERSION, accept: 'application/json' } })
      status = res.status
      retryAfter = res.headers.get('retry-after')
      body = await res.text()
    } catch (e) {
      status = 0 // connection refused or dropped: worth another try
      body = (e as Error).message
    }
    if (status === 401 || status === 403) throw new FetchError(`${what}: the API answered ${status} (${status === 401 ? 'the key was not accepted' : 'the key may not read usage reports'}). Use an Admin API key (sk-ant-admin…) in ANTHROPIC_ADMIN_KEY.`)
    if (status >= 200 && status < 300) {
      try {
        return JSON.parse(body)
      } catch {
        throw new FetchError(`${what}: the API answered ${status} with a body that is not JSON`)
      }
    }
    const retryable = status === 0 || status === 429 || status >= 500
    if (!retryable) throw new FetchError(`${what}: the API answered ${status}: ${body.slice(0, 200)}`)
    if (attempt >= o.attempts) throw new FetchError(`${what}: still ${status || 'no answer'} after ${attempt} tries; try again later`)
    const wait = retryAfter && /^\d+(\.\d+)?$/.test(retryAfter) ? Number(retryAfter) * 1000 : o.retryBaseMs * 2 ** (attempt - 1)
    o.log(`  ${what}: ${status || 'no answer'}, trying again in ${(wait / 1000).toFixed(1)} s (try ${attempt + 1} of ${o.attempts})`)
    await sleep(wait)
  }
}

/** Fetches every page of every day and saves them; returns the files written. */
export async function fetchUsage(opts: FetchOptions): Promise<{ files: string[]; records: number }> {
  const o = { key: opts.key, attempts: opts.attempts ?? 6, retryBaseMs: opts.retryBaseMs ?? 2000, log: opts.log ?? console.log }
  if (!o.key) throw new FetchError('Set ANTHROPIC_ADMIN_KEY to an Admin API key (it is read from the environment only, never saved)')
  const out = outsideRepo(opts.out)
  const files: string[] = []
  let records = 0
  for (const day of days(opts.from, opts.to)) {
    let cursor: string | null = null
    for (let n = 1; ; n++) {
      const url = new URL(opts.apiUrl ?? API_URL)
      url.searchParams.set('starting_at', day)
      url.searchParams.set('limit', String(PAGE_LIMIT))
      if (cursor) url.searchParams.set('page', cursor)
      const what = `${day}, page ${n}`
      const json = await getPage(url, o, what)
      let page
      try {
        page = parsePage(json, what)
      } catch (e) {
        throw new FetchError((e as Error).message)
      }
      const file = join(out, `${day}-p${n}.json`)
      writeFileSync(file, JSON.stringify(json))
      files.push(file)
      records += page.data.length
      if (!page.has_more) break
      if (page.next_page === cursor) throw new FetchError(`${what}: next_page repeats the last cursor; stopping rather than looping`)
      cursor = page.next_page
    }
  }
  const manifest: ExportManifest = { exportedAt: (opts.now?.() ?? new Date()).toISOString(), from: opts.from, to: opts.to }
  writeFileSync(join(out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)
  return { files, records }
}

async function main() {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, 'api-url': { type: 'string' } } })
  if (!values.from || !values.to || !values.out) throw new FetchError('Usage: ANTHROPIC_ADMIN_KEY=… npm run scorecard:fetch -- --from 2026-07-01 --to 2026-09-30 --out <folder outside the repo>')
  const r = await fetchUsage({ from: values.from, to: values.to, out: values.out, key: process.env.ANTHROPIC_ADMIN_KEY ?? '', apiUrl: values['api-url'] ?? process.env.SCORECARD_API_URL, retryBaseMs: process.env.SCORECARD_RETRY_BASE_MS ? Number(process.env.SCORECARD_RETRY_BASE_MS) : undefined })
  console.log(`✓ ${r.records} records in ${r.files.length} pages saved to ${dirname(r.files[0] ?? values.out)}; next: npm run scorecard:import -- ${values.out} --people <people.csv>`)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(`✗ ${(e as Error).message}`)
    process.exit(1)
  })
}
