#!/usr/bin/env node
// `npm run bench`: this deck against the stock Slidev starter (the template inside the
// `create-slidev` devDependency) and against an empty Slidev deck (one slide, the default theme), all
// built by the same toolchain on this machine, in alternating runs (deck, starter, empty, deck, …).
// First views are loaded from a local server that gzips text as a host does; "throttled" loads slide 1
// over an emulated slow link (1.6 Mbit/s down, 150 ms latency). Prints medians and ratios, writes
// bench-results.json, and exits non-zero naming any measure over its budget. Slowness is never a failure: no wait
// has a time limit (each waits until its page is ready), and when other work kept the machine busy a time over
// budget is reported as slow. BENCH_RUNS sets the number of runs (default 3). Absolute times vary by machine;
// compare ratios.
import type { Browser, Request } from 'playwright-chromium'
import type { Unit } from './lib/bench-stats.ts'
import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { chromium } from 'playwright-chromium'
import { CHROMIUM_ARGS, chromiumVersion, ensureChromium } from './install/chromium.ts'
import { judgeBudgets, summarise, table, wasBusy } from './lib/bench-stats.ts'
import { asCommand, commandLine, UserError } from './lib/cli.ts'
import { pdfPages } from './lib/pdf.ts'
import { DECK_NAME } from './lib/run.ts'
import { serveStatic } from './lib/static-server.ts'

asCommand()
commandLine({ options: {} }) // BENCH_RUNS comes from the environment
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
/** How long a page may take to be ready: far past any busy machine, short of a hang. */
const PAGE_LIMIT_MS = 10 * 60_000
if (!Number.isInteger(RUNS) || RUNS < 1)
  throw new UserError(`BENCH_RUNS must be a whole number of runs, 1 or more: "${process.env.BENCH_RUNS}"`)
const BUDGETS = {
  'first-view transfer': 1.1,
  'build time': 1.3,
  'export time per page': 1.3,
  'PDF bytes per page': 2,
}
// Against the empty deck, the framework's floor (the targets in the README).
const FLOOR_BUDGETS = { 'first-view transfer (gzip)': 1.0, 'time to first slide, throttled': 1.0 }
const THROTTLE = {
  offline: false,
  latency: 150,
  downloadThroughput: 1.6e6 / 8,
  uploadThroughput: 750e3 / 8,
}
const SLIDEV = resolve('node_modules/@slidev/cli/bin/slidev.mjs')
const WORK = resolve('.bench')
const executablePath = ensureChromium()

// The starter, copied out of the installed create-slidev package: nothing is fetched.
rmSync(WORK, { recursive: true, force: true })
mkdirSync(WORK, { recursive: true })
cpSync(resolve('node_modules/create-slidev/template'), join(WORK, 'starter'), { recursive: true })
mkdirSync(join(WORK, 'empty'), { recursive: true })
writeFileSync(join(WORK, 'empty', 'slides.md'), '---\ntheme: default\n---\n\n# Empty deck\n')
const SUBJECTS = {
  deck: resolve('slides.md'),
  starter: join(WORK, 'starter', 'slides.md'),
  empty: join(WORK, 'empty', 'slides.md'),
}

/** Resident memory of a process and all its descendants, in bytes, from /proc. */
function treeRss(rootPid: number): number {
  const parents = new Map<number, number>()
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d))
      continue
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8')
      parents.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    }
    catch {}
  }
  const tree = new Set([rootPid])
  let grew = true
  while (grew) {
    grew = false
    for (const [pid, ppid] of parents) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid)
        grew = true
      }
    }
  }
  let total = 0
  for (const pid of tree) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
      if (m)
        total += Number(m[1]) * 1024
    }
    catch {}
  }
  return total
}

/** Runs a command; returns wall time (ms) and the peak resident memory of its process tree (bytes). */
function measure(args: string[]): Promise<{ ms: number, peak: number }> {
  return new Promise((ok, fail) => {
    const start = performance.now()
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let peak = 0
    let err = ''
    child.stderr.on('data', b => (err += b))
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100)
    child.on('exit', (code) => {
      clearInterval(timer)
      const ms = performance.now() - start
      code === 0
        ? ok({ ms, peak })
        : fail(new Error(`${args.slice(1, 3).join(' ')} failed (${code}):\n${err.slice(-2000)}`))
    })
  })
}

function dirBytes(dir: string): number {
  return readdirSync(dir, { recursive: true }).reduce((sum, f) => {
    const s = statSync(join(dir, String(f)))
    return s.isFile()
      ? sum + s.size
      : sum
  }, 0)
}

/** Slide 1 as a browser first loads it, gzipped as a host serves it: bytes over the wire and requests. */
async function firstView(browser: Browser, dir: string): Promise<{ bytes: number, requests: number }> {
  const server = await serveStatic(dir, '/', { gzip: true })
  const page = await browser.newPage({
    viewport: { width: 1920, height: 1080 },
  })
  let bytes = 0
  let requests = 0
  const pending: Promise<unknown>[] = []
  const onFinished = (r: Request) => {
    requests++
    // A request that finishes as the page closes cannot report its size; it is counted, with no bytes.
    pending.push(r.sizes().then(s => (bytes += s.responseBodySize + s.responseHeadersSize), () => {}))
  }
  page.on('requestfinished', onFinished)
  await page.goto(server.url, { waitUntil: 'networkidle', timeout: PAGE_LIMIT_MS })
  page.off('requestfinished', onFinished)
  await Promise.all(pending)
  await page.close()
  await server.close()
  return { bytes, requests }
}

/** Milliseconds from navigation to slide 1 drawn with its fonts, over an emulated slow link. */
async function throttledFirstSlide(browser: Browser, dir: string): Promise<number> {
  const server = await serveStatic(dir, '/', { gzip: true })
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
  })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await cdp.send('Network.emulateNetworkConditions', THROTTLE)
  const start = performance.now()
  await page.goto(server.url, { waitUntil: 'commit', timeout: PAGE_LIMIT_MS })
  await page.waitForSelector('.slidev-page-1 .slidev-layout', { state: 'visible', timeout: PAGE_LIMIT_MS })
  await page.evaluate(() => document.fonts.ready)
  const ms = performance.now() - start
  await context.close()
  await server.close()
  return ms
}

type Subject = 'deck' | 'starter' | 'empty'
type Series = Partial<Record<Subject, number[]>> & { unit: Unit }
const samples: Record<string, Series & { deck: number[], starter: number[] }> = Object.fromEntries(
  [
    'build time',
    'build peak memory',
    'first-view transfer',
    'dist size',
    'export time per page',
    'PDF bytes per page',
  ].map(m => [
    m,
    {
      unit: /time/.test(m)
        ? 'ms'
        : 'bytes',
      deck: [] as number[],
      starter: [] as number[],
    },
  ]),
)
const floor: Record<string, Series & { deck: number[], empty: number[] }> = {
  'first-view transfer (gzip)': { unit: 'bytes', deck: [], empty: [] },
  'first-view requests': { unit: 'count', deck: [], empty: [] },
  'time to first slide, throttled': { unit: 'ms', deck: [], empty: [] },
}

// The machine's load before the runs start, from other work, to tell a slow run from a slow deck. (Not while
// they go: the bench's own builds and Chromium load two cores past their count, and would excuse any time.)
const loads = [loadavg()[0]]
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
try {
  for (let run = 1; run <= RUNS; run++) {
    for (const [name, entry] of Object.entries(SUBJECTS) as [Subject, string][]) {
      const out = join(WORK, `${name}-${run}`)
      // The deck is exported as `npm run export` ships it (tagged, bookmarked); the starter by `slidev export`.
      const pdf = name === 'deck'
        ? join(WORK, `deck-${run}-pdf`, `${DECK_NAME}.pdf`)
        : join(WORK, `${name}-${run}.pdf`)
      process.stdout.write(`run ${run}/${RUNS} ${name}: build… `)
      const build = await measure([
        SLIDEV,
        'build',
        entry,
        '--out',
        out,
        '--base',
        '/',
      ])
      process.stdout.write('first view… ')
      const view = await firstView(browser, out)
      const throttled = name === 'starter'
        ? Number.NaN
        : await throttledFirstSlide(browser, out)
      if (name !== 'starter') {
        floor['first-view transfer (gzip)'][name]!.push(view.bytes)
        floor['first-view requests'][name]!.push(view.requests)
        floor['time to first slide, throttled'][name]!.push(throttled)
      }
      if (name === 'empty') {
        console.log('done')
        continue
      }
      process.stdout.write('export… ')
      const exp
        = name === 'deck'
          ? await measure([
              '--import',
              'tsx',
              'scripts/export.ts',
              '--out',
              join(WORK, `deck-${run}-pdf`),
            ])
          : await measure([
              SLIDEV,
              'export',
              entry,
              '--output',
              pdf,
              '--executable-path',
              executablePath,
              // Each page is ready when it has loaded and Slidev's own checks pass (the slide there, none still
              // loading, every data-waitfor shown, every frame loaded), not when the network has been quiet for
              // half a second, which a busy machine may not see. A long limit, so a deck that never gets ready
              // ends the bench rather than hanging it.
              '--wait-until',
              'load',
              '--timeout',
              String(PAGE_LIMIT_MS),
            ])
      const pages = pdfPages(pdf)
      samples['build time'][name]!.push(build.ms)
      samples['build peak memory'][name]!.push(build.peak)
      samples['first-view transfer'][name]!.push(view.bytes)
      samples['dist size'][name]!.push(dirBytes(out))
      samples['export time per page'][name]!.push(exp.ms / pages)
      samples['PDF bytes per page'][name]!.push(statSync(pdf).size / pages)
      console.log(`done (${pages} pages)`)
    }
  }
}
finally {
  await browser.close()
}

const rows = summarise(samples, BUDGETS)
const floorRows = summarise(floor, FLOOR_BUDGETS, 'empty', 'empty deck')
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  chromium: chromiumVersion(executablePath),
  loadAverageBefore: loads[0],
}
const busy = wasBusy(loads, machine.cpus)
writeFileSync(
  'bench-results.json',
  `${JSON.stringify({
    date: new Date().toISOString(),
    runs: RUNS,
    machine,
    throttle: THROTTLE,
    measures: rows,
    againstEmptyDeck: floorRows,
  }, null, 2)}\n`,
)
console.log(`\nAgainst the stock starter:\n${table(rows)}\n\nAgainst an empty deck (the framework's floor):\n${table(floorRows)}`)
console.log(`\nMachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.chromium}. Medians of ${RUNS} alternating runs.`)
console.log('Written to bench-results.json.')
const { failed, slow } = judgeBudgets([
  ...rows,
  ...floorRows,
], busy)
if (busy) {
  console.log(`\nSlow run: the load average was ${machine.loadAverageBefore.toFixed(1)} on ${machine.cpus} cores before the runs began, so other work shared the machine; times are reported, not judged.`)
  for (const s of slow)
    console.log(`  - slow: ${s}`)
}
if (failed.length) {
  console.error(`\n✗ Budget missed:\n  - ${failed.join('\n  - ')}`)
  process.exit(1)
}
console.log(slow.length
  ? '✓ every budget that does not depend on the machine holds'
  : '✓ every budget holds')
