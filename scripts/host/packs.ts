// Each director's copy of the deck PDF: "Prepared for <name> · <date>" on every page, so a pack that leaks
// says whose it was. Made with pdf-lib when hosting starts and when a director is added; nginx serves each
// director their own file by their login. Nothing is generated per request.
import { beginMarkedContent, endMarkedContent, grayscale, PDFDocument, StandardFonts } from 'pdf-lib'
import { formatDate } from '../../data/sources.ts'

export const stampText = (name: string, date: Date) => `Prepared for ${name} · ${formatDate(date.toISOString().slice(0, 10))}`

/**
 * The deck PDF with the stamp at the foot of every page, left-aligned (the slide number sits on the right).
 * Loading and saving one document keeps its catalogue: the outline (bookmarks), the structure tree and the
 * tags. The stamp is an /Artifact marked-content sequence, so a screen reader following the tags skips it;
 * it is real text in a standard font, so it is searchable and `pdftotext` finds it.
 */
export async function stampPack(pdf: Uint8Array, name: string, date = new Date()): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false })
  const font = await doc.embedFont(StandardFonts.Helvetica) // WinAnsi: the "·" is in it, and every letter a display name may hold (users.ts DISPLAY_NAME)
  const text = stampText(name, date)
  for (const page of doc.getPages()) {
    const { width, height } = page.getSize()
    const size = Math.max(7, Math.round(height / 60))
    page.pushOperators(beginMarkedContent('Artifact'))
    page.drawText(text, {
      x: width * 0.02,
      y: height * 0.012 + 1,
      size,
      font,
      color: grayscale(0.45),
    })
    page.pushOperators(endMarkedContent())
  }
  return doc.save()
}
