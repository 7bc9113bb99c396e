// The figures module's types: what a figure or a fact is, its units, qualifiers and sources.
import type { FactId, FigureId } from './figures.ts'
import type { SourceId } from './sources.ts'

export type { FactId, FigureId }

/** What a number counts. Each unit has a valid range (see UNIT_RULES in validate.ts). */
export type Unit
  = | 'percent' // a share, 0 to 100
    | 'percentChange' // a relative change, e.g. +27%
    | 'percentagePoints' // a difference between two shares
    | 'sessions'
    | 'people'
    | 'repositories'
    | 'months'
    | 'turns'
    | 'actions'
    | 'words'
    | 'hoursPerWeek'
    | 'oneIn' // "1 in N"
    | 'multiple' // "twice", "more than doubled"
    | 'pValue'
    | 'count' // a plain count of categories (groups, modes, levels)

/** Words the source puts before a number. Kept, never rounded away. */
export type Qualifier = 'about' | 'roughly' | 'around' | 'more than' | 'over' | 'nearly' | 'less than' | 'within'

export type Value = number | readonly [lo: number, hi: number]

export interface SourceRef {
  doc: SourceId
  /** Where in the document: section, figure or footnote. */
  locator: string
  /** A short verbatim quote from the document that states the number. */
  quote: string
}

/**
 * A figure computed from other figures; the validator recomputes it. `Id` is FigureId once the module is
 * written; data/figures.ts checks its entries against the `string` form (its ids are what FigureId is made of).
 */
export interface Derivation<Id extends string = FigureId> {
  inputs: readonly Id[]
  /** Plain-words formula for the appendix, e.g. "100 − planning.user". */
  formula: string
  compute: (inputs: readonly number[]) => number
  /** Decimal places the stored value is rounded to. */
  decimals: number
}

export interface Figure<Id extends string = FigureId> {
  id: Id
  label: string
  value: Value
  unit: Unit
  qualifier?: Qualifier
  source: SourceRef
  derivation?: Derivation<Id>
  /** For figures quoted from articles that the report contradicts: ids of the report figures that set them right. */
  correctedBy?: readonly Id[]
  /** A caveat the deck must show alongside the number. */
  note?: string
}

/** A sourced fact without a number (window, surfaces, classifier model, stated limits). */
export interface Fact<Id extends string = FactId> {
  id: Id
  label: string
  text: string
  source: SourceRef
}
