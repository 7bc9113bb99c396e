/**
 * Reads the source documents the figures quote, from ../shared/sources (or $SOURCES_DIR).
 * The file names live here, in the tests, and nowhere in the deck.
 *
 * The sources are someone else's writing and stay out of the repo, so a fresh clone has none:
 * there the checks that read them are skipped (npm test says how many, and why), unless
 * REQUIRE_SOURCES is set, as CI sets it, when a missing source fails them instead.
 */
import type { SourceId } from '../../data/sources'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe } from 'vitest'

const here = dirname(fileURLToPath(import.meta.url))
export const SOURCES_DIR = resolve(process.env.SOURCES_DIR ?? resolve(here, '../../../shared/sources'))

export const SOURCE_FILES: Record<SourceId, string> = {
  report: 'anthropic-report.md',
  ceoDeepDive: '000_41fa815045bf6552.txt',
  commentary: '001_524f7841698d92bf.txt',
  newsReport: '002_fe3c5c3695a68366.txt',
  studySummary: '003_1def6e3d6197af56.txt',
  workforceBrief: '004_0aa945c2db192aea.txt',
}

/** The document as a reader sees it: markdown links reduced to their text, emphasis marks and extra spaces removed. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ') // images
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links → their text
    .replace(/\*+/g, '') // bold / italic marks
    .replace(/\s+/g, ' ')
}

/** True when every source document is where the tests look for it. */
export const SOURCES_PRESENT = Object.values(SOURCE_FILES).every(f => existsSync(resolve(SOURCES_DIR, f)))
const REQUIRED = Boolean(process.env.REQUIRE_SOURCES)

/** The name every source check's describe block starts with; tests/run-all.ts counts skipped ones by it. */
export const SOURCE_CHECK = 'source check'

/** A block of checks that read the source documents: skipped on a clone without them, never in CI. */
export function describeSources(name: string, body: () => void): void {
  describe.skipIf(!SOURCES_PRESENT && !REQUIRED)(`${SOURCE_CHECK}: ${name}`, body)
}

const cache = new Map<SourceId, string>()

export function sourceText(id: SourceId): string {
  const hit = cache.get(id)
  if (hit)
    return hit
  const path = resolve(SOURCES_DIR, SOURCE_FILES[id])
  if (!existsSync(path)) {
    throw new Error(`Source document for "${id}" not found at ${path}. Put the sources in ../shared/sources or set SOURCES_DIR.`)
  }
  const text = plainText(readFileSync(path, 'utf8'))
  cache.set(id, text)
  return text
}
