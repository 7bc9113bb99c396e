#!/usr/bin/env node
// `npx tsx scripts/fonts.ts`: the deck's Inter, cut down to the characters a board deck in English (and a
// function name in a Western European language) needs, from @fontsource/inter's Latin files, into
// styles/fonts/. About 13 kB a weight instead of 24 kB: slide 1 loads two weights, so the first view is
// about 21 kB lighter. Run it again after upgrading @fontsource/inter; tests/fonts.test.ts checks the
// committed files are what this writes, and that they hold every character the deck shows.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
// @ts-expect-error subset-font ships no types
import subsetFont from 'subset-font'
import { asCommand, commandLine } from './lib/cli.ts'

export const WEIGHTS = [400, 600, 700]
const OUT = fileURLToPath(new URL('../styles/fonts/', import.meta.url))

/** Code point ranges kept: ASCII, Latin-1, general punctuation, and the symbols the deck writes (× ÷ − ≤ ≥ ≈ ↑ ↓ € ™). */
export const RANGES: [number, number][] = [
  [0x20, 0x7E],
  [0xA0, 0xFF],
  [0x152, 0x153],
  [0x2010, 0x2027],
  [0x2030, 0x203A],
  [0x2191, 0x2191],
  [0x2193, 0x2193],
  [0x20AC, 0x20AC],
  [0x2122, 0x2122],
  [0x2212, 0x2212],
  [0x2248, 0x2248],
  [0x2264, 0x2265],
]

export const CHARSET = RANGES.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i))).join('')

const fontsource = dirname(createRequire(import.meta.url).resolve('@fontsource/inter/package.json'))

/** One weight, subset: only the glyphs of CHARSET (no alternates reached through OpenType features), kerning kept. */
export async function subsetWeight(weight: number): Promise<Uint8Array> {
  const source = readFileSync(join(fontsource, 'files', `inter-latin-${weight}-normal.woff2`))
  return subsetFont(source, CHARSET, { targetFormat: 'woff2', noLayoutClosure: true })
}

export async function writeFonts(dir = OUT) {
  mkdirSync(dir, { recursive: true })
  for (const w of WEIGHTS) writeFileSync(join(dir, `inter-${w}.woff2`), await subsetWeight(w))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  asCommand()
  commandLine({ options: {} })
  await writeFonts()
  console.log(`✓ Inter ${WEIGHTS.join(', ')} subset into ${OUT}`)
}
