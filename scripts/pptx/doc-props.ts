// The PowerPoint's document properties, as a board portal or a records system reads them: in docProps/core.xml
// the title ("BRD/2026-12/07: <deck title>"), the subject (meeting, version and status, purpose and resolution,
// as the PDF's), the keywords (as the PDF's), the category, the content status and the version; and, as custom
// properties (docProps/custom.xml, File › Properties › Custom), the paper's reference, version, status,
// classification, meeting, agenda item and purpose, one by one. All from data/paper.ts.
import type JSZip from 'jszip'
import type { Paper } from '../../data/paper.ts'
import { meetingLine, PAPER, paperKeywords, paperSubject, statusLabel } from '../../data/paper.ts'
import { escapeXml } from './patch-chart-xml.ts'

export interface DocProps {
  title: string
  subject: string
  keywords: string
  category: string
  contentStatus: string
  version: string
  /** Custom properties: name → text or whole number. */
  custom: readonly [name: string, value: string | number][]
}

export function paperDocProps(deckTitle: string, info: unknown, paper: Paper = PAPER): DocProps {
  const status = statusLabel(paper)
  return {
    title: `${paper.reference}: ${deckTitle}`,
    subject: paperSubject(info, paper),
    keywords: paperKeywords(paper).join('; '),
    category: 'Board paper',
    contentStatus: status,
    version: String(paper.version),
    custom: [
      ['Reference', paper.reference],
      ['Version', paper.version],
      ['Status', status],
      ['Classification', paper.classification],
      [
        'Meeting',
        meetingLine(paper),
      ],
      ['Agenda item', paper.agendaItem],
      ['Purpose', paper.purpose],
      ['Sponsor', paper.sponsor],
      ['Issued on', paper.issuedOn],
    ],
  }
}

const CUSTOM_PART = 'docProps/custom.xml'
const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml'
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties'
// The property set every custom property of an Office document belongs to.
export const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}'

/** Sets one element of core.xml, replacing it if there, else adding it before the closing tag. */
function setCore(xml: string, tag: string, value: string): string {
  const element = `<${tag}>${escapeXml(value)}</${tag}>`
  const existing = new RegExp(`<${tag}\\s*/>|<${tag}>[^<]*</${tag}>`)
  return existing.test(xml)
    ? xml.replace(existing, () => element)
    : xml.replace('</cp:coreProperties>', () => `${element}</cp:coreProperties>`)
}

export function customXml(custom: DocProps['custom']): string {
  const props = custom.map(([name, value], i) => `<property fmtid="${FMTID}" pid="${i + 2}" name="${escapeXml(name)}">${typeof value === 'number'
    ? `<vt:i4>${value}</vt:i4>`
    : `<vt:lpwstr>${escapeXml(value)}</vt:lpwstr>`}</property>`)
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${props.join('')}</Properties>`
}

/** Writes the properties into the PowerPoint's zip: core.xml's fields, and custom.xml with its content type and relationship. */
export async function setDocProps(zip: JSZip, props: DocProps): Promise<void> {
  const read = async (path: string) => {
    const file = zip.file(path)
    if (!file)
      throw new Error(`${path} is not in the PowerPoint: cannot set its properties`)
    return file.async('string')
  }
  let core = await read('docProps/core.xml')
  core = setCore(core, 'dc:title', props.title)
  core = setCore(core, 'dc:subject', props.subject)
  core = setCore(core, 'cp:keywords', props.keywords)
  core = setCore(core, 'cp:category', props.category)
  core = setCore(core, 'cp:contentStatus', props.contentStatus)
  core = setCore(core, 'cp:version', props.version)
  zip.file('docProps/core.xml', core)
  zip.file(CUSTOM_PART, customXml(props.custom))
  const types = await read('[Content_Types].xml')
  if (!types.includes(`PartName="/${CUSTOM_PART}"`))
    zip.file('[Content_Types].xml', types.replace('</Types>', () => `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_TYPE}"/></Types>`))
  const rels = await read('_rels/.rels')
  if (!rels.includes(CUSTOM_REL)) {
    const ids = [
      ...rels.matchAll(/Id="rId(\d+)"/g),
    ].map(m => Number(m[1]))
    const id = `rId${Math.max(0, ...ids) + 1}`
    zip.file('_rels/.rels', rels.replace('</Relationships>', () => `<Relationship Id="${id}" Type="${CUSTOM_REL}" Target="${CUSTOM_PART}"/></Relationships>`))
  }
}
