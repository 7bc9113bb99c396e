// Each director's copies: the deck PDF and, for those BOARD_PPTX names, the PowerPoint, each saying whose it is
// ("Prepared for <name> · <date>"), so a copy that leaks says whose it was. Made when hosting starts and when a
// director is added; nginx serves each director their own file by their login. Nothing is generated per request.
import type { PDFPage } from 'pdf-lib'
import JSZip from 'jszip'
import { beginMarkedContent, decodePDFRawStream, degrees, drawText, endMarkedContent, grayscale, PDFArray, PDFContentStream, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, popGraphicsState, pushGraphicsState, setTextRenderingMode, StandardFonts, TextRenderingMode } from 'pdf-lib'
import { formatDate } from '../../data/sources.ts'
import { FMTID } from '../pptx/doc-props.ts'
import { escapeXml } from '../pptx/patch-chart-xml.ts'

export const stampText = (name: string, date: Date) => `Prepared for ${name} · ${formatDate(date.toISOString().slice(0, 10))}`

/** The name of the stamp in a PDF's document information and in a PowerPoint's custom properties. */
export const STAMP_PROPERTY = 'PreparedFor'

/** A page's content as one text: every content stream, decoded, in order. */
function pageContent(page: PDFPage): Uint8Array {
  const contents = page.node.Contents()
  const streams = contents instanceof PDFArray
    ? contents.asArray().map(ref => page.doc.context.lookup(ref))
    : [contents]
  const parts = streams.map((stream) => {
    if (stream instanceof PDFRawStream)
      return decodePDFRawStream(stream).decode()
    if (stream instanceof PDFContentStream)
      return stream.getUnencodedContents()
    return new Uint8Array()
  })
  return Buffer.concat(parts.flatMap(p => [
    Buffer.from(p),
    Buffer.from('\n'),
  ]))
}

/**
 * The deck PDF with the stamp on every page, twice, inside the page's own content: one content stream holds the
 * slide and both stamps, so no stream can be dropped to leave the slide without the name. Visible at the foot,
 * left-aligned (the slide number sits on the right); and again, invisible, in the page's text layer at its top
 * (text render mode 3, as a scan's recognised text), so cutting the footer's text out of the stream still leaves
 * the name in what a search or `pdftotext` finds. Both are /Artifact marked content: a screen reader following
 * the tags skips them. Also in the document information (PreparedFor). Loading and saving one document keeps
 * its catalogue: the outline (bookmarks), the structure tree and the tags.
 */
export async function stampPack(pdf: Uint8Array, name: string, date = new Date()): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false })
  const font = await doc.embedFont(StandardFonts.Helvetica) // WinAnsi: the "·" is in it, and every letter a display name may hold (users.ts DISPLAY_NAME)
  const text = stampText(name, date)
  const encoded = font.encodeText(text)
  // The unstamped content streams, dropped from the file once every page has its stamped one: pdf-lib saves every
  // object it loaded, so a stream no page points at would stay in the file, a slide without the name.
  const unstamped: PDFRef[] = []
  for (const page of doc.getPages()) {
    const old = page.node.get(PDFName.of('Contents'))
    const list = old instanceof PDFRef
      ? doc.context.lookup(old)
      : old
    if (old instanceof PDFRef)
      unstamped.push(old)
    if (list instanceof PDFArray)
      unstamped.push(...list.asArray().filter((r): r is PDFRef => r instanceof PDFRef))
    const { width, height } = page.getSize()
    const size = Math.max(7, Math.round(height / 60))
    const key = page.node.newFontDictionary(font.name, font.ref)
    const line = (y: number) => drawText(encoded, {
      x: width * 0.02,
      y,
      size,
      font: key,
      color: grayscale(0.45),
      rotate: degrees(0),
      xSkew: degrees(0),
      ySkew: degrees(0),
    })
    const textLayer = [
      beginMarkedContent('Artifact'),
      pushGraphicsState(),
      setTextRenderingMode(TextRenderingMode.Invisible),
      ...line(height - size * 1.5),
      popGraphicsState(),
      endMarkedContent(),
    ]
    const footer = [
      beginMarkedContent('Artifact'),
      ...line(height * 0.012 + 1),
      endMarkedContent(),
    ]
    const ops = (list: typeof footer) => list.map(op => op.toString()).join('\n')
    const content = Buffer.concat([
      Buffer.from(`${ops(textLayer)}\nq\n`),
      pageContent(page),
      Buffer.from(`Q\n${ops(footer)}\n`),
    ])
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(content)))
  }
  for (const ref of unstamped) doc.context.delete(ref)
  const info = doc.context.lookup(doc.context.trailerInfo.Info)
  if (info instanceof PDFDict) {
    info.set(PDFName.of(STAMP_PROPERTY), PDFHexString.fromText(text))
  }
  else {
    doc.context.trailerInfo.Info = doc.context.register(doc.context.obj({
      [STAMP_PROPERTY]: PDFHexString.fromText(text),
    }))
  }
  return doc.save()
}

/** Where the PowerPoint's stamp sits, in parts of the slide: at the foot, left, as on the PDF. */
const PPTX_STAMP = {
  x: 0.02,
  y: 0.965,
  width: 0.45,
  height: 0.03,
  points: 7,
}
const CUSTOM_PART = 'docProps/custom.xml'

/**
 * The deck PowerPoint with the stamp on every slide, as a text frame at the foot (left, grey, 7 pt), and in the
 * document's custom properties (File › Properties › Custom: PreparedFor).
 */
export async function stampPowerPoint(pptx: Uint8Array, name: string, date = new Date()): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(pptx)
  const text = escapeXml(stampText(name, date))
  const read = async (path: string) => {
    const file = zip.file(path)
    if (!file)
      throw new Error(`${path} is not in the PowerPoint: cannot stamp it`)
    return file.async('string')
  }
  const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(await read('ppt/presentation.xml'))
  if (!size)
    throw new Error('the PowerPoint gives no slide size (ppt/presentation.xml): cannot stamp it')
  const [cx, cy] = [
    Number(size[1]),
    Number(size[2]),
  ]
  const emu = (part: number, whole: number) => Math.round(part * whole)
  const slides = zip.file(/^ppt\/slides\/slide\d+\.xml$/)
  for (const slide of slides) {
    const xml = await slide.async('string')
    const id = Math.max(0, ...[
      ...xml.matchAll(/<p:cNvPr id="(\d+)"/g),
    ].map(m => Number(m[1]))) + 1
    const frame = `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${STAMP_PROPERTY}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>`
      + `<p:spPr><a:xfrm><a:off x="${emu(PPTX_STAMP.x, cx)}" y="${emu(PPTX_STAMP.y, cy)}"/><a:ext cx="${emu(PPTX_STAMP.width, cx)}" cy="${emu(PPTX_STAMP.height, cy)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>`
      + `<p:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b"/><a:lstStyle/><a:p><a:r><a:rPr lang="en-GB" sz="${PPTX_STAMP.points * 100}" dirty="0"><a:solidFill><a:srgbClr val="737373"/></a:solidFill><a:latin typeface="Arial"/></a:rPr><a:t>${text}</a:t></a:r></a:p></p:txBody></p:sp>`
    if (!xml.includes('</p:spTree>'))
      throw new Error(`${slide.name} has no shape tree: cannot stamp it`)
    zip.file(slide.name, xml.replace('</p:spTree>', () => `${frame}</p:spTree>`))
  }
  const custom = await read(CUSTOM_PART)
  const pid = Math.max(1, ...[
    ...custom.matchAll(/pid="(\d+)"/g),
  ].map(m => Number(m[1]))) + 1
  zip.file(CUSTOM_PART, custom.replace('</Properties>', () => `<property fmtid="${FMTID}" pid="${pid}" name="${STAMP_PROPERTY}"><vt:lpwstr>${text}</vt:lpwstr></property></Properties>`))
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}
