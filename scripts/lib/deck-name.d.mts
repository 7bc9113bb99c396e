export const DECK_NAME: string
