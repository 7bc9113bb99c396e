/** A slide's speaker notes as Slidev renders them for the reader view: one <p> per paragraph. */
export function notesAsHtml(note = '') {
  return note
    .split(/\n\s*\n/)
    .map(p => `<p>${p.trim()}</p>`)
    .join('\n')
}
