#!/usr/bin/env node
// `npm run export`: the deck as a PDF for the board pack, one page per slide, builds in their final
// state, charts at their final values (no animation in print mode). Navigable and accessible: one
// bookmark per slide named by its title, a tagged structure, the document language, title, author
// and subject, and each chart's values as text on its page. `npm run export:notes`: the speaker notes.
// `npm run export:handout`: the reader view as a portrait handout. The handout and the notes are printed on the
// paper data/paper.ts names (paperSize), or on the one given with --paper A4|Letter.
// All land in exports/ (or the folder given with --out).
//
// Why not `slidev export`: it prints with Playwright and then rewrites the file with pdf-lib, which
// drops Chromium's tags, and it has no switch for Chromium's own outline. So this script starts
// Slidev's server the way `slidev export` does (scripts/lib/slidev-print.ts), opens the same print
// view with our Chromium, and asks Chromium for a tagged PDF with an outline.
import type { SlideInfo } from '@slidev/types'
import type { Page } from 'playwright-chromium'
import type { PaperSize } from '../data/paper.ts'
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib'
import { chromium } from 'playwright-chromium'
import { formatDate } from '../data/format.ts'
import { PAPER, PAPER_SIZES, paperMark } from '../data/paper.ts'
import { PRESENTER_NOTES_FILE } from '../shared/deck-name.ts'
import { everyChartReady, READY_ATTR } from '../shared/dom-hooks.ts'
import { slideTitle } from '../shared/slide-title.ts'
import { audience, AUDIENCE_ENV, exportAudience } from '../vite/presenter-notes.ts'
import { CHROMIUM_ARGS, ensureChromium } from './install/chromium.ts'
import { asCommand, commandLine, UserError } from './lib/cli.ts'
import { DECK_NAME, run } from './lib/run.ts'
import { openPrintView, startSlidev } from './lib/slidev-print.ts'
import { paperDocProps } from './pptx/doc-props.ts'

asCommand()
const { values: args } = commandLine({
  options: {
    notes: { type: 'boolean' },
    handout: { type: 'boolean' },
    paper: { type: 'string' },
    out: { type: 'string', default: 'exports' },
  },
})
const { notes, handout } = args
if (notes && handout)
  throw new UserError('choose one of --notes and --handout')
if (notes && audience() === 'directors')
  throw new UserError(`the speaker notes are the presenter's: export them without ${AUDIENCE_ENV}=directors`)
// The notes are the presenter's; the deck PDF and the handout are the directors' (no presenter cue) unless asked.
const forWhom = exportAudience(notes ? 'notes' : 'pack')
const paperSize = (args.paper ?? PAPER.paperSize) as PaperSize
if (!PAPER_SIZES.includes(paperSize))
  throw new UserError(`--paper must be one of ${PAPER_SIZES.join(', ')}, got ${JSON.stringify(args.paper)}`)
if (args.paper && !notes && !handout)
  throw new UserError('--paper sets the paper of the handout and the notes; the deck PDF is one slide a page')
const outDir = resolve(args.out)
mkdirSync(outDir, { recursive: true })

run('npx', ['tsx', 'scripts/validate-figures.ts'])
const executable = ensureChromium()

const slidev = await startSlidev()
const { options, port } = slidev
const browser = await chromium.launch({ executablePath: executable, args: CHROMIUM_ARGS })
try {
  if (notes)
    await exportNotes()
  else if (handout)
    await exportHandout()
  else await exportDeck()
}
finally {
  await browser.close()
  await slidev.close()
}

async function exportDeck() {
  const { width, height } = slidev
  const total = slidev.slides.length
  const output = resolve(outDir, `${DECK_NAME}.pdf`)
  const page = await browser.newPage({
    viewport: { width, height: height * total },
  })
  await openPrintView(page, port)
  const pdf = await page.pdf({
    width,
    height,
    margin: { left: 0, top: 0, right: 0, bottom: 0 },
    printBackground: true,
    preferCSSPageSize: true,
    tagged: true, // structure for screen readers (headings, paragraphs, tables), and the language
    outline: true, // a bookmark for each slide's heading
    pageRanges: `1-${total}`,
  })
  const lang = (await page.evaluate(() => document.documentElement.lang)) || 'en'
  const titles = options.data.slides.map((slide, i) => (slide.title
    ? slideTitle(slide.title)
    : `Slide ${i + 1}`))
  writeFileSync(output, await withMetadata(pdf, options.data.slides[0], lang, titles))
  console.log(`✓ deck PDF, for ${forWhom}: ${output}`)
}

/**
 * Title, author, subject, keywords and language in the document information, for a board portal's index: the
 * title leads with the paper's reference, the subject says what the paper is, for which meeting and item, which
 * version, and what the board is asked to resolve; the keywords carry the particulars (data/paper.ts).
 * pdf-lib rewrites only the information dictionary and the catalog's /Lang: the tags and the outline
 * Chromium wrote are kept (the tests read the result with poppler).
 */
async function withMetadata(bytes: Uint8Array, cover: SlideInfo, lang: string, titles: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false })
  oneBookmarkPerSlide(doc, titles)
  const fm = cover.frontmatter ?? {}
  // The same title, subject and keywords as the PowerPoint's properties.
  const props = paperDocProps(cover.title ?? fm.title ?? DECK_NAME, fm.info)
  doc.setTitle(props.title, { showInWindowTitleBar: true })
  if (fm.author)
    doc.setAuthor(String(fm.author))
  doc.setSubject(props.subject)
  doc.setKeywords([props.keywords]) // one string: each keyword has spaces of its own
  doc.setCreator('Slidev, printed by Chromium')
  doc.setLanguage(lang)
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines')) // open with the bookmarks showing
  return doc.save()
}

/**
 * Chromium makes a bookmark of every heading: each slide's title, and under the concern slides their
 * "Evidence", "Decision" and "We will measure". A board portal's contents wants one entry per slide,
 * named exactly as the slide is, so keep the top level, drop what hangs under it, and name each entry
 * from the deck's own titles. Fails loudly if the top level is not one entry per slide.
 */
function oneBookmarkPerSlide(doc: PDFDocument, titles: string[]): void {
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  if (!outlines)
    throw new Error('Chromium wrote no outline: the PDF would have no bookmarks')
  const items: PDFDict[] = []
  for (let ref = outlines.get(PDFName.of('First')); ref; ref = items.at(-1)!.get(PDFName.of('Next'))) items.push(doc.context.lookup(ref, PDFDict))
  if (items.length !== titles.length)
    throw new Error(`the PDF outline has ${items.length} top-level bookmarks for ${titles.length} slides`)
  items.forEach((item, i) => {
    for (const key of ['First', 'Last', 'Count']) item.delete(PDFName.of(key))
    item.set(PDFName.of('Title'), PDFHexString.fromText(titles[i]))
  })
  outlines.set(PDFName.of('Count'), doc.context.obj(items.length))
}

/**
 * `npm run export:handout` (`-- --paper Letter` for US Letter once): the reader view printed portrait, each slide
 * with its reader text, for a board member who reads on paper. The page is laid out at the printable
 * width first, so what prints is what the reader view shows at that width; charts at final values.
 */
async function exportHandout() {
  const output = resolve(outDir, `${DECK_NAME}-handout.pdf`)
  const paper = paperSize === 'Letter'
    ? { format: 'Letter', width: 8.5 }
    : { format: 'A4', width: 8.27 }
  const marginInches = 0.5
  const page = await browser.newPage({
    viewport: {
      width: Math.floor((paper.width - 2 * marginInches) * 96),
      height: 1000,
    },
  })
  // Laid out with the print styles from the start, so each slide is sized for the printed column (a size measured
  // on screen would not be measured again when Chromium prints).
  await page.emulateMedia({ media: 'print', colorScheme: 'light' })
  await page.goto(`http://localhost:${port}/#/read`, { waitUntil: 'networkidle', timeout: 90_000 })
  await page.waitForFunction(n => document.querySelectorAll('.reader__entry').length === n && document.querySelector('.reader canvas'), slidev.slides.length, { timeout: 60_000 })
  await page.waitForFunction(everyChartReady, { scope: '.reader', attr: READY_ATTR }, { timeout: 60_000 })
  const margin = `${marginInches}in`
  await addPageFurniture(page, margin)
  const pdf = await page.pdf({
    format: paper.format,
    printBackground: true,
    tagged: true,
    outline: true,
    margin: {
      top: margin,
      bottom: margin,
      left: margin,
      right: margin,
    },
  })
  writeFileSync(output, await titled(pdf, 'handout', page))
  console.log(`✓ handout PDF (${paper.format}, portrait), for ${forWhom}: ${output}`)
}

/**
 * The handout's and the notes' title ("<deck title>: handout"), shown in the viewer's title bar rather than the
 * file name (/DisplayDocTitle, PDF/UA), the author, and the page's language in the catalog (/Lang).
 */
async function titled(pdf: Uint8Array, what: string, page: Page): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false })
  const cover = slidev.slides[0]
  doc.setTitle(`${cover.title ?? DECK_NAME}: ${what}`, { showInWindowTitleBar: true })
  if (cover.frontmatter?.author)
    doc.setAuthor(String(cover.frontmatter.author))
  doc.setLanguage((await page.evaluate(() => document.documentElement.lang)) || 'en')
  return doc.save()
}

/**
 * The board paper's page furniture for a PDF that Chromium paginates (the handout, the notes): each page's foot
 * says "<reference> · <classification> · page N of M" (data/paper.ts), in the deck's Inter, from a CSS page-margin
 * box. (Chromium's own footer template cannot see the page's fonts and embeds a fallback.) The deck PDF has one
 * page per slide, and each slide carries the same words (global-bottom.vue).
 */
async function addPageFurniture(page: Page, bottom: string): Promise<void> {
  const quoted = JSON.stringify(`${paperMark()} · page `)
  await page.addStyleTag({
    content: `@page { margin-bottom: ${bottom}; @bottom-center { content: ${quoted} counter(page) " of " counter(pages); font-family: 'Inter', sans-serif; font-size: 8pt; color: #444; } }`,
  })
}

async function exportNotes() {
  // Slidev's own export-notes cannot be pointed at a system Chromium: print its notes page ourselves.
  const output = resolve(outDir, PRESENTER_NOTES_FILE)
  const page = await browser.newPage()
  await page.goto(`http://localhost:${port}/#/presenter/print`, { waitUntil: 'networkidle', timeout: 90_000 })
  await page.waitForLoadState('networkidle')
  await page.emulateMedia({ media: 'screen' })
  // Slidev heads the notes with the time of printing in the browser's own style; say which paper they belong to instead.
  await page.evaluate((line) => {
    const when = document.querySelector('#page-root .mb-10 > .opacity-50')
    if (!when)
      throw new Error('Slidev\'s notes page has no date line under its title')
    when.textContent = line
  }, `Speaker notes for version ${PAPER.version}, issued ${formatDate(PAPER.issuedOn)}`)
  await addPageFurniture(page, '0.45in')
  const pdf = await page.pdf({
    format: paperSize,
    printBackground: true,
    tagged: true, // headings and paragraphs for a screen reader, as the deck and the handout have
    outline: true,
    margin: {
      top: '0.3in',
      right: 0,
      bottom: '0.45in',
      left: 0,
    },
  })
  writeFileSync(output, await titled(pdf, 'speaker notes', page))
  console.log(`✓ speaker-notes PDF, for the presenter only (with the "Presenter:" cues): ${output}`)
}
