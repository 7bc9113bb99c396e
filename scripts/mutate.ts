#!/usr/bin/env -S npx tsx
/**
 * Mutation check: makes, one at a time, the mistakes a board deck must never ship, and confirms the
 * unit tests catch each one. Four kinds:
 *   values      each number in data/figures.ts moved by one (each end of a range in turn)
 *   qualifiers  each figure's qualifier changed ("about" → "more than"; none → "about")
 *   slides      each <Fig>/<BigFig> in slides.md bound to another figure of the same unit
 *   charts      each figure id in data/charts.ts bound to another figure of the same unit
 * A rebinding picks the next figure of the same unit, in module order, that reads differently on the
 * slide (a figure that renders the same words and number would be invisible to any reader); a figure
 * alone in its unit is bound to the next figure of any unit instead, and the count says so.
 *
 * `npm run mutate` (all kinds, about 20 minutes) or `npm run mutate -- slides charts`. Every file is
 * restored, also on Ctrl-C. Prints caught/total for each kind; exits 1 if any mutation survived.
 */
import type { Figure } from '../data'
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { FIGURES, formatFigure } from '../data'
import { asCommand, commandLine, UserError } from './lib/cli.ts'

type Kind = 'values' | 'qualifiers' | 'slides' | 'charts'
interface Mutation {
  file: string
  at: number
  from: string
  to: string
  what: string
}

const KINDS: Kind[] = [
  'values',
  'qualifiers',
  'slides',
  'charts',
]
asCommand()
const { positionals } = commandLine({ allowPositionals: true })
const unknown = positionals.filter(a => !KINDS.includes(a as Kind))
if (unknown.length)
  throw new UserError(`unknown kind ${unknown.map(k => `"${k}"`).join(', ')}: choose from ${KINDS.join(', ')}`)
const asked = positionals as Kind[]
const kinds = asked.length ? asked : KINDS

const read = (file: string) => readFileSync(file, 'utf8')
const lineOf = (text: string, at: number) => text.slice(0, at).split('\n').length

/**
 * The next figure of the same unit, in module order, whose reading differs; for a figure that is the
 * only one of its unit (sessions, people, a p-value), the next figure of any unit, flagged as such.
 */
function rebindTarget(id: string): { target: Figure, sameUnit: boolean } | undefined {
  const i = FIGURES.findIndex(f => f.id === id)
  const f = FIGURES[i]
  if (!f)
    return undefined
  const ring = [
    ...FIGURES.slice(i + 1),
    ...FIGURES.slice(0, i),
  ].filter(g => formatFigure(g) !== formatFigure(f))
  const same = ring.find(g => g.unit === f.unit)
  return same
    ? { target: same, sameUnit: true }
    : ring[0] && { target: ring[0], sameUnit: false }
}

function valueMutations(): Mutation[] {
  const file = 'data/figures.ts'
  const text = read(file)
  const out: Mutation[] = []
  // `value: 12`, `value: 2_300`, `value: [28, 33]`: each number in turn.
  for (const m of text.matchAll(/value: \[?(-?[\d_.]+)(?:, (-?[\d_.]+))?\]?/g)) {
    const first = m.index! + m[0].indexOf(m[1])
    const sites = [
      { at: first, from: m[1] },
    ]
    if (m[2] !== undefined)
      sites.push({ at: m.index! + m[0].lastIndexOf(m[2]), from: m[2] })
    for (const s of sites) {
      const n = Number(s.from.replace(/_/g, ''))
      const to = String(Number.isInteger(n)
        ? n + 1
        : Math.round((n + 0.1) * 1000) / 1000)
      out.push({
        file,
        at: s.at,
        from: s.from,
        to,
        what: `${file}:${lineOf(text, s.at)} ${s.from} → ${to}`,
      })
    }
  }
  return out
}

function qualifierMutations(): Mutation[] {
  const file = 'data/figures.ts'
  const text = read(file)
  const out: Mutation[] = []
  const start = text.indexOf('export const FIGURES')
  const end = text.indexOf('export const FACTS')
  for (const m of text.slice(start, end).matchAll(/\n {4}id: '([^']+)',[\s\S]*?\n {2}\}/g)) {
    const block = m[0]
    const at = start + m.index!
    const q = block.match(/qualifier: '([^']+)',/)
    if (q) {
      const to = q[1] === 'about'
        ? 'more than'
        : 'about'
      out.push({
        file,
        at: at + q.index!,
        from: q[0],
        to: `qualifier: '${to}',`,
        what: `${m[1]}: qualifier "${q[1]}" → "${to}"`,
      })
    }
    else {
      const unit = block.match(/unit: '[^']+',/)!
      out.push({
        file,
        at: at + unit.index!,
        from: unit[0],
        to: `${unit[0]} qualifier: 'about',`,
        what: `${m[1]}: no qualifier → "about"`,
      })
    }
  }
  return out
}

function rebindings(file: string, pattern: RegExp): { mutations: Mutation[], otherUnit: number } {
  const text = read(file)
  const mutations: Mutation[] = []
  let otherUnit = 0
  for (const m of text.matchAll(pattern)) {
    const id = m[1]
    if (!FIGURES.some(f => f.id === id))
      continue // a chart or fact id, not a figure
    const rebind = rebindTarget(id)!
    const at = m.index! + m[0].indexOf(id)
    if (!rebind.sameUnit)
      otherUnit++
    const note = rebind.sameUnit ? '' : ' (the only figure of its unit: bound to another unit)'
    mutations.push({
      file,
      at,
      from: id,
      to: rebind.target.id,
      what: `${file}:${lineOf(text, at)} ${id} → ${rebind.target.id}${note}`,
    })
  }
  return { mutations, otherUnit }
}

const plans: Record<Kind, () => { mutations: Mutation[], otherUnit?: number }> = {
  values: () => ({
    mutations: valueMutations(),
  }),
  qualifiers: () => ({
    mutations: qualifierMutations(),
  }),
  slides: () => rebindings('slides.md', /<(?:Fig|BigFig) id="([^"]+)"/g),
  charts: () => rebindings('data/charts.ts', /'([a-z][a-zA-Z]*(?:\.[a-z][a-zA-Z]*)+)'/g),
}

const originals = new Map<string, string>()
const restore = () => originals.forEach((text, file) => writeFileSync(file, text))
process.on('SIGINT', () => {
  restore()
  process.exit(130)
})

const summary: string[] = []
let survivedAll = 0
for (const kind of kinds) {
  const { mutations, otherUnit = 0 } = plans[kind]()
  let caught = 0
  console.log(`\n── ${kind}: ${mutations.length} mutations`)
  for (const m of mutations) {
    const original = originals.get(m.file) ?? read(m.file)
    originals.set(m.file, original)
    if (original.slice(m.at, m.at + m.from.length) !== m.from)
      throw new Error(`mutation site moved: ${m.what}`)
    writeFileSync(m.file, original.slice(0, m.at) + m.to + original.slice(m.at + m.from.length))
    const run = spawnSync('npx', [
      'vitest',
      'run',
      '--bail=1',
      '--reporter=dot',
    ], { encoding: 'utf8' })
    writeFileSync(m.file, original)
    if (run.status === 0) {
      console.log(`SURVIVED ${m.what}`)
    }
    else {
      caught++
      console.log(`caught   ${m.what}`)
    }
  }
  survivedAll += mutations.length - caught
  summary.push(`${kind}: ${caught}/${mutations.length} caught${otherUnit
    ? ` (${otherUnit} of them the only figure of their unit, bound to another unit)`
    : ''}`)
}
restore()
console.log(`\n${summary.join('\n')}`)
process.exit(survivedAll ? 1 : 0)
