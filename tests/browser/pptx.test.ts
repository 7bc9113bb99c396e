// The board pack's PowerPoint (npm run export:pptx, put in the site by npm run build), read back as
// the zip of XML it is, and opened by an independent reader, LibreOffice Impress. Expected values come
// from the figures module and the chart specs, never from the exporter's own code.
import type { FigureId } from '../../data'
import type { ChartId, ChartSpec, Meaning } from '../../data/charts'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { figure, formatWithUnit } from '../../data'
import { CHARTS } from '../../data/charts'
import { pageMark, PAPER, paperKeywords, resolutionText, versionLine } from '../../data/paper'
import { ends } from '../../data/value'
import { convertToPdf } from '../../scripts/install/libreoffice.ts'
import { pdfWordsOffPage } from '../../scripts/lib/pdf.ts'
import { PALETTE } from '../../shared/charts/palette'
import { PRESENTER_CUE, withoutPresenterCues } from '../../shared/presenter-cues'
import { deckSlides } from '../helpers/deck'
import { pdfPages, pdfText, SITE_DIR, squash } from './helpers'

const SLIDES = deckSlides()
const PPTX = join(SITE_DIR, 'board-deck-agentic-coding.pptx')

function unescape(s: string) {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, '\'').replace(/&amp;/g, '&')
}
/** Text as a reader compares it: one space between words, straight apostrophes. */
const plain = (s: string) => squash(s).replace(/[’‘]/g, '\'')
function textOf(xml: string) {
  return [
    ...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g),
  ].map(m => unescape(m[1])).join('')
}
function chartIdsInSource(n: number) {
  return [
    ...SLIDES[n - 1].content.matchAll(/<(?:Bar|SplitBar|Slope)Chart chart="(\w+)"/g),
  ].map(m => m[1] as ChartId)
}

let zip: JSZip
async function read(path: string) {
  const file = zip.file(path)
  if (!file)
    throw new Error(`${path} is not in the PPTX`)
  return file.async('string')
}
const slideXml = (n: number) => read(`ppt/slides/slide${n}.xml`)
const slideRels = (n: number) => read(`ppt/slides/_rels/slide${n}.xml.rels`)

/** One series of a chart, as its XML says: name, categories, values, error bars, labels, colours. */
interface SeriesRead {
  name: string
  categories: string[]
  values: number[]
  plus: number[]
  labels: string[]
  colour: string
  pointColours: string[]
}

function readSeries(chartXml: string): SeriesRead[] {
  return [
    ...chartXml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g),
  ].map(([, ser]) => {
    const pts = (block: string | undefined) => [
      ...(block ?? '').matchAll(/<c:pt idx="\d+">\s*<c:v>([^<]*)<\/c:v>/g),
    ].map(m => unescape(m[1]))
    const plusBlock = /<c:plus>([\s\S]*?)<\/c:plus>/.exec(ser)?.[1]
    return {
      name: pts(/<c:tx>([\s\S]*?)<\/c:tx>/.exec(ser)?.[1])[0],
      categories: pts(/<c:cat>([\s\S]*?)<\/c:cat>/.exec(ser)?.[1]),
      values: pts(/<c:val>([\s\S]*?)<\/c:val>/.exec(ser)?.[1]).map(Number),
      plus: plusBlock
        ? pts(plusBlock).map(Number)
        : [],
      labels: [
        ...ser.matchAll(/<c:dLbl>[\s\S]*?<\/c:dLbl>/g),
      ].map(m => textOf(m[0])),
      colour: /<c:spPr>\s*<a:solidFill><a:srgbClr val="([0-9A-F]{6})"/.exec(ser)?.[1] ?? '',
      pointColours: [
        ...ser.matchAll(/<c:dPt>[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"/g),
      ].map(m => m[1]),
    }
  })
}

/** What each chart must hold, from data/charts.ts and the figures module. */
function expectedSeries(spec: ChartSpec) {
  const endsOf = (id: FigureId) => ends(figure(id).value)
  // Under a column a two-line category keeps its break; beside a horizontal bar it is one line.
  const lines = (c: string | readonly string[]) => (typeof c === 'string'
    ? c
    : c.join(spec.kind === 'bar' && spec.horizontal
        ? ' '
        : '\n'))
  const hex = (m: Meaning) => PALETTE[m].slice(1).toUpperCase()
  if (spec.kind === 'bar') {
    return spec.series.map(s => ({
      name: s.name,
      categories: spec.categories.map(lines),
      figures: [...s.figures],
      colours: s.figures.map((_, i) => hex(typeof s.meaning === 'string'
        ? s.meaning
        : s.meaning[i])),
      ends: s.figures.map(endsOf),
    }))
  }
  if (spec.kind === 'split') {
    const names = [
      ...new Set(spec.rows.flatMap(r => r.parts.map(p => p.name))),
    ]
    return names.map((name) => {
      const parts = spec.rows.map(r => r.parts.find(p => p.name === name)!)
      return {
        name,
        categories: spec.rows.map(r => r.label),
        figures: parts.map(p => p.figure),
        colours: parts.map(p => hex(p.meaning)),
        ends: parts.map(p => endsOf(p.figure)),
      }
    })
  }
  return spec.lines.map(l => ({
    name: l.name,
    categories: [spec.fromLabel, spec.toLabel],
    figures: [l.from, l.to],
    colours: [
      hex('share'),
      hex('share'),
    ],
    ends: [
      endsOf(l.from),
      endsOf(l.to),
    ],
  }))
}

/** The chart file and its data sheet behind each `chart:<id>` frame on slide n. */
async function chartsOnSlide(n: number): Promise<{ id: ChartId, chartPath: string }[]> {
  const xml = await slideXml(n)
  const rels = await slideRels(n)
  return [
    ...xml.matchAll(/name="chart:(\w+)"[\s\S]*?<c:chart r:id="([^"]+)"/g),
  ].map(([, id, rId]) => {
    const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1]
    if (!target)
      throw new Error(`slide ${n}: chart ${id} has no relationship ${rId}`)
    return {
      id: id as ChartId,
      chartPath: target.startsWith('/')
        ? target.slice(1)
        : `ppt/slides/${target}`.replace(/slides\/\.\.\//, ''),
    }
  })
}

/** Column values of the embedded workbook's first sheet: { B: [15, 77], … } (numbers only). */
async function sheetColumns(chartPath: string): Promise<Record<string, number[]>> {
  const rels = await read(`${chartPath.replace('charts/', 'charts/_rels/')}.rels`)
  const target = /Target="\.\.\/embeddings\/([^"]+\.xlsx)"/.exec(rels)?.[1]
  if (!target)
    throw new Error(`${chartPath} has no embedded workbook`)
  const book = await JSZip.loadAsync(await zip.file(`ppt/embeddings/${target}`)!.async('nodebuffer'))
  const sheet = await book.file('xl/worksheets/sheet1.xml')!.async('string')
  const cols: Record<string, number[]> = {}
  for (const [, col, row, value] of sheet.matchAll(/<c r="([A-Z]+)(\d+)"(?: s="\d+")?><v>([^<]*)<\/v><\/c>/g)) {
    if (Number(row) > 1)
      (cols[col] ??= []).push(Number(value))
  }
  return cols
}

beforeAll(async () => {
  zip = await JSZip.loadAsync(readFileSync(PPTX))
})

describe('the PowerPoint, read back', () => {
  it('has one slide per deck slide, in order, each carrying its title', async () => {
    const slides = Object.keys(zip.files).filter(f => /^ppt\/slides\/slide\d+\.xml$/.test(f))
    expect(slides).toHaveLength(SLIDES.length)
    for (let n = 1; n <= SLIDES.length; n++) expect(plain(textOf(await slideXml(n))), `slide ${n}`).toContain(plain(SLIDES[n - 1].title!))
  })

  it('marks every slide with its part of the paper, as the deck does: the main story, then the pre-read', async () => {
    for (let n = 1; n <= SLIDES.length; n++) {
      const text = plain(textOf(await slideXml(n))).toLowerCase()
      expect(text, `slide ${n}`).toContain(SLIDES[n - 1].frontmatter.part === 'main'
        ? 'for the meeting'
        : 'pre-read')
    }
  })

  it('every slide\'s foot carries the paper\'s reference, classification and "page N of M", as the deck\'s pages do', async () => {
    for (let n = 1; n <= SLIDES.length; n++) expect(squash(textOf(await slideXml(n))), `slide ${n}`).toContain(pageMark(n, SLIDES.length))
  })

  it('names the paper in its properties: title with the reference, author, a one-line subject, keywords, and the particulars as custom properties', async () => {
    const core = await read('docProps/core.xml')
    expect(unescape(/<dc:title>([^<]*)</.exec(core)![1])).toBe(`${PAPER.reference}: ${SLIDES[0].title}`)
    expect(/<dc:creator>([^<]*)</.exec(core)![1]).toBe(SLIDES[0].frontmatter.author)
    const subject = unescape(/<dc:subject>([^<]*)</.exec(core)![1])
    expect(subject).toMatch(/^Board paper on Anthropic's study/)
    expect(subject).toContain(`${versionLine()}. ${PAPER.purpose}: ${resolutionText()}`)
    expect(subject).not.toContain('\n')
    expect(unescape(/<cp:keywords>([^<]*)</.exec(core)![1])).toBe(paperKeywords().join('; '))
    const custom = Object.fromEntries([
      ...(await read('docProps/custom.xml')).matchAll(/name="([^"]+)"><vt:(?:lpwstr|i4)>([^<]*)</g),
    ].map(m => [
      m[1],
      unescape(m[2]),
    ]))
    expect(custom).toMatchObject({
      Reference: PAPER.reference,
      Version: String(PAPER.version),
      Classification: PAPER.classification,
    })
  })

  it('every slide has its speaker notes', async () => {
    for (let n = 1; n <= SLIDES.length; n++) {
      const note = SLIDES[n - 1].note
      expect(note?.trim(), `slides.md gives slide ${n} no notes`).toBeTruthy()
      const rel = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(await slideRels(n))?.[1]
      expect(rel, `slide ${n} has no notes page`).toBeTruthy()
      const notes = plain(textOf(await read(`ppt/notesSlides/${rel}`)))
      // The directors' PowerPoint (npm run build): the notes less the presenter's own paragraphs.
      expect(notes, `slide ${n}'s notes`).toContain(plain(withoutPresenterCues(note!)).slice(0, 80))
      expect(notes, `slide ${n}'s notes`).not.toContain(PRESENTER_CUE)
    }
  })

  it('every chart on a slide is a native chart in the chart’s place, none a picture', async () => {
    let charts = 0
    for (let n = 1; n <= SLIDES.length; n++) {
      const xml = await slideXml(n)
      expect((await chartsOnSlide(n)).map(c => c.id), `slide ${n}`).toEqual(chartIdsInSource(n))
      expect(xml, `slide ${n} still has a chart drawn as a picture`).not.toMatch(/descr="[^"]*canvas"/)
      charts += chartIdsInSource(n).length
    }
    expect(charts).toBe(Object.keys(CHARTS).length)
  })

  it('each chart holds the figures module’s values, labelled as the slide writes them, in the deck’s colours', async () => {
    for (let n = 1; n <= SLIDES.length; n++) {
      for (const { id, chartPath } of await chartsOnSlide(n)) {
        const chartXml = await read(chartPath)
        const spec = CHARTS[id] as ChartSpec
        expect(chartXml, id).toContain(spec.kind === 'slope'
          ? '<c:lineChart>'
          : '<c:barChart>')
        const got = readSeries(chartXml)
        const want = expectedSeries(spec)
        expect(got.map(s => s.name), id).toEqual(want.map(s => s.name))
        want.forEach((w, s) => {
          const where = `${id}, ${w.name}`
          expect(got[s].categories, where).toEqual(w.categories)
          // A bar or point stands at a figure's value, or at the low end of its range…
          expect(got[s].values, where).toEqual(w.ends.map(e => e[0]))
          // …and a range reaches its high end with an error bar.
          const above = w.ends.map(e => e[1] - e[0])
          expect(got[s].plus.length
            ? got[s].plus
            : above.map(() => 0), where).toEqual(above)
          w.figures.forEach((fid, i) => expect(got[s].labels[i], `${where}: label of ${fid}`).toContain(formatWithUnit(figure(fid))))
          const colours = got[s].pointColours.length
            ? got[s].pointColours
            : w.colours.map(() => got[s].colour)
          expect(colours, `${where}: colours`).toEqual(w.colours)
        })
      }
    }
  })

  it('each chart’s data sheet holds the same values, so “Edit Data” opens the figures', async () => {
    for (let n = 1; n <= SLIDES.length; n++) {
      for (const { id, chartPath } of await chartsOnSlide(n)) {
        const want = expectedSeries(CHARTS[id] as ChartSpec)
        const cols = await sheetColumns(chartPath)
        want.forEach((w, s) => expect(cols[String.fromCharCode(66 + s)], `${id}, ${w.name}`).toEqual(w.ends.map(e => e[0])))
      }
    }
  })

  it('a range is shown as a range: the success chart reaches from 28% to 33% and says “28–33%”', async () => {
    const [chart] = (await chartsOnSlide(SLIDES.findIndex(s => s.content.includes('chart="successByExpertise"')) + 1)).filter(c => c.id === 'successByExpertise')
    const skilled = readSeries(await read(chart.chartPath)).find(s => s.name === 'Intermediate or above')!
    expect(skilled.values[0]).toBe(28)
    expect(skilled.plus[0]).toBe(5)
    expect(skilled.labels[0]).toBe('28–33%')
  })

  it('the what-if slide shows the default scenario as a table, with its assumptions', async () => {
    const n = SLIDES.findIndex(s => s.content.includes('<WhatIf')) + 1
    const text = plain(textOf(await slideXml(n)))
    expect(text).toMatch(/Default scenario: [\d,]+ people ×/)
    for (const cell of [
      'Today',
      'If coaching works as assumed',
      'Verified-success sessions a week',
      'At-least-partial-success sessions a week',
    ]) expect(text).toContain(cell)
    expect(text).toMatch(/\d[\d,]*–\d[\d,]*/)
  })

  it('quotations keep their quotation marks, and no print-only text leaks in as tiny type', async () => {
    const n = SLIDES.findIndex(s => s.content.includes('<CirculationTable')) + 1
    expect(textOf(await slideXml(n))).toMatch(/“[^”]+”/)
    for (let k = 1; k <= SLIDES.length; k++) {
      const sizes = [
        ...(await slideXml(k)).matchAll(/<a:rPr[^>]* sz="(\d+)"/g),
      ].map(m => Number(m[1]) / 100)
      expect(Math.min(...sizes), `slide ${k}: smallest type, in points`).toBeGreaterThanOrEqual(7)
    }
  })
})

describe('the PowerPoint, opened in LibreOffice Impress', () => {
  let pdf: string
  beforeAll(() => {
    pdf = convertToPdf(PPTX, mkdtempSync(join(tmpdir(), 'deck-impress-')))
  })

  it('converts to one page per slide, each with its slide’s title', () => {
    expect(pdfPages(pdf)).toBe(SLIDES.length)
    SLIDES.forEach((s, i) => expect(plain(pdfText(pdf, i + 1)), `page ${i + 1}`).toContain(plain(s.title!)))
  })

  it('draws each chart’s values and every category name on its slide’s page', () => {
    SLIDES.forEach((_, i) => {
      const text = plain(pdfText(pdf, i + 1))
      for (const id of chartIdsInSource(i + 1)) {
        for (const w of expectedSeries(CHARTS[id] as ChartSpec)) {
          for (const fid of w.figures) expect(text, `page ${i + 1}, ${id}`).toContain(formatWithUnit(figure(fid)))
          // A name set over two lines is read line by line: beside another two-line name, poppler reads across both.
          for (const line of w.categories.flatMap(c => c.split('\n'))) expect(text, `page ${i + 1}, ${id}: category`).toContain(plain(line))
        }
      }
    })
  })

  it('keeps every word on its slide: no text box runs off the page', () => {
    expect(pdfWordsOffPage(pdf)).toEqual([])
  })
})
