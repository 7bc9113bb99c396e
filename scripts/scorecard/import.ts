/**
 * `npm run scorecard:import -- <pages or folders> --people <people.csv>`
 * Reads saved Claude Code usage report pages (as `scorecard:fetch` writes them, or saved by hand), joins each
 * person to a function with the people file, and writes one aggregate per quarter to data/scorecard/
 * (or --out / SCORECARD_DIR). Only sums by function are written; emails stop here.
 */
import type { QuarterFile } from '../../data/scorecard.ts'
import type { DayRange } from './aggregate.ts'
import type { UsagePage, UsageRecord } from './api.ts'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, relative, resolve } from 'node:path'
import { formatMeasure, MEASURES, measureValue, totalOf } from '../../data/scorecard-measures.ts'
import { isUtcDay, quarterProblems } from '../../data/scorecard.ts'
import { UserError } from '../../shared/errors.ts'
import { isInsideRepo, scorecardDir } from '../../vite/scorecard-files.ts'
import { asCommand, commandLine, USER_ERROR_EXIT } from '../lib/cli.ts'
import { Aggregator, parsePeopleCsv } from './aggregate.ts'
import { actorKey, parsePage, recordValues } from './api.ts'

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
    if (statSync(p).isDirectory())
      return readdirSync(p).sort().forEach(n => visit(join(p, n)))
    if (isManifest(p)) {
      let m: ExportManifest
      try {
        m = JSON.parse(readFileSync(p, 'utf8')) as ExportManifest
      }
      catch (e) {
        throw new UserError(`${p}: not valid JSON (${(e as Error).message})`)
      }
      if (!isUtcDay(m.from) || !isUtcDay(m.to) || m.from > m.to)
        throw new UserError(`${p}: "from" and "to" must be days YYYY-MM-DD, from before to (got ${JSON.stringify(m.from)}, ${JSON.stringify(m.to)})`)
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

/** One saved page, read and checked; errors name the file. */
function readPage(file: string): UsagePage {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  }
  catch (e) {
    throw new UserError(`${file}: not valid JSON (${(e as Error).message})`)
  }
  return parsePage(json, file)
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
  ].filter(k => then.get(k) !== now.get(k)).map(k => `${k} (${then.get(k) ?? 'absent'} there, ${now.get(k) ?? 'absent'} here)`)
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
  const people = parsePeopleCsv(readFileSync(opts.people, 'utf8'), 'the people file')
  const exportedAt = opts.exportedAt ?? manifests.map(m => m.exportedAt).sort().at(-1) ?? new Date(Math.max(...pages.map(p => statSync(p).mtimeMs))).toISOString()
  const agg = new Aggregator(people, {
    exportedAt,
    importedAt: (opts.now ?? new Date()).toISOString(),
    ranges,
  })
  // One page at a time: read, checked, added up, let go. A company's year is millions of records.
  pages.forEach((file, f) => {
    readPage(file).data.forEach((r, i) => {
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
    const change = describeReplacement(JSON.parse(readFileSync(path, 'utf8')) as QuarterFile, q)
    if (opts.replace)
      replaced.push(change)
    else refused.push(`  ${relative(process.cwd(), path)}: ${change}`)
  }
  if (refused.length)
    throw new UserError(`These quarters are imported already; nothing was written. Add --replace to replace them:\n${refused.join('\n')}`)
  mkdirSync(opts.out, { recursive: true })
  for (const { q, path } of planned) {
    const temp = `${path}.${process.pid}.tmp`
    writeFileSync(temp, `${JSON.stringify(q, null, 2)}\n`)
    renameSync(temp, path)
  }
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

/**
 * Runs the import in a child process with a set heap, so that running out of memory, or being killed, ends in a
 * message saying what to do rather than V8's bare "FATAL ERROR" and exit code 134. The child writes its files
 * whole (temp file, then rename), so a crash leaves at most its temp files, which are removed here.
 */
function runWorker(): number {
  let out: string | undefined
  try {
    out = resolve(commandLine(ARGS).values.out ?? scorecardDir())
  }
  catch {
    // bad arguments: the worker says which
  }
  // What the folder holds now, to say truthfully afterwards whether a crash left it as it was.
  const state = () => (out && existsSync(out)
    ? readdirSync(out).map(n => `${n} ${statSync(join(out!, n)).mtimeMs}`).join('\n')
    : '')
  const before = state()
  const r = spawnSync(process.execPath, [
    ...process.execArgv,
    `--max-old-space-size=${heapMb()}`,
    process.argv[1],
    ...process.argv.slice(2),
  ], {
    stdio: 'inherit',
    env: { ...process.env, SCORECARD_IMPORT_WORKER: '1' },
  })
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
    process.exit(runWorker())
  asCommand()
  main()
}
