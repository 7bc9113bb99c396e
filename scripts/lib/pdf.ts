// Reading a PDF with poppler-utils (installed with Chromium by scripts/install/chromium.ts).
import { execFileSync } from 'node:child_process'

/** pdfinfo's fields: { Pages: '26', Tagged: 'yes', Title: '…', … }. */
export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
  return Object.fromEntries(out.split('\n').filter(l => l.includes(':')).map(l => [
    l.slice(0, l.indexOf(':')).trim(),
    l.slice(l.indexOf(':') + 1).trim(),
  ]))
}

export function pdfPages(path: string): number {
  return Number(pdfInfo(path).Pages)
}

/** The text of the whole PDF, or of one page. */
export function pdfText(path: string, page?: number): string {
  const range = page
    ? [
        '-f',
        String(page),
        '-l',
        String(page),
      ]
    : []
  return execFileSync('pdftotext', [...range, path, '-'], { encoding: 'utf8' })
}

/** The bookmarks, as poppler reads them: [{ title, page }] in order, nested ones included. */
export function pdfBookmarks(path: string): { page: number, title: string }[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-q', '-stdout', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const unescape = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
  return [
    ...xml.matchAll(/<item page="(\d+)">([\s\S]*?)<\/item>/g),
  ].map(m => ({
    page: Number(m[1]),
    title: unescape(m[2]),
  }))
}

/** Words that reach past the edge of their page, as poppler lays them out: [{ page, word }]. */
export function pdfWordsOffPage(path: string): { page: number, word: string }[] {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const off: { page: number, word: string }[] = []
  html.split('<page ').slice(1).forEach((page, i) => {
    const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(page)!.map(Number)
    for (const m of page.matchAll(/<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/g)) {
      const [x0, y0, x1, y1] = m.slice(1, 5).map(Number)
      if (x0 < 0 || y0 < 0 || x1 > w + 0.5 || y1 > h + 0.5)
        off.push({ page: i + 1, word: m[5] })
    }
  })
  return off
}
