/**
 * The one door to the data: slides, charts and tests read figures through here.
 * Importing this module validates the figures in development, so a malformed figure fails loudly
 * (a build is refused before it gets this far).
 */
import type { FactId, FigureId } from './figures'
import type { Fact, Figure } from './types'
import { FACTS, FIGURES } from './figures'
import { assertValidFigures } from './validate'

// Under Vitest each check reports for itself (tests/validate.test.ts names the figure and rule,
// tests/claims.test.ts the slide and claim) instead of one import error hiding them all.
// A built site was checked when it was built (vite.config.ts stops the build), so it does not ship the
// validator: the check runs here in development and export (Vite's DEV), and in scripts run outside Vite
// (no import.meta.env), and slide 1 loads less.
const underTest = typeof process !== 'undefined' && Boolean(process.env?.VITEST)
if (import.meta.env?.DEV !== false && !underTest)
  assertValidFigures(FIGURES, FACTS)

const figuresById = new Map(FIGURES.map(f => [f.id as FigureId, f]))
const factsById = new Map(FACTS.map(f => [f.id as FactId, f]))

export function figure(id: FigureId): Figure {
  const f = figuresById.get(id)
  if (!f)
    throw new Error(`Unknown figure id "${id}": add it to data/figures.ts or fix the reference`)
  return f
}

export function fact(id: FactId): Fact {
  const f = factsById.get(id)
  if (!f)
    throw new Error(`Unknown fact id "${id}": add it to data/figures.ts or fix the reference`)
  return f
}

/** For ids that arrive as text (a slide's attribute, a test's table): narrows after checking. */
export function isFigureId(id: string): id is FigureId {
  return figuresById.has(id as FigureId)
}

export { FACTS, FIGURES }
export type { FactId, FigureId }
export { formatFigure, formatNumber, formatWithUnit } from './format'
export { citation, formatDate, shortName, SOURCES } from './sources'
export type { SourceId } from './sources'
export type { Fact, Figure, Qualifier, Unit, Value } from './types'
