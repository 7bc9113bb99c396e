/**
 * `npm run scorecard:import -- <pages or folders> --people <people.csv>`
 * Reads saved Claude Code usage report pages (as `scorecard:fetch` writes them, or saved by hand), joins each
 * person to a function with the people file, and writes one aggregate per quarter to data/scorecard/
 * (or --out / SCORECARD_DIR). Only sums by function are written; emails stop here.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { quarterProblems, MEASURES, measureValue, formatMeasure, totalOf, type QuarterFile } from '../../data/scorecard.ts'
import { aggregate, parsePeopleCsv } from './aggregate.ts'
import { parsePage, type UsageRecord } from './api.ts'
import { isInsideRepo, scorecardDir } from './files.ts'

export const MANIFEST = 'export-manifest.json'

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

/** Every .json file under the paths given, the export manifest apart. */
function pageFiles(paths: readonly string[]): { pages: string[]; manifest?: ExportManifest } {
  const pages: string[] = []
  let manifest: ExportManifest | undefined
  const visit = (p: string) => {
    if (!existsSync(p)) throw new Error(`${p} does not exist`)
    if (statSync(p).isDirectory()) return readdirSync(p).sort().forEach((n) => visit(join(p, n)))
    if (p.endsWith(MANIFEST)) manifest = JSON.parse(readFileSync(p, 'utf8')) as ExportManifest
    else if (p.endsWith('.json')) pages.push(p)
  }
  paths.forEach(visit)
  return { pages, manifest }
}

export interface ImportResult {
  written: string[]
  quarters: QuarterFile[]
  records: number
  duplicates: number
}

export function importPages(opts: { paths: string[]; people: string; out: string; exportedAt?: string; from?: string; to?: string; now?: Date }): ImportResult {
  const { pages, manifest } = pageFiles(opts.paths)
  if (!pages.length) throw new Error(`No .json pages found in ${opts.paths.join(', ')}`)
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
    for (const r of parsePage(json, file).data) {
      // The same page saved twice would count twice: an identical record is skipped.
      const key = JSON.stringify(r)
      if (seen.has(key)) duplicates++
      else seen.add(key), records.push(r)
    }
  }
  const people = parsePeopleCsv(readFileSync(opts.people, 'utf8'), 'the people file')
  const exportedAt = opts.exportedAt ?? manifest?.exportedAt ?? new Date(Math.max(...pages.map((p) => statSync(p).mtimeMs))).toISOString()
  const quarters = aggregate(records, people, { exportedAt, importedAt: (opts.now ?? new Date()).toISOString(), from: opts.from ?? manifest?.from, to: opts.to ?? manifest?.to })
  mkdirSync(opts.out, { recursive: true })
  const written = quarters.map((q) => {
    const path = join(opts.out, `${q.quarter}.json`)
    const problems = quarterProblems(q, path)
    if (problems.length) throw new Error(`The import made an invalid quarter (a bug):\n${problems.join('\n')}`)
    writeFileSync(path, `${JSON.stringify(q, null, 2)}\n`)
    return path
  })
  return { written, quarters, records: records.length, duplicates }
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { people: { type: 'string' }, out: { type: 'string' }, 'exported-at': { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
  })
  if (!positionals.length) throw new Error('Usage: npm run scorecard:import -- <saved pages or folders> --people <people.csv> [--out data/scorecard]')
  const out = resolve(values.out ?? scorecardDir())
  const r = importPages({ paths: positionals, people: peopleFile(values.people), out, exportedAt: values['exported-at'], from: values.from, to: values.to })
  console.log(`✓ ${r.records} records read${r.duplicates ? ` (${r.duplicates} identical records seen twice, counted once)` : ''}`)
  for (const q of r.quarters) {
    const t = totalOf(q)
    const p = q.provenance
    console.log(`  ${q.quarter} (${p.from} to ${p.to}): ${p.peopleCovered} active people in ${q.functions.length} functions, ` + `${formatMeasure('sessionsPerPersonPerWeek', measureValue('sessionsPerPersonPerWeek', t, p))} ${MEASURES.sessionsPerPersonPerWeek.name.toLowerCase()}`)
    if (p.mergedIntoOther.length) console.log(`    merged into Other (fewer than 5 active people): ${p.mergedIntoOther.join(', ')}`)
    if (p.unmappedPeople) console.log(`    ${p.unmappedPeople} ${p.unmappedPeople === 1 ? "person is" : "people are"} not in the people file: counted under Other`)
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
