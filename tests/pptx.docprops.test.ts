// The PowerPoint's document properties (scripts/pptx/doc-props.ts), written into a real PowerPoint made by
// pptxgenjs (the library Slidev's exporter writes with) and read back from its XML: the core properties a
// portal indexes, and the paper's particulars as custom properties, with their content type and relationship.
import type { Paper } from '../data/paper'
import JSZip from 'jszip'
import PptxGenJS from 'pptxgenjs'
import { describe, expect, it } from 'vitest'
import { PAPER } from '../data/paper'
import { paperDocProps, setDocProps } from '../scripts/pptx/doc-props'

async function pptx(): Promise<JSZip> {
  const p = new PptxGenJS()
  p.title = 'Old title'
  p.subject = 'Old subject\nsecond line'
  p.addSlide().addText('x', { x: 1, y: 1 })
  return JSZip.loadAsync(await p.write({ outputType: 'nodebuffer' }) as Buffer)
}
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
function core(xml: string, tag: string) {
  const all = [
    ...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g')),
  ]
  expect(all, tag).toHaveLength(1)
  return unescape(all[0][1])
}
function custom(xml: string): Record<string, string> {
  return Object.fromEntries([
    ...xml.matchAll(/<property [^>]*name="([^"]+)"><vt:(?:lpwstr|i4)>([^<]*)<\/vt:/g),
  ].map(m => [
    unescape(m[1]),
    unescape(m[2]),
  ]))
}

async function written(paper: Paper = PAPER) {
  const zip = await pptx()
  await setDocProps(zip, paperDocProps('Coding agents & the board', 'Board paper on the study. More.', paper))
  // Twice, as a re-run would: nothing is added a second time.
  await setDocProps(zip, paperDocProps('Coding agents & the board', 'Board paper on the study. More.', paper))
  const read = (p: string) => zip.file(p)!.async('string')
  return {
    core: await read('docProps/core.xml'),
    custom: await read('docProps/custom.xml'),
    types: await read('[Content_Types].xml'),
    rels: await read('_rels/.rels'),
  }
}

describe('the PowerPoint’s document properties', () => {
  it('core: title with the reference, subject with meeting, version and resolution, keywords, status and version', async () => {
    const { core: xml } = await written()
    expect(core(xml, 'dc:title')).toBe(`${PAPER.reference}: Coding agents & the board`)
    const subject = core(xml, 'dc:subject')
    expect(subject).toMatch(/^Board paper on the study\. Board meeting, /)
    expect(subject).toContain(`agenda item ${PAPER.agendaItem}. Version ${PAPER.version}, final. ${PAPER.purpose}: RESOLVED that the Board:`)
    const keywords = core(xml, 'cp:keywords').split('; ')
    expect(keywords).toContain(PAPER.reference)
    expect(keywords).toContain(PAPER.classification)
    expect(keywords).toContain(`Agenda item ${PAPER.agendaItem}`)
    expect(core(xml, 'cp:category')).toBe('Board paper')
    expect(core(xml, 'cp:contentStatus')).toBe('Final')
    expect(core(xml, 'cp:version')).toBe(String(PAPER.version))
  })

  it('custom: reference, version, status and classification, each a property of its own, declared once in the package', async () => {
    const { custom: xml, types, rels } = await written()
    expect(custom(xml)).toMatchObject({
      Reference: PAPER.reference,
      Version: String(PAPER.version),
      Status: 'Final',
      Classification: PAPER.classification,
      Purpose: PAPER.purpose,
    })
    expect(xml).toContain(`name="Version"><vt:i4>${PAPER.version}</vt:i4>`)
    expect(types.match(/PartName="\/docProps\/custom\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.custom-properties\+xml"/g)).toHaveLength(1)
    expect(rels.match(/relationships\/custom-properties" Target="docProps\/custom\.xml"/g)).toHaveLength(1)
    const ids = [
      ...rels.matchAll(/Id="(rId\d+)"/g),
    ].map(m => m[1])
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('a superseded paper says by which version, in its status and subject', async () => {
    const { core: xml, custom: c } = await written({ ...PAPER, status: 'superseded', supersededBy: 2 })
    expect(core(xml, 'cp:contentStatus')).toBe('Superseded by version 2')
    expect(core(xml, 'dc:subject')).toContain('Version 1, superseded by version 2.')
    expect(custom(c).Status).toBe('Superseded by version 2')
  })
})
