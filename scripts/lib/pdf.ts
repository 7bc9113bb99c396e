// Reading a PDF with poppler-utils (installed with Chromium by scripts/install/chromium.ts).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

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

/** How different one page looks from another, in % of full black against white (pageDifferences). */
export interface PageDifference {
  /** The mean absolute grey difference over the page: moves that shift much of the page (a legend, an axis, text set lower). */
  mean: number
  /** The same in the page's most different tile: a large thing missing, added or squashed in one place. */
  worstTile: number
}

/**
 * How different each page of two PDFs looks: both rendered in grey at the same small size (`width` × `height`
 * pixels, whatever their page sizes) and compared pixel by pixel, over the page and in each of `cols` × `rows`
 * tiles. At this size a line of text is a grey band, so a letter or a line set a little apart counts for
 * little, while a moved legend or a squashed or missing chart changes a whole region.
 */
export function pageDifferences(a: string, b: string, { width = 196, height = 110, cols = 7, rows = 5 } = {}): PageDifference[] {
  const dir = mkdtempSync(join(tmpdir(), 'page-diff-'))
  try {
    const render = (pdf: string, prefix: string) => {
      execFileSync('pdftoppm', [
        '-gray',
        '-scale-to-x',
        String(width),
        '-scale-to-y',
        String(height),
        pdf,
        join(dir, prefix),
      ])
      return readdirSync(dir).filter(f => f.startsWith(`${prefix}-`)).sort().map((f) => {
        const pgm = readFileSync(join(dir, f))
        // A binary PGM: "P5 <width> <height> <maxval>" and one whitespace, then a byte a pixel.
        const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.toString('latin1', 0, 64))
        if (!header || Number(header[1]) !== width || Number(header[2]) !== height)
          throw new Error(`pdftoppm wrote ${f} in a form this does not read`)
        return pgm.subarray(header[0].length)
      })
    }
    const pa = render(a, 'a')
    const pb = render(b, 'b')
    if (pa.length !== pb.length)
      throw new Error(`${a} has ${pa.length} pages, ${b} ${pb.length}`)
    return pa.map((x, i) => {
      const tiles = Array.from({ length: cols * rows }, () => ({ sum: 0, n: 0 }))
      let sum = 0
      for (let k = 0; k < x.length; k++) {
        const d = Math.abs(x[k] - pb[i][k])
        const tile = tiles[Math.floor((Math.floor(k / width) * rows) / height) * cols + Math.floor(((k % width) * cols) / width)]
        tile.sum += d
        tile.n++
        sum += d
      }
      return {
        mean: (100 * sum) / x.length / 255,
        worstTile: Math.max(...tiles.map(t => (100 * t.sum) / t.n / 255)),
      }
    })
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
