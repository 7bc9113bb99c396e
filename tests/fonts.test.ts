// The deck's Inter is subset (scripts/fonts.ts) so slide 1 loads less: the committed files must be what the
// script writes from the installed @fontsource/inter, and must hold every character the deck shows, or a
// board member would see a glyph from another font in the middle of a word.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fontverter from 'fontverter'
import { Blob, Face } from 'harfbuzzjs'
import { describe, expect, it, vi } from 'vitest'
import { subsetWeight, WEIGHTS } from '../scripts/fonts.ts'

vi.mock('@slidev/client', () => import('./helpers/renderStubs').then(m => m.slidevClientStub()))
vi.mock('vue-chartjs', () => import('./helpers/renderStubs').then(m => m.vueChartjsStub()))

const ROOT = join(__dirname, '..')
const fontFile = (w: number) => join(ROOT, 'styles', 'fonts', `inter-${w}.woff2`)

async function unicodes(file: string): Promise<Set<number>> {
  const sfnt = await fontverter.convert(readFileSync(file), 'sfnt')
  return new Set(new Face(new Blob(sfnt), 0).collectUnicodes())
}

/** Every character the deck can put on screen: slides and notes as rendered, component templates, and the data modules' words. */
async function deckCharacters(): Promise<Set<string>> {
  const { renderDeck } = await import('./claims/render')
  const data = await import('../data')
  const { CHARTS } = await import('../data/charts')
  const { MEASURES } = await import('../data/scorecard-measures')
  const { LIMITS } = await import('../data/scenario')
  const vueFiles = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory()
    ? vueFiles(join(dir, e.name))
    : e.name.endsWith('.vue')
      ? [
          join(dir, e.name),
        ]
      : []))
  const texts = [
    readFileSync(join(ROOT, 'slides.md'), 'utf8'),
    // Component templates' own words (the reader view, the what-if controls), comments aside.
    ...[
      ...vueFiles(join(ROOT, 'components')),
      join(ROOT, 'global-top.vue'),
      join(ROOT, 'global-bottom.vue'),
    ].map(f => (/<template>([\s\S]*)<\/template>/.exec(readFileSync(f, 'utf8'))?.[1] ?? '').replace(/<!--[\s\S]*?-->/g, '')),
    ...(await renderDeck()).flatMap(s => [
      ...s.slide,
      ...s.notes,
    ]),
    JSON.stringify([
      data.FIGURES,
      data.FACTS,
      data.SOURCES,
      CHARTS,
      MEASURES,
      LIMITS,
    ]),
  ]
  return new Set([
    ...texts.join(''),
  ].filter(c => c.codePointAt(0)! >= 0x20))
}

describe('the subset Inter', () => {
  it.each(WEIGHTS)('weight %i is what scripts/fonts.ts writes from @fontsource/inter', async (w) => {
    expect(Buffer.from(readFileSync(fontFile(w))).equals(Buffer.from(await subsetWeight(w))), `styles/fonts/inter-${w}.woff2 is stale: run node scripts/fonts.ts`).toBe(true)
  })

  it('every weight holds every character the deck shows', async () => {
    const chars = await deckCharacters()
    expect(chars.size).toBeGreaterThan(80) // the deck's text was read
    for (const w of WEIGHTS) {
      const have = await unicodes(fontFile(w))
      const missing = [...chars].filter(c => !have.has(c.codePointAt(0)!))
      expect(missing.map(c => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`), `inter-${w}.woff2 lacks these; add them to RANGES in scripts/fonts.ts`).toEqual([])
    }
  }, 60_000)

  it('is a real cut: each weight is at most 60% of the Latin file it comes from', () => {
    for (const w of WEIGHTS) {
      const full = readFileSync(join(ROOT, 'node_modules', '@fontsource', 'inter', 'files', `inter-latin-${w}-normal.woff2`)).length
      expect(readFileSync(fontFile(w)).length / full).toBeLessThan(0.6)
    }
  })
})
