export function slideTitle(raw: string): string
