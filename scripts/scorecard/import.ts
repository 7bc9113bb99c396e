/**
 * `npm run scorecard:import -- <pages or folders> --people <people.csv>`
 * Reads saved Claude Code usage report pages (as `scorecard:fetch` writes them, or saved by hand), joins each
 * person to a function with the people file, and writes one aggregate per quarter to data/scorecard/
 * (or --out / SCORECARD_DIR). Only sums by function are written; emails stop here.
 */
import type { ChildProcess } from 'node:child_process'
import type { QuarterFile } from '../../data/scorecard.ts'
import type { DayRange } from './aggregate.ts'
import type { UsagePage, UsageRecord } from './api.ts'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, relative, resolve } from 'node:path'
import { UserError } from '../../data/errors.ts'
import { formatMeasure, MEASURES, measureValue, totalOf } from '../../data/scorecard-measures.ts'
import { isUtcDay, quarterProblems } from '../../data/scorecard.ts'
import { IMPORT_TEMP, isInsideRepo, scorecardDir } from '../../vite/scorecard-files.ts'
import { asCommand, commandLine, USER_ERROR_EXIT } from '../lib/cli.ts'
import { Aggregator, parsePeopleCsv } from './aggregate.ts'
import { actorKey, parsePage, recordValues, shown, UNFINISHED_FETCH } from './api.ts'

/** `export-manifest.json` (older fetches) or `export-manifest-<from>_<to>.json` (one per fetched range). */
export const isManifest = (file: string) => /^export-manifest(-[^/]*)?\.json$/.test(basename(file))

export interface ExportManifest {
  exportedAt: string
  from: string
  to: string
}

/** The people file holds every employee's email: it must live outside the repo, where git cannot pick it up. */
export function peopleFile(option: string | undefined, env = process.env): string {
  const path = option ?? env.SCORECARD_PEOPLE
  if (!path)
    throw new UserError('Name the people file: --people <file.csv> or SCORECARD_PEOPLE=<file.csv> (columns: email, function). Keep it outside the repo.')
  if (!existsSync(path))
    throw new UserError(`The people file ${path} does not exist`)
  if (isInsideRepo(path))
    throw new UserError(`The people file ${path} is inside the repo; it lists people's emails, so keep it outside (for example in your home folder)`)
  return path
}

interface ManifestFile extends ExportManifest {
  file: string
}

/** Every .json file under the paths given, with the export manifests apart. */
function pageFiles(paths: readonly string[]): { pages: string[], manifests: ManifestFile[] } {
  const pages: string[] = []
  const manifests: ManifestFile[] = []
  const visit = (p: string) => {
    if (!existsSync(p))
      throw new UserError(`${p} does not exist`)
    if (statSync(p).isDirectory()) {
      // A fetch's unfinished pages (see fetch.ts) are not an export.
      return readdirSync(p).filter(n => !n.startsWith(UNFINISHED_FETCH)).sort().forEach(n => visit(join(p, n)))
    }
    if (isManifest(p)) {
      const m = readJson(p) as ExportManifest
      if (!isUtcDay(m.from) || !isUtcDay(m.to) || m.from > m.to)
        throw new UserError(`${p}: "from" and "to" must be days YYYY-MM-DD, from before to (got ${shown(m.from)}, ${shown(m.to)})`)
      manifests.push({ ...m, file: p })
    }
    else if (p.endsWith('.json')) {
      pages.push(p)
    }
  }
  paths.forEach(visit)
  return { pages, manifests }
}

export interface ImportResult {
  written: string[]
  quarters: QuarterFile[]
  records: number
  duplicates: number
  /** Per quarter, the days inside its period that no export manifest covers (no data was fetched for them). */
  missingDays: Record<string, string[]>
  /** Quarters that replaced an imported file, with what changed. */
  replaced: string[]
}

/** Node's fault message ("ENOSPC: no space left on device, write") without the call: the code and its meaning. */
const faultOf = (e: unknown) => (e as Error).message.split(', ')[0]

/** A file's text; a fault (no permission, a folder) is one line naming the file. */
function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  }
  catch (e) {
    throw new UserError(`${file}: could not be read (${faultOf(e)})`)
  }
}

/** A JSON file; the error names the file but not its text (JSON.parse's message quotes it, and pages hold emails). */
function readJson(file: string): unknown {
  const text = readText(file)
  try {
    return JSON.parse(text)
  }
  catch {
    throw new UserError(`${file}: not valid JSON`)
  }
}

/** One saved page, read and checked; errors name the file. */
function readPage(file: string): UsagePage {
  return parsePage(readJson(file), file)
}

/** An ISO date and time with its zone ("2026-10-02T08:00:00Z"), on a real day. */
const isTimestamp = (s: unknown): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && isUtcDay(s.slice(0, 10)) && !Number.isNaN(Date.parse(s))

/**
 * When pages were exported must be a date and time, not before the start of `day` (a day of the data it exported,
 * said as `dayIs`) and not after `now` (this import): anything else is a wrong clock or an edited file, and would
 * date the slides wrongly.
 */
function checkExportedAt(value: unknown, where: string, day?: string, dayIs = '', now = new Date()) {
  if (!isTimestamp(value))
    throw new UserError(`${where} must be a date and time such as 2026-10-02T08:00:00Z, got ${shown(value)}`)
  if (day && Date.parse(value) < Date.parse(`${day}T00:00:00Z`))
    throw new UserError(`${where} (${value}) is before the data it exported (${dayIs} ${day}): a wrong clock or an edited file`)
  if (Date.parse(value) > now.getTime())
    throw new UserError(`${where} (${value}) is after this import (${now.toISOString()}): a wrong clock or an edited file`)
}

/**
 * Writes every file to a temp file beside it, and renames them only once all are complete (flushed to disk). A
 * fault (disk full, no permission) removes the temps, and the folder if this made it, so the folder stays byte for
 * byte as it was; the message names the file and the fault.
 */
function writeAllOrNothing(dir: string, files: readonly { path: string, text: string }[]) {
  const temps: string[] = []
  let made: string | undefined
  let renamed = 0
  let at = dir
  try {
    made = mkdirSync(dir, { recursive: true })
    for (const f of files) {
      at = f.path
      temps.push(`${f.path}.${process.pid}.tmp`)
      writeFileSync(temps.at(-1)!, f.text, { flag: 'wx', flush: true })
    }
    for (const f of files) {
      at = f.path
      renameSync(temps[renamed], f.path)
      renamed++
    }
  }
  catch (e) {
    temps.slice(renamed).forEach(t => rmSync(t, { force: true }))
    if (made && !renamed)
      rmSync(made, { recursive: true, force: true })
    if (!(e as NodeJS.ErrnoException).code)
      throw e
    const left = renamed
      ? `${files.slice(0, renamed).map(f => basename(f.path)).join(', ')} had been written: check them, or import again with --replace`
      : `nothing was written, ${dir} is as it was`
    throw new UserError(`${at}: could not be written (${faultOf(e)}); ${left}`)
  }
}

const sameIdentity = (a: UsageRecord, b: UsageRecord) => actorKey(a) === actorKey(b) && a.date === b.date && a.terminal_type === b.terminal_type && a.customer_type === b.customer_type

/**
 * The error for a clash: two records with one identity and different values. Only a digest of the first was
 * kept, so the pages read so far are read again to find it and name the fields that differ (never the email).
 */
function clashError(files: readonly string[], file: string, index: number, r: UsageRecord): Error {
  let earlier: { file: string, index: number, record: UsageRecord } | undefined
  for (const f of files) {
    const data = readPage(f).data
    const i = data.findIndex((x, j) => (f !== file || j < index) && sameIdentity(x, r))
    if (i >= 0) {
      earlier = { file: f, index: i, record: data[i] }
      break
    }
  }
  const now = new Map(recordValues(r))
  const then = new Map(earlier
    ? recordValues(earlier.record)
    : [])
  const fields = [
    ...new Set([
      ...then.keys(),
      ...now.keys(),
    ]),
  ].filter(k => then.get(k) !== now.get(k)).map(k => `${k} (${then.has(k)
    ? shown(then.get(k))
    : 'absent'} there, ${now.has(k)
    ? shown(now.get(k))
    : 'absent'} here)`)
  const who = r.actor.type === 'user_actor'
    ? 'one person'
    : 'one API key'
  return new Error(
    `${file}, data[${index}] and ${earlier
      ? `${earlier.file}, data[${earlier.index}]`
      : 'an earlier record'} are the same record (${who}, ${r.date}, terminal ${r.terminal_type}, customer type ${r.customer_type}) with different values: ${fields.join('; ') || 'a digest differs'}. `
      + 'The API may have revised that day between two fetches: keep one export of it (fetch the day again into a fresh folder). Nothing was written.',
  )
}

export function importPages(opts: { paths: string[], people: string, out: string, exportedAt?: string, from?: string, to?: string, now?: Date, replace?: boolean }): ImportResult {
  const { pages, manifests } = pageFiles(opts.paths)
  if (!pages.length)
    throw new UserError(`No .json pages found in ${opts.paths.join(', ')}`)
  // The ranges fetched: every manifest's (a folder topped up month by month has several), and --from/--to.
  const ranges: DayRange[] = manifests.map(m => ({
    from: m.from,
    to: m.to,
    what: relative(process.cwd(), m.file),
  }))
  if (opts.from || opts.to) {
    if (!isUtcDay(opts.from) || !isUtcDay(opts.to) || opts.from > opts.to)
      throw new UserError(`--from and --to go together, as days YYYY-MM-DD, from before to (got ${opts.from}, ${opts.to})`)
    ranges.push({ from: opts.from, to: opts.to, what: '--from/--to' })
  }
  const people = parsePeopleCsv(readText(opts.people), 'the people file')
  const latestManifest = [...manifests].sort((a, b) => Date.parse(a.exportedAt) - Date.parse(b.exportedAt)).at(-1)
  const exportedAt = opts.exportedAt ?? latestManifest?.exportedAt ?? new Date(Math.max(...pages.map(p => statSync(p).mtimeMs))).toISOString()
  const exportedAtFrom = opts.exportedAt !== undefined
    ? '--exported-at'
    : latestManifest
      ? `${latestManifest.file}: "exportedAt"`
      : 'the pages\' modification time (the export time, with no manifest)'
  const now = opts.now ?? new Date()
  for (const m of manifests) checkExportedAt(m.exportedAt, `${m.file}: "exportedAt"`, m.from, 'from', now)
  checkExportedAt(exportedAt, exportedAtFrom, undefined, '', now)
  const agg = new Aggregator(people, {
    exportedAt,
    importedAt: now.toISOString(),
    ranges,
  })
  let lastDay = ''
  // One page at a time: read, checked, added up, let go. A company's year is millions of records.
  pages.forEach((file, f) => {
    readPage(file).data.forEach((r, i) => {
      if (r.date > lastDay)
        lastDay = r.date
      if (ranges.length && !ranges.some(x => x.from <= r.date && r.date <= x.to))
        throw new UserError(`${file}, data[${i}].date: ${r.date} is outside every export range (${ranges.map(x => `${x.from} to ${x.to} in ${x.what}`).join('; ')}); fetch that day again, or name its range with --from and --to`)
      let added
      try {
        added = agg.add(r)
      }
      catch (e) {
        throw new UserError(`${file}, data[${i}]: ${(e as Error).message}`)
      }
      // A page saved twice, or the same person's day in two exports, is counted once; other values are a clash.
      if (added.kind === 'clash')
        throw clashError(pages.slice(0, f + 1), file, i, r)
    })
  })
  // No export can hold a day that had not begun when it was made.
  checkExportedAt(exportedAt, exportedAtFrom, lastDay, 'records up to', now)
  const quarters = agg.finish()

  // All or nothing: every quarter is checked, and none may overwrite an import unasked, before any file is written.
  const planned = quarters.map(q => ({
    q,
    path: join(opts.out, `${q.quarter}.json`),
  }))
  const problems = planned.flatMap(({ q, path }) => quarterProblems(q, path))
  if (problems.length)
    throw new Error(`The import made an invalid quarter (a bug); nothing was written:\n${problems.join('\n')}`)
  const replaced: string[] = []
  const refused: string[] = []
  for (const { q, path } of planned) {
    if (!existsSync(path))
      continue
    const change = describeReplacement(readJson(path) as QuarterFile, q)
    if (opts.replace)
      replaced.push(change)
    else refused.push(`  ${relative(process.cwd(), path)}: ${change}`)
  }
  if (refused.length)
    throw new UserError(`These quarters are imported already; nothing was written. Add --replace to replace them:\n${refused.join('\n')}`)
  writeAllOrNothing(opts.out, planned.map(({ q, path }) => ({ path, text: `${JSON.stringify(q, null, 2)}\n` })))
  const missingDays = Object.fromEntries(quarters.map(q => [q.quarter, q.provenance.missingDays ?? []]))
  return {
    written: planned.map(p => p.path),
    quarters,
    records: agg.records,
    duplicates: agg.duplicates,
    missingDays,
    replaced,
  }
}

/** One line on what replacing an imported quarter changes: its period and its people. */
function describeReplacement(old: QuarterFile, next: QuarterFile): string {
  const o = old.provenance
  const n = next.provenance
  return `${old.quarter} now ${o.from} to ${o.to}, ${o.peopleCovered} active people, ${totalOf(old).sessions} sessions; the new import ${n.from} to ${n.to}, ${n.peopleCovered} active people, ${totalOf(next).sessions} sessions`
}

const ARGS = {
  allowPositionals: true,
  options: {
    'people': { type: 'string' },
    'out': { type: 'string' },
    'exported-at': { type: 'string' },
    'from': { type: 'string' },
    'to': { type: 'string' },
    'replace': { type: 'boolean' },
  },
} as const

function main() {
  const { values, positionals } = commandLine(ARGS)
  if (!positionals.length)
    throw new UserError('Usage: npm run scorecard:import -- <saved pages or folders> --people <people.csv> [--out data/scorecard]')
  const out = resolve(values.out ?? scorecardDir())
  const started = performance.now()
  const r = importPages({
    paths: positionals,
    people: peopleFile(values.people),
    out,
    exportedAt: values['exported-at'],
    from: values.from,
    to: values.to,
    replace: values.replace,
  })
  // For `npm run bench:scorecard`: what this process read, how long it took, and its peak memory.
  if (process.env.SCORECARD_IMPORT_STATS) {
    const u = process.resourceUsage()
    writeFileSync(process.env.SCORECARD_IMPORT_STATS, JSON.stringify({
      records: r.records,
      duplicates: r.duplicates,
      ms: performance.now() - started,
      cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000,
      maxRssKiB: u.maxRSS,
    }))
  }
  for (const line of r.replaced) console.log(`  replaced: ${line}`)
  console.log(`✓ ${r.records} records read${r.duplicates
    ? ` (${r.duplicates} records seen twice, counted once)`
    : ''}`)
  for (const q of r.quarters) {
    const t = totalOf(q)
    const p = q.provenance
    console.log(`  ${q.quarter} (${p.from} to ${p.to}): ${p.peopleCovered} active people in ${q.functions.length} functions, ` + `${formatMeasure('sessionsPerPersonPerWeek', measureValue('sessionsPerPersonPerWeek', t, p))} ${MEASURES.sessionsPerPersonPerWeek.name.toLowerCase()}`)
    if (p.mergedIntoOther.length)
      console.log(`    merged into Other (fewer than 5 active people): ${p.mergedIntoOther.join(', ')}`)
    if (p.unmappedPeople) {
      console.log(`    ${p.unmappedPeople} ${p.unmappedPeople === 1
        ? 'person is'
        : 'people are'} not in the people file: counted under Other`)
    }
    const missing = r.missingDays[q.quarter] ?? []
    if (missing.length) {
      console.log(`    ${missing.length} ${missing.length === 1
        ? 'day'
        : 'days'} inside ${p.from} to ${p.to} no export covers (the slide says so): ${missing.slice(0, 10).join(', ')}${missing.length > 10
        ? ', …'
        : ''}`)
    }
    if (p.apiKeySessions)
      console.log(`    ${p.apiKeySessions} sessions run with API keys: left out of the per-person measures`)
  }
  console.log(`✓ wrote ${r.written.map(w => relative(process.cwd(), w)).join(', ')}; now \`npm run build\` (or \`npm run dev\`)`)
}

/** The heap the import's worker may use, in MB (SCORECARD_IMPORT_HEAP_MB). A year of 20,000 people needs well under 1 GB. */
const heapMb = () => Number(process.env.SCORECARD_IMPORT_HEAP_MB) || 4096

/** Signals that stop the import (Ctrl-C, kill, a closed terminal): passed on to the worker, then cleaned up after. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/**
 * Runs the import in a child process with a set heap, so that running out of memory, or being killed, ends in a
 * message saying what to do rather than V8's bare "FATAL ERROR" and exit code 134. The child writes its files
 * whole (temp files, renamed when all are complete), so a crash leaves at most its temp files, removed here.
 */
async function runWorker(): Promise<number> {
  let out: string | undefined
  try {
    out = resolve(commandLine(ARGS).values.out ?? scorecardDir())
  }
  catch {
    // bad arguments: the worker says which
  }
  // Temp files of an import killed outright (worker and this process both) are removed: their process is gone.
  const running = (pid: number) => {
    try {
      return process.kill(pid, 0)
    }
    catch (e) {
      return (e as NodeJS.ErrnoException).code !== 'ESRCH'
    }
  }
  if (out && existsSync(out)) {
    for (const n of readdirSync(out)) {
      const pid = IMPORT_TEMP.exec(n)?.[1]
      if (pid && !running(Number(pid)))
        rmSync(join(out, n))
    }
  }
  // What the folder holds now, to say truthfully afterwards whether a crash left it as it was.
  const state = () => (out && existsSync(out)
    ? readdirSync(out).map(n => `${n} ${statSync(join(out!, n)).mtimeMs}`).join('\n')
    : '')
  const before = state()
  // This process outlives a stop signal to clean up after the worker it passes the signal on to. The handlers are
  // set before the worker starts: once it runs, a signal may come at any moment (they run only once it exists).
  let child: ChildProcess | undefined
  for (const s of STOP_SIGNALS) process.on(s, () => child?.kill(s))
  child = spawn(process.execPath, [
    ...process.execArgv,
    `--max-old-space-size=${heapMb()}`,
    process.argv[1],
    ...process.argv.slice(2),
  ], {
    stdio: 'inherit',
    env: { ...process.env, SCORECARD_IMPORT_WORKER: '1' },
  })
  const r: { pid?: number, status: number | null, signal: NodeJS.Signals | null, error?: Error } = { pid: child.pid, status: null, signal: null }
  try {
    [r.status, r.signal] = await once(child, 'exit') as [number | null, NodeJS.Signals | null]
  }
  catch (e) {
    r.error = e as Error
  }
  // Done, stopped with its own ✗ message (USER_ERROR_EXIT), or a bug with its stack printed (1).
  if (r.status === 0 || r.status === 1 || r.status === USER_ERROR_EXIT)
    return r.status
  if (out && r.pid && existsSync(out)) {
    for (const n of readdirSync(out)) {
      if (n.endsWith(`.${r.pid}.tmp`))
        rmSync(join(out, n))
    }
  }
  const folder = out ?? 'The scorecard folder'
  const left = state() === before
    ? `${folder} is as it was.`
    : `It had written to ${folder} before it stopped: check those quarters, or import again with --replace.`
  if (r.status === 134 || r.signal === 'SIGABRT') {
    console.error(`✗ The import ran out of memory (its heap is ${heapMb()} MB). ${left} Give it more with SCORECARD_IMPORT_HEAP_MB=${heapMb() * 2}, or import a quarter's pages at a time.`)
  }
  else if (r.signal === 'SIGKILL') {
    console.error(`✗ The import was killed (SIGKILL), most often by the system when memory runs out. ${left} Import a quarter's pages at a time, or run it on a machine with more memory.`)
  }
  else if ((STOP_SIGNALS as readonly string[]).includes(r.signal ?? '')) {
    console.error(`✗ The import was stopped (${r.signal}) before it finished. ${left}`)
  }
  else if (r.error) {
    console.error(`✗ The import could not start (${r.error.message}). ${left}`)
  }
  else {
    console.error(`✗ The import stopped unexpectedly (${r.signal
      ? `signal ${r.signal}`
      : `exit code ${r.status}`}). ${left} Run it again; if it stops again, report it with the command you ran.`)
  }
  return USER_ERROR_EXIT // each message above says what to do
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.env.SCORECARD_IMPORT_WORKER !== '1')
    process.exit(await runWorker())
  asCommand()
  main()
}
