// A malformed figure fails with a message that names the figure and the rule it broke.
import type { Figure } from '../data'
import { describe, expect, it } from 'vitest'
import { FACTS, FIGURES } from '../data'
import { assertValidFigures, FigureValidationError, numbersIn, validateFigures } from '../data/validate'

/** The real module with one figure replaced by a broken copy. */
function withBroken(id: string, change: (f: Figure) => Record<string, unknown>): Figure[] {
  const found = FIGURES.find(f => f.id === id)
  if (!found)
    throw new Error(`test setup: no figure ${id}`)
  return FIGURES.map(f => (f.id === id
    ? ({
        ...f,
        ...change(f),
      } as Figure)
    : f))
}

function messageFor(figures: Figure[]): string {
  try {
    assertValidFigures(figures, FACTS)
  }
  catch (e) {
    expect(e).toBeInstanceOf(FigureValidationError)
    return (e as Error).message
  }
  throw new Error('expected the figures to be rejected')
}

describe('the real module', () => {
  it('passes validation', () => {
    expect(validateFigures(FIGURES, FACTS)).toEqual([])
  })
})

describe('malformed figures are rejected by name and rule', () => {
  const cases: [string, string, (f: Figure) => Record<string, unknown>, string][] = [
    [
      'a share above 100',
      'success.novice.partial',
      () => ({ value: 177 }),
      'unit-range',
    ],
    [
      'a negative share',
      'modes.operating',
      () => ({ value: -17 }),
      'unit-range',
    ],
    [
      'a range with lo > hi',
      'success.intermediatePlus.verified',
      () => ({
        value: [33, 28],
      }),
      'range-order',
    ],
    [
      'a value that is not a number',
      'session.turns',
      () => ({ value: 'four' }),
      'value-not-number',
    ],
    [
      'NaN',
      'session.turns',
      () => ({ value: Number.NaN }),
      'value-not-number',
    ],
    [
      'a value its quote does not state',
      'session.wordsPerTurn',
      () => ({ value: 2500 }),
      'value-not-in-quote',
    ],
    [
      'a missing quote',
      'value.average',
      f => ({
        source: { ...f.source, quote: '' },
      }),
      'quote-missing',
    ],
    [
      'a missing locator',
      'value.average',
      f => ({
        source: { ...f.source, locator: ' ' },
      }),
      'locator-missing',
    ],
    [
      'an unknown source',
      'value.average',
      f => ({
        source: { ...f.source, doc: 'blog' },
      }),
      'source-unknown',
    ],
    [
      'an unknown unit',
      'value.average',
      () => ({ unit: 'dollars' }),
      'unit-unknown',
    ],
    [
      'a missing label',
      'value.average',
      () => ({ label: '' }),
      'label-missing',
    ],
    [
      'a derived figure out of step with its inputs',
      'decisions.planning.claude',
      () => ({ value: 35 }),
      'derivation-mismatch',
    ],
    [
      'a fractional count',
      'scope.people',
      () => ({ value: 235000.5 }),
      'unit-range',
    ],
    [
      'a correction pointing nowhere',
      'circulation.valueRise',
      () => ({
        correctedBy: ['value.nope'],
      }),
      'correction-unknown',
    ],
    [
      '“more than” where the quote says “~400,000”',
      'scope.sessions',
      () => ({ qualifier: 'more than' }),
      'qualifier-mismatch',
    ],
    [
      'a qualifier dropped where the quote says “about 70%”',
      'decisions.planning.user',
      () => ({ qualifier: undefined }),
      'qualifier-mismatch',
    ],
    [
      'a qualifier added where the quote says “(12 actions)”',
      'expertise.expert.actions',
      () => ({ qualifier: 'about' }),
      'qualifier-mismatch',
    ],
    [
      '“about” where the quote says “more than twice”',
      'expertise.actionsMultiple',
      () => ({ qualifier: 'about' }),
      'qualifier-mismatch',
    ],
    [
      'a derived figure claiming more precision than its inputs',
      'expertise.wordsRatio',
      () => ({ qualifier: undefined }),
      'qualifier-mismatch',
    ],
  ]
  for (const [what, id, change, rule] of cases) {
    it(`${what} → ${rule}`, () => {
      expect(messageFor(withBroken(id, change))).toContain(`figure "${id}" breaks rule ${rule}`)
    })
  }

  it('a qualifier error names the figure and the words found in the quote', () => {
    const message = messageFor(withBroken('scope.sessions', () => ({ qualifier: 'more than' })))
    expect(message).toContain('figure "scope.sessions" breaks rule qualifier-mismatch: qualifier "more than" but the quote says “~400,000” ("about")')
  })

  it('an id with a digit is rejected', () => {
    const figures = withBroken('session.turns', () => ({ id: 'session.turns2' }))
    expect(messageFor(figures)).toContain('figure "session.turns2" breaks rule id-format')
  })

  it('a duplicated id is rejected', () => {
    const figures = [...FIGURES, FIGURES[0]]
    expect(messageFor(figures)).toContain(`figure "${FIGURES[0].id}" breaks rule duplicate-id`)
  })

  it('a fact whose text its quote does not contain is rejected', () => {
    const facts = FACTS.map(f => (f.id === 'scope.classifierModel'
      ? { ...f, text: 'Claude Opus 5' }
      : f))
    expect(() => assertValidFigures(FIGURES, facts)).toThrow('figure "scope.classifierModel" breaks rule text-not-in-quote')
  })
})

describe('related figures must agree', () => {
  // Each change keeps the value inside its own quote, so only the cross-figure rule can catch it.
  const cases: [string, string, number, string][] = [
    [
      'planning shares that do not sum to 100',
      'decisions.planning.user',
      20,
      'planning shares of person and Claude must sum to 100',
    ],
    [
      'execution shares that do not sum to 100',
      'decisions.execution.claude',
      70,
      'execution shares of person and Claude must sum to 100',
    ],
    [
      'code modes that do not sum to the stated 56%',
      'modes.fixing',
      25,
      'code work modes',
    ],
    [
      'writing and analysis that does not roughly double',
      'shift.writingAnalysis.apr',
      10,
      'roughly double',
    ],
  ]
  for (const [what, id, value, rule] of cases) {
    it(what, () => {
      const figures = withBroken(id, f => ({
        value,
        source: { ...f.source, quote: `${f.source.quote} ${value}` },
      }))
      const message = messageFor(figures)
      expect(message).toContain('breaks rule consistency')
      expect(message).toContain(rule)
    })
  }
})

describe('numbersIn reads numbers the way the report writes them', () => {
  it('reads digits with thousands separators, decimals and ranges', () => {
    expect(numbersIn('~400,000 sessions, 7.7% and 28-33%')).toEqual([400000, 7.7, 28, 33])
  })
  it('reads number words', () => {
    expect(numbersIn('about four turns, a five-point scale, more than doubled')).toEqual([4, 5, 2])
  })
})
