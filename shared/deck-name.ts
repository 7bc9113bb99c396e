// The deck's file name, shared by the exporters, the build and the reader view's download links.
export const DECK_NAME = 'board-deck-agentic-coding'
