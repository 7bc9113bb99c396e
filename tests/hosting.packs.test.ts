// Each director's pack: the deck PDF stamped "Prepared for <name> · <date>" on every page, twice, as artifacts in
// the page's one content stream, with the outline and the structure tree kept; and the PowerPoint stamped on every
// slide. The real deck PDF and PowerPoint, through nginx, are read with poppler in tests/browser/hosting.test.ts.
import type { PDFDict } from 'pdf-lib'
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { stampPack, stampText } from '../scripts/host/packs.ts'

async function deck(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  for (let i = 0; i < 3; i++) doc.addPage([980, 551]).drawText(`Slide ${i + 1}`, { x: 50, y: 500 })
  // Stand-ins for Chromium's tags and outline: the stamp must leave them where they are.
  doc.catalog.set(PDFName.of('StructTreeRoot'), doc.context.obj({ Type: 'StructTreeRoot', K: [] }))
  doc.catalog.set(PDFName.of('Outlines'), doc.context.obj({ Type: 'Outlines', Count: 0 }))
  doc.catalog.set(PDFName.of('MarkInfo'), doc.context.obj({ Marked: true }))
  return doc.save()
}

/** The text of every content stream of a page, decoded. */
function contents(doc: PDFDocument, i: number): string {
  const page = doc.getPages()[i]
  const c = page.node.Contents()
  const streams = c instanceof PDFArray
    ? c.asArray().map(r => doc.context.lookup(r))
    : [c]
  return streams.map(s => Buffer.from(decodePDFRawStream(s as PDFRawStream).decode()).toString('latin1')).join('\n')
}

describe('a director’s pack', () => {
  it('says whose it is and when, in words', () => {
    expect(stampText('ann', new Date('2026-11-28T10:00:00Z'))).toBe('Prepared for ann · 28 November 2026')
  })

  it('stamps every page twice, inside /Artifact marked-content sequences of the page’s one content stream, and keeps tags and outline', async () => {
    const out = await PDFDocument.load(await stampPack(await deck(), 'ann', new Date('2026-11-28T10:00:00Z')))
    expect(out.getPageCount()).toBe(3)
    for (let i = 0; i < 3; i++) {
      expect(out.getPages()[i].node.Contents(), `page ${i + 1}`).not.toBeInstanceOf(PDFArray)
      const text = contents(out, i)
      expect(text).toContain(`Slide ${i + 1}`.split('').map(c => c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')).join(''))
      // The text is drawn between "/Artifact BMC" and "EMC"; the hex string holds the stamp in WinAnsi.
      const stamps = [
        ...text.matchAll(/\/Artifact BMC([\s\S]*?)EMC/g),
      ].map(m => Buffer.from(/<([0-9A-F]+)> Tj/.exec(m[1])![1], 'hex').toString('latin1'))
      expect(stamps, `page ${i + 1}`).toEqual(['Prepared for ann \xB7 28 November 2026', 'Prepared for ann \xB7 28 November 2026'])
    }
    expect(out.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined()
    expect(out.catalog.get(PDFName.of('Outlines'))).toBeDefined()
    expect((out.catalog.lookup(PDFName.of('MarkInfo')) as PDFDict).get(PDFName.of('Marked'))?.toString()).toBe('true')
  })

  it('keeps no copy of a page without the stamp anywhere in the file (pdf-lib would save the old streams too)', async () => {
    const original = await deck()
    const before = await PDFDocument.load(original)
    const pages = [0, 1, 2].map(i => contents(before, i))
    const out = await PDFDocument.load(await stampPack(original, 'ann', new Date('2026-11-28T10:00:00Z')))
    const streams = out.context.enumerateIndirectObjects()
      .map(([, o]) => o)
      .filter((o): o is PDFRawStream => o instanceof PDFRawStream)
      .map(s => Buffer.from(decodePDFRawStream(s).decode()).toString('latin1'))
    expect(streams.length).toBeGreaterThanOrEqual(3)
    for (const [i, page] of pages.entries()) expect(streams, `page ${i + 1}'s unstamped content`).not.toContain(page)
  })
})
