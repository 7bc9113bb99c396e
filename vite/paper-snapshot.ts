// The paper as this checkout has it, as the "What changed" list compares it: the figures, the claims register, the
// plan, the slide titles and the quarters of our own data the build reads. Build-time code (the changes page and
// changes.json are made from it); the commands that read older versions from git build on snapshotFrom.
import type { ClaimSnap, FigureSnap, Snapshot } from '../shared/changes.ts'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseSync } from '@slidev/parser'
import { REGISTER } from '../data/claims.ts'
import { FIGURES } from '../data/figures.ts'
import { PLAN } from '../data/plan.ts'
import { flattenPlan } from '../shared/changes.ts'
import { pilotResultsDir } from './pilot-results.ts'
import { QUARTER_FILE, REPO_ROOT, scorecardDir } from './scorecard-slides.ts'

export interface FigureModule { id: string, label: string, value: FigureSnap['value'], unit: FigureSnap['unit'], qualifier?: string, source: { quote: string } }
export type RegisterModule = Record<string, Partial<Record<'slide' | 'notes', readonly { text: string }[]>>>

/** The quarters a data folder holds (YYYY-Qn), from its file names. */
export function quartersIn(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir).filter(n => QUARTER_FILE.test(n)).map(n => n.replace(/\.json$/, '')).sort()
    : []
}

/** A snapshot from what a version's modules export and its slides.md. */
export function snapshotFrom(parts: { figures: readonly FigureModule[], register: RegisterModule, plan: unknown, slidesMd: string | null, measures: string[], pilotResults: string[] }): Snapshot {
  const slides = parts.slidesMd === null
    ? []
    : parseSync(parts.slidesMd, 'slides.md').slides.map(s => (s.title ?? s.content.trim().split('\n')[0]).trim())
  const claims: ClaimSnap[] = Object.entries(parts.register).flatMap(([slide, p]) =>
    (['slide', 'notes'] as const).flatMap(part => (p[part] ?? []).map(c => ({ slide, text: c.text }))))
  return {
    figures: parts.figures.map(f => ({
      id: f.id,
      label: f.label,
      value: f.value,
      unit: f.unit,
      qualifier: f.qualifier,
      quote: f.source.quote,
    })),
    claims,
    plan: parts.plan === undefined
      ? {}
      : flattenPlan(parts.plan),
    slides: [
      ...new Set(slides),
    ],
    measures: parts.measures,
    pilotResults: parts.pilotResults,
  }
}

/** The paper as it stands in this checkout (and the data folders the build reads): what is being built. */
export function currentSnapshot(): Snapshot {
  return snapshotFrom({
    figures: FIGURES,
    register: REGISTER,
    plan: PLAN,
    slidesMd: readFileSync(join(REPO_ROOT, 'slides.md'), 'utf8'),
    measures: quartersIn(scorecardDir()),
    pilotResults: quartersIn(pilotResultsDir()),
  })
}
