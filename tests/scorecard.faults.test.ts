// scorecard:import against faults an operator meets: a disk that fills up between two quarter files, a folder it
// may not write, and a stop (kill, Ctrl-C) in the middle. Each ends in one line naming the file and exit code 2,
// never a stack, and leaves the scorecard folder byte for byte as it was (no quarter replaced, no temp file).
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { USER_ERROR_EXIT } from '../scripts/lib/cli.ts'
import { readScorecardFiles } from '../vite/scorecard-files'
import { fixtureEmails, folderBytes, importFixture, PAGES, peopleOutsideRepo, tmp } from './helpers/scorecardFixture'
import { canMountTmpfs, smallDisk } from './helpers/smallDisk'

const IMPORT = ['--import', 'tsx', 'scripts/scorecard/import.ts']
const root = join(__dirname, '..')

/** The import's command line as a user types it, replacing what `out` holds. */
function importArgs(out: string, pages = PAGES) {
  return [
    ...IMPORT,
    pages,
    '--people',
    peopleOutsideRepo(),
    '--out',
    out,
    '--replace',
  ]
}

/** The import as a user runs it, replacing what `out` holds. */
function importInto(out: string, pages = PAGES) {
  return spawnSync(process.execPath, importArgs(out, pages), { cwd: root, encoding: 'utf8' })
}

/** A failure the way the operator sees it: one "✗" line, exit 2, no stack. */
function expectOneLine(r: { status: number | null, stderr: string }, message: RegExp) {
  expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1)
  expect(r.stderr).toMatch(message)
  expect(r.stderr).not.toMatch(/^\s+at /m)
  expect(r.status).toBe(USER_ERROR_EXIT)
}

describe.skipIf(!canMountTmpfs())('on a small disk (a tmpfs mounted for the test)', () => {
  let disk: ReturnType<typeof smallDisk>
  afterEach(() => disk.remove())

  it.each([
    ['holding an earlier import', true],
    ['empty', false],
  ])('a disk that fills up after the first quarter file leaves the folder (%s) as it was, and no temp file', (_, earlier) => {
    disk = smallDisk()
    const out = join(disk.dir, 'scorecard')
    importFixture([PAGES], { out })
    // Room for a new 2026-Q2.json, not for 2026-Q3.json after it.
    const quarterSize = statSync(join(out, '2026-Q2.json')).size
    if (!earlier)
      readdirSync(out).forEach(n => rmSync(join(out, n)))
    const before = folderBytes(out)
    disk.fill(quarterSize)
    const r = importInto(out)
    expectOneLine(r, new RegExp(`^✗ ${out}/2026-Q3\\.json: could not be written \\(ENOSPC: no space left on device\\); nothing was written, ${out} is as it was$`, 'm'))
    expect(folderBytes(out)).toEqual(before)
  }, 60_000)

  it('a scorecard folder it may not write (a read-only file system) is named in one line, and stays as it was', () => {
    disk = smallDisk()
    const out = join(disk.dir, 'scorecard')
    importFixture([PAGES], { out })
    const before = folderBytes(out)
    execFileSync('mount', ['-o', 'remount,ro', disk.dir])
    const r = importInto(out)
    execFileSync('mount', ['-o', 'remount,rw', disk.dir])
    expectOneLine(r, /^✗ \S+\/2026-Q2\.json: could not be written \(EROFS: read-only file system\); nothing was written/m)
    expect(folderBytes(out)).toEqual(before)
  }, 60_000)
})

it('a stop (SIGTERM) during the import ends in one line, and the folder stays as it was', async () => {
  const out = tmp('scorecard-')
  importFixture([PAGES], { out })
  const before = folderBytes(out)
  // A page big enough that the worker is still reading it when the stop comes.
  const pages = tmp('big-')
  const page = JSON.parse(readFileSync(join(PAGES, '2026-08-18-p1.json'), 'utf8'))
  writeFileSync(join(pages, '2026-08-18-p1.json'), JSON.stringify({
    ...page,
    padding: 'x'.repeat(20_000_000),
  }))
  const command = spawn(process.execPath, importArgs(out, pages), { cwd: root })
  let stderr = ''
  command.stderr.on('data', (d: Buffer) => (stderr += d))
  // Stopped once its worker runs (the child given a heap; tsx's esbuild is a child too), as a kill would stop it.
  const children = `/proc/${command.pid}/task/${command.pid}/children`
  const workerRuns = () => existsSync(children) && readFileSync(children, 'utf8').trim().split(/\s+/).filter(Boolean).some((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--max-old-space-size')
    }
    catch {
      return false // it has just ended
    }
  })
  await expect.poll(workerRuns, { timeout: 30_000, interval: 20 }).toBe(true)
  command.kill('SIGTERM')
  const [status] = await once(command, 'close') // after its output is read, not only at its exit
  expectOneLine({ status, stderr }, new RegExp(`^✗ The import was stopped \\(SIGTERM\\) before it finished\\. ${out} is as it was\\.$`, 'm'))
  expect(folderBytes(out)).toEqual(before)
  for (const email of fixtureEmails()) expect(stderr).not.toContain(email)
}, 60_000)

it('a temp file left by an import killed outright (SIGKILL to both processes) is named as such by the build, and removed by the next import', () => {
  const out = tmp('scorecard-')
  importFixture([PAGES], { out })
  const gone = spawnSync('true').pid // a process that has ended
  const temp = join(out, `2026-Q3.json.${gone}.tmp`)
  writeFileSync(temp, '')
  expect(() => readScorecardFiles(out)).toThrow(`${temp}: a temp file of an import that was killed outright (the quarters are as they were): delete it, or import again (which does)`)
  const r = importInto(out)
  expect(r.stderr).toBe('')
  expect(readdirSync(out).sort()).toEqual(['2026-Q2.json', '2026-Q3.json'])
}, 60_000)

it('a people file that cannot be read (here a folder) is named in one line', () => {
  const out = tmp('scorecard-')
  const folder = tmp('people-')
  const r = spawnSync(process.execPath, [
    ...IMPORT,
    PAGES,
    '--people',
    folder,
    '--out',
    out,
  ], { cwd: root, encoding: 'utf8' })
  expectOneLine(r, new RegExp(`^✗ ${folder}: could not be read \\(EISDIR: illegal operation on a directory\\)$`, 'm'))
  expect(readdirSync(out)).toEqual([])
}, 60_000)
