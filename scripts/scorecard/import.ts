/**
 * `npm run scorecard:import -- <pages or folders> --people <people.csv>`
 * Reads saved Claude Code usage report pages (as `scorecard:fetch` writes them, or saved by hand), joins each
 * person to a function with the people file, and writes one aggregate per quarter to data/scorecard/
 * (or --out / SCORECARD_DIR). Only sums by function are written; emails stop here.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { quarterProblems, MEASURES, measureValue, formatMeasure, totalOf, type QuarterFile } from '../../data/scorecard.ts'
import { aggregate, parsePeopleCsv, uncoveredDays, type DayRange } from './aggregate.ts'
import { parsePage, type UsageRecord } from './api.ts'
import { isInsideRepo, scorecardDir } from './files.ts'

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
  if (!path) throw new Error('Name the people file: --people <file.csv> or SCORECARD_PEOPLE=<file.csv> (columns: email, function). Keep it outside the repo.')
  if (!existsSync(path)) throw new Error(`The people file ${path} does not exist`)
  if (isInsideRepo(path)) throw new Error(`The people file ${path} is inside the repo; it lists people's emails, so keep it outside (for example in your home folder)`)
  return path
}

interface ManifestFile extends ExportManifest {
  file: string
}

/** Every .json file under the paths given, with the export manifests apart. */
function pageFiles(paths: readonly string[]): { pages: string[]; manifests: ManifestFile[] } {
  const pages: string[] = []
  const manifests: ManifestFile[] = []
  const visit = (p: string) => {
    if (!existsSync(p)) throw new Error(`${p} does not exist`)
    if (statSync(p).isDirectory()) return readdirSync(p).sort().forEach((n) => visit(join(p, n)))
    if (isManifest(p)) {
      const m = JSON.parse(readFileSync(p, 'utf8')) as ExportManifest
      const day = /^\d{4}-\d{2}-\d{2}$/
      if (!day.test(m.from) || !day.test(m.to) || m.from > m.to) throw new Error(`${p}: "from" and "to" must be days YYYY-MM-DD, from before to (got ${JSON.stringify(m.from)}, ${JSON.stringify(m.to)})`)
      manifests.push({ ...m, file: p })
    } else if (p.endsWith('.json')) pages.push(p)
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

export function importPages(opts: { paths: string[]; people: string; out: string; exportedAt?: string; from?: string; to?: string; now?: Date; replace?: boolean }): ImportResult {
  const { pages, manifests } = pageFiles(opts.paths)
  if (!pages.length) throw new Error(`No .json pages found in ${opts.paths.join(', ')}`)
  // The ranges fetched: every manifest's (a folder topped up month by month has several), and --from/--to.
  const ranges: DayRange[] = manifests.map((m) => ({ from: m.from, to: m.to, what: relative(process.cwd(), m.file) }))
  if (opts.from && opts.to) ranges.push({ from: opts.from, to: opts.to, what: '--from/--to' })
  const seen = new Set<string>()
  const records: UsageRecord[] = []
  let duplicates = 0
  for (const file of pages) {
    let json: unknown
    try {
      json = JSON.parse(readFileSync(file, 'utf8'))
    } catch (e) {
      throw new Error(`${file}: not valid JSON (${(e as Error).message})`)
    }
    parsePage(json, file).data.forEach((r, i) => {
      if (ranges.length && !ranges.some((x) => x.from <= r.date && r.date <= x.to))
        throw new Error(`${file}, data[${i}].date: ${r.date} is outside every export range (${ranges.map((x) => `${x.from} to ${x.to} in ${x.what}`).join('; ')}); fetch that day again, or name its range with --from and --to`)
      // The same page saved twice would count twice: an identical record is skipped.
      const key = JSON.stringify(r)
      if (seen.has(key)) duplicates++
      else seen.add(key), records.push(r)
    })
  }
  const people = parsePeopleCsv(readFileSync(opts.people, 'utf8'), 'the people file')
  const exportedAt = opts.exportedAt ?? manifests.map((m) => m.exportedAt).sort().at(-1) ?? new Date(Math.max(...pages.map((p) => statSync(p).mtimeMs))).toISOString()
  const quarters = aggregate(records, people, { exportedAt, importedAt: (opts.now ?? new Date()).toISOString(), ranges })

  // All or nothing: every quarter is checked, and none may overwrite an import unasked, before any file is written.
  const planned = quarters.map((q) => ({ q, path: join(opts.out, `${q.quarter}.json`) }))
  const problems = planned.flatMap(({ q, path }) => quarterProblems(q, path))
  if (problems.length) throw new Error(`The import made an invalid quarter (a bug); nothing was written:\n${problems.join('\n')}`)
  const replaced: string[] = []
  const refused: string[] = []
  for (const { q, path } of planned) {
    if (!existsSync(path)) continue
    const change = describeReplacement(JSON.parse(readFileSync(path, 'utf8')) as QuarterFile, q)
    if (opts.replace) replaced.push(change)
    else refused.push(`  ${relative(process.cwd(), path)}: ${change}`)
  }
  if (refused.length) throw new Error(`These quarters are imported already; nothing was written. Add --replace to replace them:\n${refused.join('\n')}`)
  mkdirSync(opts.out, { recursive: true })
  for (const { q, path } of planned) {
    const temp = `${path}.${process.pid}.tmp`
    writeFileSync(temp, `${JSON.stringify(q, null, 2)}\n`)
    renameSync(temp, path)
  }
  const missingDays = Object.fromEntries(quarters.map((q) => [q.quarter, ranges.length ? uncoveredDays(q.provenance.from, q.provenance.to, ranges) : []]))
  return { written: planned.map((p) => p.path), quarters, records: records.length, duplicates, missingDays, replaced }
}

/** One line on what replacing an imported quarter changes: its period and its people. */
function describeReplacement(old: QuarterFile, next: QuarterFile): string {
  const o = old.provenance
  const n = next.provenance
  return `${old.quarter} now ${o.from} to ${o.to}, ${o.peopleCovered} active people, ${totalOf(old).sessions} sessions; the new import ${n.from} to ${n.to}, ${n.peopleCovered} active people, ${totalOf(next).sessions} sessions`
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { people: { type: 'string' }, out: { type: 'string' }, 'exported-at': { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, replace: { type: 'boolean' } },
  })
  if (!positionals.length) throw new Error('Usage: npm run scorecard:import -- <saved pages or folders> --people <people.csv> [--out data/scorecard]')
  const out = resolve(values.out ?? scorecardDir())
  const r = importPages({ paths: positionals, people: peopleFile(values.people), out, exportedAt: values['exported-at'], from: values.from, to: values.to, replace: values.replace })
  for (const line of r.replaced) console.log(`  replaced: ${line}`)
  console.log(`✓ ${r.records} records read${r.duplicates ? ` (${r.duplicates} identical records seen twice, counted once)` : ''}`)
  for (const q of r.quarters) {
    const t = totalOf(q)
    const p = q.provenance
    console.log(`  ${q.quarter} (${p.from} to ${p.to}): ${p.peopleCovered} active people in ${q.functions.length} functions, ` + `${formatMeasure('sessionsPerPersonPerWeek', measureValue('sessionsPerPersonPerWeek', t, p))} ${MEASURES.sessionsPerPersonPerWeek.name.toLowerCase()}`)
    if (p.mergedIntoOther.length) console.log(`    merged into Other (fewer than 5 active people): ${p.mergedIntoOther.join(', ')}`)
    if (p.unmappedPeople) console.log(`    ${p.unmappedPeople} ${p.unmappedPeople === 1 ? "person is" : "people are"} not in the people file: counted under Other`)
    const missing = r.missingDays[q.quarter] ?? []
    if (missing.length) console.log(`    ${missing.length} ${missing.length === 1 ? 'day' : 'days'} inside ${p.from} to ${p.to} no export covers: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`)
    if (p.apiKeySessions) console.log(`    ${p.apiKeySessions} sessions run with API keys: left out of the per-person measures`)
  }
  console.log(`✓ wrote ${r.written.map((w) => relative(process.cwd(), w)).join(', ')}; now \`npm run build\` (or \`npm run dev\`)`)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    main()
  } catch (e) {
    console.error(`✗ ${(e as Error).message}`)
    process.exit(1)
  }
}
