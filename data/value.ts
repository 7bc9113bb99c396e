// A figure's value is one number or a range [lo, hi]. Every place that needs its ends asks here.
import type { Value } from './types.ts'

/** Both ends: a single number is both ends of itself. */
export function ends(v: Value): readonly [lo: number, hi: number] {
  return typeof v === 'number'
    ? [v, v]
    : v
}

/** The numbers a value states: one for a single number, two for a range (as a quote must state them). */
export function statedNumbers(v: Value): number[] {
  return typeof v === 'number'
    ? [v]
    : [v[0], v[1]]
}
