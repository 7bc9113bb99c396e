// `npm run bench:scorecard` as a user runs it, at a small size: one row per head count, every record imported
// (the bench stops if the import counts fewer than it wrote), the time per record beside the first head count's,
// and a run the disk cannot hold refused before anything is written.
import { readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { describe, expect, it } from 'vitest'
import { npx } from './helpers/npx'

const benchDirs = () => readdirSync(tmpdir()).filter(f => f.startsWith('scorecard-bench-'))

describe('npm run bench:scorecard', () => {
  it('reports each head count with its time per record against the first', () => {
    const r = npx([
      'tsx',
      'scripts/scorecard/bench.ts',
      '--people',
      '200,800',
      '--days',
      '10',
    ])
    expect(r.status, r.stderr).toBe(0)
    const header = r.stdout.split('\n').find(l => l.startsWith('| People'))
    expect(header).toContain('CPU per record')
    expect(header).toContain('per record, vs 200 people')
    const rows = r.stdout.split('\n').filter(l => /^\| [\d,]+ \|/.test(l)).map(l => l.split('|').map(c => c.trim()))
    expect(rows.map(c => c[1])).toEqual(['200', '800'])
    expect(rows[0][7]).toBe('1.00') // the first head count against itself
    for (const c of rows) {
      expect(Number(c[2].replace(/,/g, ''))).toBeGreaterThan(0)
      expect(c[6]).toMatch(/^\d+\.\d µs$/)
      expect(c[8]).toMatch(/^\d+ MiB$/)
    }
  })

  it('refuses, in one line and before writing, a run the disk cannot hold', () => {
    const before = benchDirs()
    const r = npx([
      'tsx',
      'scripts/scorecard/bench.ts',
      '--people',
      '100000000',
    ])
    expect(r.status).toBe(2)
    expect(r.stderr.trim()).toMatch(/^✗ 100,000,000 people × 365 days needs about [\d.]+ GiB free in .*; it has [\d.]+ GiB \(set TMPDIR to a larger disk\)$/)
    expect(benchDirs()).toEqual(before)
  })
})
