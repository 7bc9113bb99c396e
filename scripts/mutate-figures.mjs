#!/usr/bin/env node
// Mutation check for the figures module: changes each numeric value in data/ in turn and
// confirms the unit tests fail. Run: `npm run mutate` (a few minutes). Restores every file.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'

const files = process.argv.slice(2).length ? process.argv.slice(2) : ['data/figures.ts']
// A number that is a value: `value: 12`, `value: 2_300`, `value: [28, 33]` (each end in turn).
const VALUE = /value: (\[?)(-?[\d_.]+)(?:, (-?[\d_.]+))?(\]?)/g

let survived = 0
let total = 0
for (const file of files) {
  const original = readFileSync(file, 'utf8')
  const sites = []
  for (const m of original.matchAll(VALUE)) {
    const first = m.index + 'value: '.length + m[1].length
    sites.push({ at: first, text: m[2] })
    if (m[3] !== undefined) sites.push({ at: first + m[2].length + 2, text: m[3] })
  }
  try {
    for (const site of sites) {
      const n = Number(site.text.replace(/_/g, ''))
      const mutated = String(Number.isInteger(n) ? n + 1 : Math.round((n + 0.1) * 1000) / 1000)
      writeFileSync(file, original.slice(0, site.at) + mutated + original.slice(site.at + site.text.length))
      const run = spawnSync('npx', ['vitest', 'run', '--reporter=dot'], { encoding: 'utf8' })
      const line = original.slice(0, site.at).split('\n').length
      total++
      if (run.status === 0) {
        survived++
        console.log(`SURVIVED ${file}:${line} ${site.text} → ${mutated}`)
      } else console.log(`killed   ${file}:${line} ${site.text} → ${mutated}`)
    }
  } finally {
    writeFileSync(file, original)
  }
}
console.log(`\n${total - survived} of ${total} mutations caught; ${survived} survived`)
process.exit(survived ? 1 : 0)
