// How figures read on a slide: qualifiers kept, ranges shown as ranges, signs on changes.
import { describe, expect, it } from 'vitest'
import { figure, formatFigure } from '../data'
import { formatRounded } from '../data/format'

describe('formatFigure', () => {
  it('keeps the qualifier', () => {
    expect(formatFigure({ value: 70, unit: 'percent', qualifier: 'about' })).toBe('about 70%')
    expect(formatFigure({ value: 90, unit: 'percent', qualifier: 'more than' })).toBe('more than 90%')
  })
  it('can drop the qualifier where the slide says it in words', () => {
    expect(formatFigure({ value: 70, unit: 'percent', qualifier: 'about' }, { qualifier: false })).toBe('70%')
  })
  it('shows a range as a range, never a midpoint', () => {
    expect(formatFigure({
      value: [28, 33],
      unit: 'percent',
    })).toBe('28–33%')
  })
  it('signs relative changes', () => {
    expect(formatFigure({ value: 27, unit: 'percentChange' })).toBe('+27%')
    expect(formatFigure({ value: -42, unit: 'percentChange' })).toBe('−42%')
  })
  it('writes large counts with separators and tails as “1 in N”', () => {
    expect(formatFigure({ value: 400000, unit: 'sessions', qualifier: 'about' })).toBe('about 400,000')
    expect(formatFigure({ value: 2300, unit: 'oneIn', qualifier: 'about' })).toBe('about 1 in 2,300')
  })
  it('writes p-values as an inequality', () => {
    expect(formatFigure({ value: 0.001, unit: 'pValue', qualifier: 'less than' })).toBe('p < 0.001')
  })
})

describe('figure lookup', () => {
  it('names the id it cannot find', () => {
    // @ts-expect-error an id that does not exist, on purpose: the compiler refuses it too
    expect(() => figure('success.nobody')).toThrow('Unknown figure id "success.nobody"')
  })
})

describe('formatRounded: outputs computed from rounded rates carry no false precision', () => {
  it('keeps two significant figures, with separators, and small numbers whole', () => {
    expect(formatRounded(1708)).toBe('1,700')
    expect(formatRounded(1720)).toBe('1,700')
    expect(formatRounded(456)).toBe('460')
    expect(formatRounded(94.4)).toBe('94')
    expect(formatRounded(7.6)).toBe('8')
    expect(formatRounded(0)).toBe('0')
    expect(formatRounded(125_400)).toBe('130,000')
  })
})
