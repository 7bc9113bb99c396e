export function pdfInfo(path: string): Record<string, string>
export function pdfPages(path: string): number
export function pdfText(path: string, page?: number): string
export function pdfBookmarks(path: string): { page: number; title: string }[]
export function pdfWordsOffPage(path: string): { page: number; word: string }[]
