/**
 * The one door to the data: slides, charts and tests read figures through here.
 * Importing this module validates the figures, so a malformed figure fails loudly.
 */
import { FACTS, FIGURES } from './figures'
import { assertValidFigures } from './validate'
import type { Fact, Figure } from './types'

// Under Vitest each check reports for itself (tests/validate.test.ts names the figure and rule,
// tests/claims.test.ts the slide and claim) instead of one import error hiding them all.
const underTest = typeof process !== 'undefined' && Boolean(process.env?.VITEST)
if (!underTest) assertValidFigures(FIGURES, FACTS)

const figuresById = new Map(FIGURES.map((f) => [f.id, f]))
const factsById = new Map(FACTS.map((f) => [f.id, f]))

export function figure(id: string): Figure {
  const f = figuresById.get(id)
  if (!f) throw new Error(`Unknown figure id "${id}": add it to data/figures.ts or fix the reference`)
  return f
}

export function fact(id: string): Fact {
  const f = factsById.get(id)
  if (!f) throw new Error(`Unknown fact id "${id}": add it to data/figures.ts or fix the reference`)
  return f
}

export { FACTS, FIGURES }
export { SOURCES, citation, shortName, formatDate } from './sources'
export type { SourceId } from './sources'
export { formatFigure, formatNumber, formatWithUnit } from './format'
export type { Fact, Figure, Value, Unit, Qualifier } from './types'
