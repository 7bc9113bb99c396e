// Writes figures.json and figures.csv, generated from the figures module, into the given folder.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { figureRows, toCsv, toJson } from '../data/export'
import { asCommand, commandLine } from './lib/cli.ts'

asCommand()
const { positionals } = commandLine({ allowPositionals: true })
const out = positionals[0] ?? 'dist'
mkdirSync(out, { recursive: true })
const rows = figureRows()
writeFileSync(join(out, 'figures.json'), toJson(rows))
writeFileSync(join(out, 'figures.csv'), toCsv(rows))
console.log(`✓ wrote ${rows.length} figures to ${out}/figures.json and ${out}/figures.csv`)
