/**
 * `npm run bench:scorecard [-- --people 20000,100000 --days 365 --keep]`
 * How the import holds at company scale: for each head count, writes a year of synthetic usage pages (made-up
 * people at example.com, about half of them active on a given day, 1000 records a page, as the API pages them) in
 * a temp folder outside the repo, then times `scorecard:import` on them in a child process, as a user runs it, and
 * reads the import's own peak memory (the worker reports process.resourceUsage().maxRSS). A script, not a test:
 * the numbers depend on the machine; the README keeps the last measured ones. The time per record (CPU) at each
 * head count, and its ratio to the first, show whether the import stays flat as the company grows.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { REPO_ROOT } from '../../vite/scorecard-files.ts'
import { asCommand, commandLine, UserError } from '../lib/cli.ts'

const FUNCTIONS = [
  'Engineering',
  'Product',
  'Design',
  'Data',
  'Finance',
  'Operations',
  'Sales',
  'Marketing',
  'Support',
  'Legal',
  'People',
  'Security',
]
const PAGE = 1000
/** About what one synthetic record takes on disk, with room to spare: to refuse a run the disk cannot hold. */
const BYTES_PER_RECORD = 800
/** The share of people active on a given day, as generate() draws them. */
const ACTIVE_SHARE = 0.52

/** Writes N people's year of pages and the people file into `dir`; returns the records written. */
function generate(dir: string, people: number, days: number): number {
  let seed = 20260701 + people
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1))
  const email = (i: number) => `person${i}@example.com`
  writeFileSync(join(dir, 'people.csv'), `${[
    'email,function',
    ...Array.from({ length: people }, (_, i) => `${email(i)},${FUNCTIONS[i % FUNCTIONS.length]}`),
  ].join('\n')}\n`)
  const pages = join(dir, 'pages')
  mkdirSync(pages)
  const start = Date.parse('2025-07-01T00:00:00Z')
  let records = 0
  for (let d = 0; d < days; d++) {
    const day = new Date(start + d * 86_400_000).toISOString().slice(0, 10)
    const lines: string[] = []
    for (let i = 0; i < people; i++) {
      if (rand() >= ACTIVE_SHARE)
        continue // about half the company works with Claude Code on a given day
      const sessions = int(1, 12)
      const commits = rand() < 0.5
        ? int(1, 5)
        : 0
      lines.push(
        `{"actor":{"type":"user_actor","email_address":"${email(i)}"},"core_metrics":{"num_sessions":${sessions},"lines_of_code":{"added":${int(0, 900)},"removed":${int(0, 300)}},"commits_by_claude_code":${commits},"pull_requests_by_claude_code":${commits && rand() < 0.4
          ? 1
          : 0}},`
          + `"customer_type":"api","date":"${day}T00:00:00Z","model_breakdown":[{"estimated_cost":{"amount":${int(50, 900) * sessions},"currency":"USD"},"model":"claude-sonnet-example","tokens":{"cache_creation":${int(0, 9000)},"cache_read":${int(0, 90000)},"input":${int(0, 60000)},"output":${int(0, 15000)}}}],`
          + `"organization_id":"00000000-0000-0000-0000-000000000000","terminal_type":"vscode","tool_actions":{"edit_tool":{"accepted":${int(0, 40)},"rejected":${int(0, 8)}},"write_tool":{"accepted":${int(0, 12)},"rejected":${int(0, 3)}}}}`,
      )
    }
    const n = Math.max(1, Math.ceil(lines.length / PAGE))
    for (let p = 0; p < n; p++) {
      const more = p < n - 1
      writeFileSync(join(pages, `${day}-p${p + 1}.json`), `{"data":[${lines.slice(p * PAGE, (p + 1) * PAGE).join(',')}],"has_more":${more},"next_page":${more
        ? `"c${p + 1}"`
        : 'null'}}`)
    }
    records += lines.length
  }
  const to = new Date(start + (days - 1) * 86_400_000).toISOString().slice(0, 10)
  writeFileSync(join(pages, `export-manifest-2025-07-01_${to}.json`), JSON.stringify({
    exportedAt: new Date().toISOString(),
    from: '2025-07-01',
    to,
  }))
  return records
}

interface Result {
  people: number
  records: number
  /** Wall-clock time of the whole command, as a user waits for it. */
  seconds: number
  /** The import worker's CPU time (user and system): steadier than the wall clock on a shared machine. */
  cpuSeconds: number
  peakMiB: number
}

function run(people: number, days: number, keep: boolean): Result {
  const needed = people * days * ACTIVE_SHARE * BYTES_PER_RECORD
  const { bavail, bsize } = statfsSync(tmpdir())
  if (bavail * bsize < needed)
    throw new UserError(`${people.toLocaleString('en-US')} people × ${days} days needs about ${(needed / 2 ** 30).toFixed(1)} GiB free in ${tmpdir()}; it has ${(bavail * bsize / 2 ** 30).toFixed(1)} GiB (set TMPDIR to a larger disk)`)
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-bench-'))
  try {
    process.stdout.write(`${people.toLocaleString('en-US')} people × ${days} days: writing pages in ${dir} … `)
    const records = generate(dir, people, days)
    console.log(`${records.toLocaleString('en-US')} records`)
    // Written pages still being flushed to disk would slow the import's reads: time the import, not the flush.
    spawnSync('sync')
    const stats = join(dir, 'stats.json')
    const started = performance.now()
    const r = spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [
      join(REPO_ROOT, 'scripts/scorecard/import.ts'),
      join(dir, 'pages'),
      '--people',
      join(dir, 'people.csv'),
      '--out',
      join(dir, 'scorecard'),
    ], {
      encoding: 'utf8',
      env: { ...process.env, SCORECARD_IMPORT_STATS: stats },
    })
    const wall = (performance.now() - started) / 1000
    if (r.status !== 0)
      throw new Error(`the import failed (exit ${r.status}):\n${r.stderr}`)
    const s = JSON.parse(readFileSync(stats, 'utf8')) as { records: number, cpuMs: number, maxRssKiB: number }
    if (s.records !== records)
      throw new Error(`the import counted ${s.records} records of ${records}`)
    return {
      people,
      records,
      seconds: wall,
      cpuSeconds: s.cpuMs / 1000,
      peakMiB: s.maxRssKiB / 1024,
    }
  }
  finally {
    if (keep)
      console.log(`  kept ${dir}`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

function main() {
  const { values } = commandLine({
    options: {
      people: { type: 'string', default: '20000,100000' },
      days: { type: 'string', default: '365' },
      keep: { type: 'boolean', default: false },
    },
  })
  const counts = values.people.split(',').map(Number)
  const days = Number(values.days)
  if (counts.some(n => !(n > 0)) || !(days > 0 && days <= 366))
    throw new UserError('Usage: npm run bench:scorecard -- --people 20000,100000 [--days 365] [--keep]')
  if (resolve(tmpdir()).startsWith(REPO_ROOT))
    throw new UserError('The temp folder is inside the repo; set TMPDIR elsewhere')
  const results = counts.map(n => run(n, days, values.keep))
  console.log(`\nMachine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`)
  const n = (x: number) => Math.round(x).toLocaleString('en-US')
  const perRecord = (r: Result) => r.cpuSeconds * 1e6 / r.records // µs of CPU a record
  console.log(`| People | Records | Import time (wall) | Records/s (wall) | CPU time | CPU per record | per record, vs ${n(results[0].people)} people | Peak memory |`)
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|')
  for (const r of results) console.log(`| ${n(r.people)} | ${n(r.records)} | ${r.seconds.toFixed(1)} s | ${n(r.records / r.seconds)} | ${r.cpuSeconds.toFixed(1)} s | ${perRecord(r).toFixed(1)} µs | ${(perRecord(r) / perRecord(results[0])).toFixed(2)} | ${Math.round(r.peakMiB)} MiB |`)
}

asCommand()
main()
