// Every quote in the figures module is word for word in the document it names.
import { describe, expect, it } from 'vitest'
import { FACTS, FIGURES } from '../data'
import { describeSources, sourceText } from './helpers/sourceText'

describeSources('quotes are verbatim in their sources', () => {
  for (const item of [
    ...FIGURES,
    ...FACTS,
  ]) {
    it(`${item.id}: quote appears in ${item.source.doc}`, () => {
      expect(sourceText(item.source.doc)).toContain(item.source.quote)
    })
  }
})

describe('the report is the source for every finding', () => {
  it('only the “numbers in circulation” figures quote an article', () => {
    const fromArticles = FIGURES.filter(f => f.source.doc !== 'report').map(f => f.id)
    expect(fromArticles.every(id => id.startsWith('circulation.'))).toBe(true)
  })

  it('every article claim names the report figures that set it right', () => {
    for (const f of FIGURES.filter(f => f.id.startsWith('circulation.'))) {
      expect(f.correctedBy?.length, f.id).toBeGreaterThan(0)
      for (const c of f.correctedBy!) expect(FIGURES.find(g => g.id === c)?.source.doc, `${f.id} → ${c}`).toBe('report')
    }
  })
})
