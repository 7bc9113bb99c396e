/**
 * A tagged PDF's logical structure, read with pdf-lib from the catalog's /StructTreeRoot: what a screen reader
 * follows. Used by tests/browser/pdf-structure.test.ts for the PDF/UA (Matterhorn) checks it can make by reading
 * the tags; the rest need a validator (README, Accessibility).
 */
import { readFileSync } from 'node:fs'
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib'

export interface StructElement {
  /** The structure type: H1, P, Figure, Table, TH, … */
  type: string
  /** /Alt, decoded; undefined when the element has none. */
  alt?: string
  /** A TH's /Scope (from its attribute object /A): Row, Column or Both. */
  scope?: string
  depth: number
}

export interface PdfStructure {
  /** Every structure element, in the tree's order (the reading order). */
  elements: StructElement[]
  /** The catalog's /Lang. */
  lang?: string
  /** /ViewerPreferences /DisplayDocTitle. */
  displayDocTitle: boolean
  /** The document information's /Title. */
  title?: string
  /** /MarkInfo /Marked and /Suspects. */
  marked: boolean
  suspects: boolean
}

function text(v: unknown): string | undefined {
  return v instanceof PDFString || v instanceof PDFHexString
    ? v.decodeText()
    : undefined
}

function flag(dict: PDFDict | undefined, key: string): boolean {
  const v = dict?.lookup(PDFName.of(key))
  return v instanceof PDFBool && v.asBoolean()
}

/** /A can be one attribute object or an array of them; the first /Scope found. */
function scopeOf(doc: PDFDocument, el: PDFDict): string | undefined {
  const a = el.lookup(PDFName.of('A'))
  const objects = a instanceof PDFArray
    ? a.asArray().map(x => doc.context.lookup(x))
    : [a]
  for (const o of objects) {
    const scope = o instanceof PDFDict
      ? o.lookup(PDFName.of('Scope'))
      : undefined
    if (scope instanceof PDFName)
      return scope.decodeText()
  }
  return undefined
}

export async function readStructure(path: string): Promise<PdfStructure> {
  const doc = await PDFDocument.load(readFileSync(path), { updateMetadata: false })
  const { catalog, context } = doc
  const elements: StructElement[] = []
  const walk = (node: unknown, depth: number): void => {
    const d = node instanceof PDFRef
      ? context.lookup(node)
      : node
    if (d instanceof PDFArray) {
      for (const k of d.asArray()) walk(k, depth)
      return
    }
    // Marked-content references (numbers, /MCR and /OBJR dictionaries) carry no /S: content, not structure.
    if (!(d instanceof PDFDict))
      return
    const s = d.lookup(PDFName.of('S'))
    if (s instanceof PDFName) {
      const type = s.decodeText()
      elements.push({
        type,
        alt: text(d.lookup(PDFName.of('Alt'))),
        scope: type === 'TH'
          ? scopeOf(doc, d)
          : undefined,
        depth,
      })
    }
    walk(d.get(PDFName.of('K')), depth + 1)
  }
  const root = catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)
  if (root)
    walk(root.get(PDFName.of('K')), 0)
  const info = context.lookup(context.trailerInfo.Info)
  return {
    elements,
    lang: text(catalog.lookup(PDFName.of('Lang'))),
    displayDocTitle: flag(catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict), 'DisplayDocTitle'),
    title: info instanceof PDFDict
      ? text(info.lookup(PDFName.of('Title')))
      : undefined,
    marked: flag(catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict), 'Marked'),
    suspects: flag(catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict), 'Suspects'),
  }
}

/** Heading levels in reading order (H1 → 1); an unnumbered H is left out. */
export function headingLevels(s: PdfStructure): number[] {
  return s.elements.filter(e => /^H[1-6]$/.test(e.type)).map(e => Number(e.type.slice(1)))
}

/** Matterhorn 14-003: where a heading goes more than one level deeper than the one before it ("H1 → H3"). */
export function skippedHeadingLevels(levels: number[]): string[] {
  return levels.flatMap((l, i) => i > 0 && l > levels[i - 1] + 1
    ? [`heading ${i + 1}: H${levels[i - 1]} → H${l}`]
    : [])
}
