// Numbers and the words that qualify them, read the same way from the report and from the slides.
import { describe, expect, it } from 'vitest'
import { numberTokens } from '../data/numbers'

const read = (text: string) => numberTokens(text).map(t => [t.value, t.qualifier])

describe('numberTokens reads each number with its qualifier', () => {
  it('reads the report’s ways of hedging a number', () => {
    expect(read('~400,000 sessions')).toEqual([
      [400000, 'about'],
    ])
    expect(read('more than 90% of sessions')).toEqual([
      [90, 'more than'],
    ])
    expect(read('and sometimes over 100')).toEqual([
      [100, 'over'],
    ])
    expect(read('roughly 600 words, around 10 actions')).toEqual([
      [600, 'roughly'],
      [10, 'around'],
    ])
    expect(read('fell by nearly half')).toEqual([
      [0.5, 'nearly'],
    ])
    expect(read('statistically significant (p < 0.001)')).toEqual([
      [0.001, 'less than'],
    ])
    expect(read('within seven points')).toEqual([
      [7, 'within'],
    ])
    expect(read('approximately 25% per the full paper')).toEqual([
      [25, 'about'],
    ])
  })
  it('reads no qualifier where the report gives none', () => {
    expect(read('action chains more than twice as long (12 actions)')).toEqual([
      [2, 'more than'],
      [12, null],
    ])
    expect(read('but only 20% of the execution decisions')).toEqual([
      [20, null],
    ])
  })
  it('carries a qualifier across “to”, “and”, commas and ranges, and nowhere else', () => {
    expect(read('from about 10% to 20% of sessions')).toEqual([
      [10, 'about'],
      [20, 'about'],
    ])
    expect(read('(about 43%, 34%, and 32% respectively)')).toEqual([
      [43, 'about'],
      [34, 'about'],
      [32, 'about'],
    ])
    expect(read('about 70% of the planning decisions but only 20%')).toEqual([
      [70, 'about'],
      [20, null],
    ])
    expect(read('28-33% and ~91%')).toEqual([
      [28, null],
      [33, null],
      [91, 'about'],
    ])
  })
  it('reads “about 1 in 270” as about, and a signed change as its qualifier says', () => {
    expect(read('about 1 in 270 average more than 200')).toEqual([
      [1, 'about'],
      [270, 'about'],
      [200, 'more than'],
    ])
    expect(read('about +43%')).toEqual([
      [43, 'about'],
    ])
  })
  it('reads “over seven months” as a span of time, not “more than seven”', () => {
    expect(read('neither widened nor narrowed over seven months')).toEqual([
      [7, null],
    ])
  })
  it('leaves “one” alone: it is a pronoun far more often than a count', () => {
    expect(read('every one of the ten largest occupations')).toEqual([
      [10, null],
    ])
  })
})
