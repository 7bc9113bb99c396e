/**
 * What a reader gets from a slide's speaker notes: the notes as Slidev renders them, less the paragraphs
 * meant only for the presenter. Those start with "Presenter:" in slides.md ("Presenter: walk the bars"),
 * which the presenter view shows as they are.
 */
import { PRESENTER_CUE } from '../../shared/presenter-cues'

export { PRESENTER_CUE }

export interface ReaderBlock {
  /** "question" for a "Likely question: … Answer: …" paragraph, else "text". */
  kind: 'text' | 'question'
  html: string
}

/** The reader's paragraphs from a slide's rendered notes (Slidev's noteHTML), in order. */
export function readerBlocks(noteHtml: string | undefined): ReaderBlock[] {
  if (!noteHtml)
    return []
  const paragraphs = [
    ...noteHtml.matchAll(/<p>([\s\S]*?)<\/p>/g),
  ].map(m => m[1].trim())
  return paragraphs
    .filter(p => !stripTags(p).startsWith(PRESENTER_CUE))
    .map(html => ({
      kind: stripTags(html).startsWith('Likely question:')
        ? 'question'
        : 'text',
      html,
    }))
}

function stripTags(html: string): string {
  return html.replace(/<[^>]+>/g, '').trim()
}
