export function ensureLibreOffice(): string
export function convertToPdf(input: string, outDir: string): string
