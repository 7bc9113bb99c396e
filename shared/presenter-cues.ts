/**
 * The presenter's private paragraphs in the speaker notes: those that start with "Presenter:" in slides.md
 * ("Presenter: walk the bars"). The presenter view and the presenter's build show them; the reader view, the
 * handout and the directors' build (`npm run build`) do not. "Likely question: … Answer: …" paragraphs are the
 * reader's: a director may have the same question, so they stay.
 */
export const PRESENTER_CUE = 'Presenter:'

/** Speaker notes in Markdown, less every paragraph (text between blank lines) that starts with the cue. */
export function withoutPresenterCues(markdown: string): string {
  return markdown
    .split(/\n[ \t]*\n/)
    .filter(p => !p.trim().replace(/^[*_]+/, '').startsWith(PRESENTER_CUE))
    .join('\n\n')
}
