/**
 * The documents the deck cites. The report governs; articles are cited only where the deck
 * discusses what they said (the strategy framing, the pre-action questions, numbers they got wrong).
 * Articles are named by title and publisher, never by a file name.
 */
import { formatDate } from './format.ts'

export interface ReportSource {
  kind: 'report'
  title: string
  authors: string[]
  publisher: string
  date: string // ISO date of publication
  url: string
}

export interface ArticleSource {
  kind: 'article'
  /** null when the copy we hold carries no headline: the citation then uses `description`. */
  title: string | null
  description: string
  author?: string
  /** null when the copy we hold does not name its publisher. */
  publisher: string | null
  /** ISO date, or null when the article is undated. */
  date: string | null
}

export type Source = ReportSource | ArticleSource

export const SOURCES = {
  report: {
    kind: 'report',
    title: 'Agentic coding and persistent returns to expertise',
    authors: [
      'Zoe Hitzig',
      'Maxim Massenkoff',
      'Eva Lyubich',
      'Ryan Heller',
      'Peter McCrory',
    ],
    publisher: 'Anthropic, Economic Research',
    date: '2026-06-16',
    url: 'https://www.anthropic.com/research/claude-code-expertise',
  },
  ceoDeepDive: {
    kind: 'article',
    title: 'What Anthropic\'s 235,000-user AI study means for your rollout',
    description: 'CEO-oriented deep-dive newsletter post',
    author: 'Paul Thomas',
    publisher: 'Deep-dive (weekly newsletter)',
    date: '2026-06-16',
  },
  workforceBrief: {
    kind: 'article',
    title:
      'What Anthropic\'s 400,000-Session Study Actually Tells Engineering Teams About Expertise, Agentic AI, and Workforce Risk',
    description: 'Technology deep dive for engineering managers and compliance teams',
    publisher: 'Tech Jack Solutions',
    date: null,
  },
  commentary: {
    kind: 'article',
    title: null,
    description: 'Untitled commentary on the report (our copy names no publisher)',
    publisher: null,
    // Undated: our copy says the report came out on 16 June, not when the commentary did.
    date: null,
  },
  newsReport: {
    kind: 'article',
    title: null,
    description: 'Untitled news report on the report (our copy names no publisher)',
    publisher: null,
    date: null,
  },
  studySummary: {
    kind: 'article',
    title: null,
    description: 'Untitled one-page summary of the report (our copy names no publisher)',
    publisher: null,
    date: null,
  },
} as const satisfies Record<string, Source>

export type SourceId = keyof typeof SOURCES

/** A one-line citation for the sources slide and the figures table. */
export function citation(id: SourceId): string {
  const s: Source = SOURCES[id]
  if (s.kind === 'report') {
    return `${s.authors.join(', ')}. “${s.title}.” ${s.publisher}, ${formatDate(s.date)}. ${s.url}`
  }
  const name = s.title
    ? `“${s.title}”`
    : s.description
  const by = s.author
    ? `, by ${s.author}`
    : ''
  const pub = s.publisher
    ? `, ${s.publisher}`
    : ''
  const date = s.date
    ? `, ${formatDate(s.date)}`
    : ', undated'
  return `${name}${by}${pub}${date}`
}

/** Short name for a source line under a chart: "Anthropic report" or the article's publisher/title. */
export function shortName(id: SourceId): string {
  const s: Source = SOURCES[id]
  if (s.kind === 'report')
    return 'Anthropic, “Agentic coding and persistent returns to expertise” (2026)'
  return s.publisher ?? s.title ?? s.description
}

// Dates are formatted in data/format.ts, with every other number the deck writes.
export { formatDate }
