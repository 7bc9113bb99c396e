// `npm run changes`: each kind of change is found and said in plain words (shared/changes.ts, on
// snapshots built here), and the command, run on a git repository where one figure and one claim changed
// since the tag, lists exactly those two. An unknown ref is refused, naming it.
import type { Snapshot } from '../shared/changes'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { USER_ERROR_EXIT } from '../data/errors'
import { PLAN } from '../data/plan'
import { snapshotAt } from '../scripts/changes/snapshot'
import { CHARSET } from '../scripts/fonts'
import { changesText, compareSnapshots, FIELD_WORDS, flattenPlan, planLabel } from '../shared/changes'
import { changesSincePrevious, writeRecord } from '../vite/releases'
import { copyOfProject } from './helpers/project'

const ROOT = resolve(__dirname, '..')

function base(): Snapshot {
  return {
    figures: [
      {
        id: 'success.novice',
        label: 'Novice verified success',
        value: 15,
        unit: 'percent',
        quote: 'verified success, 15% of the time',
      },
      {
        id: 'scope.sessions',
        label: 'Sessions analysed',
        value: 400_000,
        unit: 'sessions',
        qualifier: 'about',
        quote: '~400,000 interactive sessions',
      },
    ],
    claims: [
      { slide: 'Success rose', text: 'Novice-rated sessions reached verified success 15% of the time.' },
      { slide: 'Scope', text: 'The study read about 400,000 sessions.' },
    ],
    plan: { 'asks › pilot › cap › amount': 180_000, 'asks › pilot › owner': 'Chief Operating Officer' },
    slides: ['Cover', 'Success rose', 'Scope'],
  }
}
function edit(f: (s: Snapshot) => Partial<Snapshot>) {
  const s = base()
  return {
    ...s,
    ...f(s),
  }
}

describe('each kind of change', () => {
  it('no change: an empty list, said so', () => {
    expect(compareSnapshots(base(), base())).toEqual([])
    expect(changesText([])).toMatch(/No changes/)
  })

  it('a figure’s value: named, was and now, with its unit', () => {
    const after = edit(s => ({
      figures: [
        { ...s.figures[0], value: 16 },
        s.figures[1],
      ],
    }))
    const changes = compareSnapshots(base(), after)
    expect(changes.map(c => c.kind)).toEqual(['figure-value'])
    expect(changes[0].text).toBe('Novice verified success: 15% to 16%')
  })

  it('a range’s value', () => {
    const after = edit(s => ({
      figures: [
        {
          ...s.figures[0],
          value: [28, 33] as const,
        },
        s.figures[1],
      ],
    }))
    expect(compareSnapshots(base(), after)[0].text).toBe('Novice verified success: 15% to 28–33%')
  })

  it('a figure’s qualifier, to and from none', () => {
    const after = edit(s => ({
      figures: [
        { ...s.figures[0], qualifier: 'about' },
        { ...s.figures[1], qualifier: undefined },
      ],
    }))
    const changes = compareSnapshots(base(), after)
    expect(changes.map(c => c.kind)).toEqual(['figure-qualifier', 'figure-qualifier'])
    expect(changes[0].text).toBe('Novice verified success: now “about” 15%')
    expect(changes[1].text).toBe('Sessions analysed: “about” dropped, now 400,000')
  })

  it('a figure’s quote', () => {
    const after = edit(s => ({
      figures: [
        s.figures[0],
        { ...s.figures[1], quote: '~400,000 sessions in all' },
      ],
    }))
    const changes = compareSnapshots(base(), after)
    expect(changes.map(c => c.kind)).toEqual(['figure-quote'])
    expect(changes[0].text).toBe('Sessions analysed: the report’s words quoted were “~400,000 interactive sessions”, now “~400,000 sessions in all”')
  })

  it('a figure added and one removed', () => {
    const after = edit(s => ({
      figures: [
        s.figures[0],
        { ...s.figures[1], id: 'scope.people', label: 'People' },
      ],
    }))
    const changes = compareSnapshots(base(), after)
    expect(changes.map(c => c.kind).sort()).toEqual(['figure-added', 'figure-removed'])
    expect(changes.find(c => c.kind === 'figure-removed')!.text).toBe('Figure dropped: Sessions analysed (was about 400,000)')
    expect(changes.find(c => c.kind === 'figure-added')!.text).toBe('New figure: People, about 400,000')
  })

  it('a claim added', () => {
    const after = edit(s => ({
      claims: [
        ...s.claims,
        { slide: 'Scope', text: 'It ran for seven months, to April 2026.' },
      ],
    }))
    const changes = compareSnapshots(base(), after)
    expect(changes.map(c => c.kind)).toEqual(['claim-added'])
    expect(changes[0].text).toBe('New sentence on “Scope”: “It ran for seven months, to April 2026.”')
  })

  it('a claim removed', () => {
    const after = edit(s => ({
      claims: [s.claims[0]],
    }))
    const changes = compareSnapshots(base(), after)
    expect(changes.map(c => c.kind)).toEqual(['claim-removed'])
    expect(changes[0].text).toContain('“The study read about 400,000 sessions.”')
  })

  it('a claim reworded: the old and the new sentence, once, not as a removal and an addition', () => {
    const after = edit(s => ({
      claims: [
        { ...s.claims[0], text: 'Novice-rated sessions reached verified success 16% of the time.' },
        s.claims[1],
      ],
    }))
    const changes = compareSnapshots(base(), after)
    expect(changes.map(c => c.kind)).toEqual(['claim-reworded'])
    expect(changes[0].text).toBe('Reworded on “Success rose”: “Novice-rated sessions reached verified success 15% of the time.” now reads “Novice-rated sessions reached verified success 16% of the time.”')
  })

  it('an unrelated sentence in place of another is a removal and an addition, not a rewording', () => {
    const after = edit(s => ({
      claims: [
        { ...s.claims[0], text: 'Budgets are capped at the plan’s total for two waves.' },
        s.claims[1],
      ],
    }))
    expect(compareSnapshots(base(), after).map(c => c.kind).sort()).toEqual(['claim-added', 'claim-removed'])
  })

  it('a claim that moved to a renamed slide is not a change to the claims', () => {
    const after = edit(s => ({
      claims: [
        s.claims[0],
        { ...s.claims[1], slide: 'What the study read' },
      ],
      slides: ['Cover', 'Success rose', 'What the study read'],
    }))
    expect(compareSnapshots(base(), after).map(c => c.kind).sort()).toEqual(['slide-added', 'slide-removed'])
  })

  it('a plan value changed, added or removed, in the board’s words with no field path', () => {
    const after = edit(() => ({
      plan: { 'pilot › costs › analysis': 48_000, 'asks › review › owner': 'Chief Technology Officer' },
    }))
    const before = edit(() => ({
      plan: { 'pilot › costs › analysis': 40_000, 'asks › pilot › owner': 'Chief Operating Officer' },
    }))
    const changes = compareSnapshots(before, after)
    expect(changes.map(c => c.kind)).toEqual(['plan-value', 'plan-value', 'plan-value'])
    expect(changes.map(c => c.text)).toEqual([
      'Pilot cost: analysis: 40000 to 48000 (+20%)',
      'Pilot owner: “Chief Operating Officer” to (none)',
      'Review rule owner: (none) to “Chief Technology Officer”',
    ])
  })

  it('every field of today’s plan has words, and no change to it shows a field path or a programmer’s name', () => {
    const plan = flattenPlan(PLAN)
    const fields = [
      ...new Set(Object.keys(plan).map(p => p.split(' › ').at(-1)!)),
    ]
    expect(fields.filter(f => !(f in FIELD_WORDS))).toEqual([])
    const labels = Object.keys(plan).map(planLabel)
    expect(labels.filter(l => /›|[a-z][A-Z]/.test(l))).toEqual([])
    // Each label names one field: two fields never read the same.
    expect(new Set(labels).size).toBe(labels.length)
  })

  it('a plan date in words, an amount as the plan writes it', () => {
    const before = edit(() => ({
      plan: { 'pilot › toolsFrom': '2027-01-04', 'asks › pilot › cap': 'US$180,000' },
    }))
    const after = edit(() => ({
      plan: { 'pilot › toolsFrom': '2027-02-01', 'asks › pilot › cap': 'US$200,000' },
    }))
    expect(compareSnapshots(before, after).map(c => c.text)).toEqual([
      'Pilot tool available from: 4 January 2027 to 1 February 2027',
      'Pilot cap: US$180,000 to US$200,000 (+11%)',
    ])
  })

  it('the issue’s own examples: a cap up a fifth, the go/no-go meeting moved', () => {
    const before = edit(() => ({
      plan: { 'asks › pilot › cap': 'US$180,000', 'meetings › pilotReview › date': '2027-07-22' },
    }))
    const after = edit(() => ({
      plan: { 'asks › pilot › cap': 'US$216,000', 'meetings › pilotReview › date': '2027-10-21' },
    }))
    expect(compareSnapshots(before, after).map(c => c.text)).toEqual([
      'Pilot cap: US$180,000 to US$216,000 (+20%)',
      'Go/no-go meeting: 22 July 2027 to 21 October 2027',
    ])
  })

  it('a quarter of our own data imported or withdrawn', () => {
    const after = edit(() => ({
      measures: ['2027-Q1', '2027-Q2'],
      pilotResults: ['2027-Q3'],
    }))
    const before = edit(() => ({
      measures: ['2027-Q1'],
    }))
    expect(compareSnapshots(before, after).map(c => c.text)).toEqual([
      'Our own measures for Q2 2027 added',
      'Pilot results for Q3 2027 added',
    ])
    expect(compareSnapshots(after, before).map(c => c.text)).toEqual([
      'Our own measures for Q2 2027 withdrawn',
      'Pilot results for Q3 2027 withdrawn',
    ])
  })

  it('a slide added and a slide removed, by title', () => {
    const after = edit(() => ({
      slides: ['Cover', 'Success rose', 'Risks'],
    }))
    const changes = compareSnapshots(base(), after)
    expect(changes.map(c => c.text)).toEqual(['New slide: “Risks”', 'Slide dropped: “Scope”'])
  })

  it('the terminal text groups the changes under headings', () => {
    const after = edit(s => ({
      figures: [
        { ...s.figures[0], value: 16 },
        s.figures[1],
      ],
      slides: ['Cover', 'Success rose'],
    }))
    const text = changesText(compareSnapshots(base(), after))
    expect(text.split('\n').filter(l => !l.startsWith('  '))).toEqual(['Figures', 'Slides'])
  })

  it('every kind of change is written in characters the deck’s font has (the page sets them in Inter’s subset)', () => {
    const after: Snapshot = {
      figures: [
        {
          ...base().figures[0],
          value: 16,
          qualifier: 'about',
          quote: 'new quote',
        },
      ],
      claims: [
        { slide: 'Success rose', text: 'Novice-rated sessions reached verified success 16% of the time.' },
        { slide: 'New', text: 'A new sentence.' },
      ],
      plan: { 'asks › pilot › cap › amount': 200_000, 'pilot › toolsFrom': '2027-01-04' },
      slides: ['Cover', 'Success rose', 'New'],
      measures: ['2027-Q1'],
    }
    const changes = [
      ...compareSnapshots(base(), after),
      ...compareSnapshots(after, base()),
    ]
    expect(new Set(changes.map(c => c.kind)).size).toBe(13)
    const missing = [
      ...new Set(changes.flatMap(c => [...c.text])),
    ].filter(ch => !CHARSET.includes(ch))
    expect(missing).toEqual([])
  })

  it('the plan is flattened with items named by id or name, else their place', () => {
    expect(flattenPlan({
      asks: [
        {
          id: 'pilot',
          cap: { amount: 180_000, currency: 'USD' },
          size: { amount: 1 },
          note: undefined,
        },
      ],
      waves: [
        {
          name: 'First wave',
          functions: ['Finance'],
        },
      ],
      risks: [
        { owner: 'CISO' },
      ],
    })).toEqual({
      'asks › pilot › id': 'pilot',
      'asks › pilot › cap': 'US$180,000',
      'asks › pilot › size › amount': 1,
      'waves › First wave › name': 'First wave',
      'waves › First wave › functions › 1': 'Finance',
      'risks › 1 › owner': 'CISO',
    })
  })
})

function git(cwd: string, ...args: string[]) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}
function changes(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [
    '--import',
    'tsx',
    join(ROOT, 'scripts', 'changes.ts'),
    ...args,
  ], { cwd, encoding: 'utf8' })
}

describe('npm run changes, on a git repository', () => {
  let repo: string
  // A figure that feeds no plan wording (the pilot's test reads the verified-success rates), so exactly one figure changes.
  const FIGURE_ID = 'trouble.novice.abandoned'
  beforeAll(() => {
    // A copy of the paper's sources, committed and tagged as version one.
    repo = copyOfProject('changes-test-', ['data', 'shared', 'slides.md'])
    writeFileSync(join(repo, '.gitignore'), 'node_modules\n')
    git(repo, 'init', '-q')
    git(repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'add', '-A')
    git(repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'version one')
    git(repo, 'tag', 'paper-v1')
  })
  afterAll(() => rmSync(repo, { recursive: true, force: true }))

  it('lists exactly the one figure and the one claim changed since the tag, in words', () => {
    // One figure's value: its first `value:` after its id.
    const figures = join(repo, 'data', 'figures.ts')
    const src = readFileSync(figures, 'utf8')
    const at = src.indexOf(`id: '${FIGURE_ID}'`)
    expect(at).toBeGreaterThan(0)
    const valueAt = src.indexOf('value: ', at)
    const m = /value: (\d+)/.exec(src.slice(valueAt))!
    const old = Number(m[1])
    writeFileSync(figures, src.slice(0, valueAt) + src.slice(valueAt).replace(m[0], `value: ${old + 1}`))
    // One claim: a word of a sentence of the register.
    const register = join(repo, 'data', 'claims.ts')
    const reg = readFileSync(register, 'utf8')
    const sentence = 'Sessions with no clear goal (about 7.7% of the sample) are left out of the success figures.'
    expect(reg).toContain(sentence)
    writeFileSync(register, reg.replace(sentence, sentence.replace('left out of', 'excluded from')))

    const run = changes(repo, 'paper-v1')
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const items = run.stdout.split('\n').filter(l => l.startsWith('  - '))
    expect(items).toHaveLength(2)
    expect(items[0]).toMatch(new RegExp(`: ${old}% to ${old + 1}%$`))
    expect(items[1]).toContain('Reworded on')
    expect(items[1]).toContain('are left out of the success figures.” now reads “')
    expect(items[1]).toContain('are excluded from the success figures.”')

    // The same from the tag to a commit of the change, and as JSON.
    git(repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qam', 'version two')
    const json = changes(repo, '--json', 'paper-v1', 'HEAD')
    expect(JSON.parse(json.stdout).changes.map((c: { kind: string }) => c.kind)).toEqual(['figure-value', 'claim-reworded'])
  })

  it('the build’s report: the changes since the previous version’s record, or that it is missing', async () => {
    const releases = join(repo, 'releases')
    const [v1, now] = await Promise.all([
      snapshotAt('paper-v1', repo),
      snapshotAt(null, repo),
    ])
    writeRecord({
      ...v1,
      version: 1,
      issuedOn: '2026-12-03',
      reference: 'BRD/2026-12/07',
    }, releases)
    const report = changesSincePrevious(2, releases, () => now)
    expect(report).toMatchObject({ status: 'listed', since: 1, sinceIssuedOn: '2026-12-03' })
    expect(report.changes.map(c => c.kind)).toEqual(['figure-value', 'claim-reworded'])
    expect(changesSincePrevious(3, releases, () => now)).toMatchObject({
      status: 'no-record',
      since: 2,
      changes: [],
    })
    expect(changesSincePrevious(1, releases, () => now)).toMatchObject({ status: 'first-issue', since: null, changes: [] })
  })

  it('an unknown ref is refused, naming it, with the user-error exit code and nothing on stdout', () => {
    const run = changes(repo, 'paper-v9')
    expect(run.status).toBe(USER_ERROR_EXIT)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('unknown git ref "paper-v9"')
    const second = changes(repo, 'paper-v1', 'no-such-branch')
    expect(second.stderr).toContain('"no-such-branch"')
  })

  it('a version with no claims register is refused, naming the file, never read as one that had no claims', () => {
    // Version one less its register, committed from a worktree of its own and tagged.
    const other = mkdtempSync(join(tmpdir(), 'changes-no-register-'))
    git(repo, 'worktree', 'add', '-q', '--detach', other, 'paper-v1')
    git(other, 'rm', '-q', join('data', 'claims.ts'))
    git(other, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'no register')
    git(other, 'tag', 'no-register')
    git(repo, 'worktree', 'remove', '--force', other)
    const run = changes(repo, 'no-register', 'paper-v1')
    expect(run.status).toBe(USER_ERROR_EXIT)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('no-register has no data/claims.ts')
  })
})
