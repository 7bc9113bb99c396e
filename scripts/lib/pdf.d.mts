export function pdfPages(path: string): number
export function pdfText(path: string): string
