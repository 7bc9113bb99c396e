// The sources registry cites the report fully and names articles by title and publisher, never by file name.
import { describe, expect, it } from 'vitest'
import { citation, SOURCES } from '../data'
import { describeSources, sourceText } from './helpers/sourceText'

describeSources('the sources registry matches the documents', () => {
  it('the report entry matches the report page header (title, authors, date, URL)', () => {
    const report = sourceText('report')
    const r = SOURCES.report
    expect(report).toContain(`# ${r.title}`)
    expect(report).toContain(`Source: Anthropic, Economic Research — ${r.authors.join(', ')} — 16 June 2026 — ${r.url}`)
  })

  it('article titles and publishers are as the articles give them', () => {
    expect(sourceText('ceoDeepDive')).toContain(SOURCES.ceoDeepDive.title)
    expect(sourceText('ceoDeepDive')).toContain('by paul thomas')
    expect(sourceText('workforceBrief')).toContain(SOURCES.workforceBrief.title)
    expect(sourceText('workforceBrief')).toContain('techjacksolutions.com')
  })
})

describe('sources registry', () => {
  it('cites the report by title, date and URL', () => {
    expect(SOURCES.report.date).toBe('2026-06-16')
    expect(citation('report')).toContain('16 June 2026')
    expect(citation('report')).toContain(SOURCES.report.url)
  })

  it('no citation names a file', () => {
    for (const id of Object.keys(SOURCES) as (keyof typeof SOURCES)[]) {
      expect(citation(id)).not.toMatch(/\.(txt|md)\b|_[0-9a-f]{8,}/)
    }
  })
})
