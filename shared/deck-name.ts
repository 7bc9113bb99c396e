// The deck's file name, shared by the exporters, the build and the reader view's download links.
export const DECK_NAME = 'board-deck-agentic-coding'

/** The speaker notes' PDF: the presenter's alone, and named so, so that nobody sends it with the pack. */
export const PRESENTER_NOTES_FILE = `${DECK_NAME}-presenter-notes.pdf`
