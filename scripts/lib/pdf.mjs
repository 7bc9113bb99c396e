// Reading a PDF with poppler-utils (installed with Chromium by scripts/lib/chromium.mjs).
import { execFileSync } from 'node:child_process'

export function pdfPages(path) {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1])
}

export function pdfText(path) {
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })
}
