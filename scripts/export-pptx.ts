#!/usr/bin/env -S npx tsx
// `npm run export:pptx`: the deck as an editable PowerPoint, exports/board-deck-agentic-coding.pptx
// (or in the folder given with --out), for secretaries and CEOs' offices who edit, restyle or lift
// slides into another paper.
//
// Slidev's own editable export (`slidev export --format pptx-editable`) does the text, layout and
// speaker notes: every text box editable, every slide's notes. It draws charts as pictures, so this
// script runs that exporter on our own print view and, as it writes each slide, puts a native
// PowerPoint chart where Slidev would have put a chart's picture: same place, same size, the values of
// the figures module in its data sheet (scripts/pptx/native-charts.ts). Why not the CLI: the CLI
// opens the print view itself, and the print view lays each chart's data table over the chart as
// transparent text for the PDF; Slidev's exporter turns that into visible 4-point black text.
import type { Page } from 'playwright-chromium'
import type { ChartId, ScorecardChartId } from '../data/charts'
import type { PlotLayout } from '../shared/dom-hooks.ts'
import type { NativeChart, PlotFrame } from './pptx/native-charts'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import JSZip from 'jszip'
import { chromium } from 'playwright-chromium'
import PptxGenJS from 'pptxgenjs'
import { CHARTS } from '../data/charts'
import { tableRows } from '../shared/charts/build'
import { scorecardChartModel } from '../shared/charts/scorecard'
import { ANY_CHART, CHART_ATTR, PLOT_ATTR, PRINT_TEXT_CLASS, SCORECARD_CHART_ATTR } from '../shared/dom-hooks.ts'
import { exportAudience } from '../vite/presenter-notes.ts'
import { readScorecard } from '../vite/scorecard-files.ts'
import { CHROMIUM_ARGS, ensureChromium } from './install/chromium.ts'
import { asCommand, commandLine } from './lib/cli.ts'
import { DECK_NAME, run } from './lib/run.ts'
import { openPrintView, startSlidev } from './lib/slidev-print.ts'
import { paperDocProps, setDocProps } from './pptx/doc-props.ts'
import { addNativeChart, labelOffsets, nativeChart, roomForCategories } from './pptx/native-charts'
import { patchChartXml } from './pptx/patch-chart-xml'
import { addScorecardChart } from './pptx/scorecard-charts'
import { EMU_PER_PT, fitTextFrames, interMetrics } from './pptx/text-fit'

interface Box {
  x: number
  y: number
  w: number
  h: number
}
/** A deck chart or one of our scorecard charts, by its id in data/charts.ts, with its plot as chart.js drew it. */
type ChartBox = Box & { plot?: PlotFrame } & ({ chart: ChartId } | { scorecard: ScorecardChartId })

asCommand()
const { values: args } = commandLine({
  options: {
    out: { type: 'string', default: 'exports' },
  },
})
const outDir = resolve(args.out)
mkdirSync(outDir, { recursive: true })
// The directors' copy (its notes without the presenter's cues) unless PAPER_AUDIENCE=presenter asks for the
// presenter's, which is named so that it is not sent with the pack.
const forWhom = exportAudience('pack')
const output = join(outDir, forWhom === 'presenter'
  ? `${DECK_NAME}-presenter.pptx`
  : `${DECK_NAME}.pptx`)

run('npx', ['tsx', 'scripts/validate-figures.ts'])
const exporter = await slidevEditableExporter()
const executable = ensureChromium()
// The quarters the slides draw (SCORECARD_DIR or data/scorecard/, as Slidev's server reads them), for the native scorecard charts.
const scorecard = readScorecard()
// The deck's Inter, to measure text: text frames (finishPptx) and category names (hookCharts).
const metrics = await interMetrics()
const slidev = await startSlidev()
const work = mkdtempSync(join(tmpdir(), 'deck-pptx-'))
const browser = await chromium.launch({ executablePath: executable, args: CHROMIUM_ARGS })
try {
  const total: number = slidev.slides.length
  const page = await browser.newPage({
    viewport: { width: slidev.width, height: slidev.height * total },
  })
  let boxes: ChartBox[][] = []
  const placed: { slide: number, chart: string }[] = []
  // Each native chart's plot, by its shape name, for the labels finishPptx adds.
  const plots = new Map<string, PlotFrame>()
  const unhook = hookCharts(() => boxes, placed, plots)
  try {
    const result = await exporter.exportPptxEditable(
      {
        page,
        slides: slidev.slides,
        width: slidev.width,
        height: slidev.height,
        pages: Array.from({ length: total }, (_, i) => i + 1),
        go: async () => {
          await openPrintView(page, slidev.port)
          boxes = await prepareForPowerPoint(page)
        },
      },
      join(work, 'slidev.pptx'),
    )
    exporter.reportEditableExport(result)
    const expected = boxes.flat().length
    if (placed.length !== expected) {
      throw new Error(`${expected} charts on the slides, but ${placed.length} became PowerPoint charts: Slidev's exporter did not hand over every chart picture`)
    }
    writeFileSync(output, await finishPptx(readFileSync(result.output), slidev.slides[0], plots))
    console.log(`✓ deck PPTX, for ${forWhom}: ${output} (${total} slides, ${placed.length} native charts)`)
  }
  finally {
    unhook()
  }
}
finally {
  await browser.close()
  await slidev.close()
  rmSync(work, { recursive: true, force: true })
}

/**
 * Slidev's editable exporter, from the CLI's own files: it is not part of @slidev/cli's public API,
 * so find it by what it exports and say clearly when an upgrade has moved it.
 */
async function slidevEditableExporter() {
  const cli = dirname(createRequire(import.meta.url).resolve('@slidev/cli/package.json'))
  for (const file of readdirSync(join(cli, 'dist')).filter(f => /^pptx-.*\.mjs$/.test(f))) {
    const mod = await import(pathToFileURL(join(cli, 'dist', file)).href)
    if (typeof mod.exportPptxEditable === 'function')
      return mod
  }
  throw new Error(`Slidev's editable PowerPoint exporter (exportPptxEditable) was not found in ${cli}/dist; this script was written for @slidev/cli 53.`)
}

/**
 * In the page, before Slidev reads it: drop each chart's print-only data table (the native chart
 * carries the values), write the quotation marks of <q> out as text (PowerPoint has no ::before),
 * and say where each chart's canvas is on its slide.
 */
async function prepareForPowerPoint(page: Page): Promise<ChartBox[][]> {
  return page.evaluate(({ printText, anyChart, chartAttr, scorecardAttr, plotAttr }) => {
    document.querySelectorAll(`table.${printText}`).forEach(t => t.remove())
    // (No named functions in here: tsx would wrap them in a helper the page does not have.)
    for (const q of document.querySelectorAll('q')) {
      // `content` is "open-quote"/"close-quote" (the deck's English marks) or a quoted string.
      const [open, close] = ['::before', '::after'].map(pseudo =>
        ({
          'open-quote': '“',
          'close-quote': '”',
          'none': '',
          'normal': '',
        })[getComputedStyle(q, pseudo).content] ?? getComputedStyle(q, pseudo).content.replace(/^"(.*)"$/, '$1'),
      )
      q.prepend(open)
      q.append(close)
    }
    const style = document.createElement('style')
    style.textContent = 'q::before, q::after { content: none !important; }'
    document.head.append(style)
    return [
      ...document.querySelectorAll('.print-slide-container'),
    ].map((slide) => {
      const origin = slide.getBoundingClientRect()
      return [
        ...slide.querySelectorAll<HTMLElement>(anyChart),
      ].map((fig) => {
        const canvas = fig.querySelector('canvas')!
        const r = canvas.getBoundingClientRect()
        // The plot in canvas pixels (PLOT_ATTR), as fractions of the canvas: the slide may be scaled, the fractions are not.
        const drawn = JSON.parse(canvas.getAttribute(plotAttr) ?? 'null') as PlotLayout | null
        const [cw, ch] = [canvas.clientWidth, canvas.clientHeight]
        const at = {
          x: r.x - origin.x,
          y: r.y - origin.y,
          w: r.width,
          h: r.height,
          plot: drawn && cw && ch
            ? {
                x: drawn.left / cw,
                y: drawn.top / ch,
                w: (drawn.right - drawn.left) / cw,
                h: (drawn.bottom - drawn.top) / ch,
                max: drawn.max,
                step: drawn.step,
              }
            : undefined,
        }
        const chart = fig.getAttribute(chartAttr)
        return chart
          ? { chart: chart as ChartId, ...at }
          : {
              scorecard: fig.getAttribute(scorecardAttr) as ScorecardChartId,
              ...at,
            }
      })
    })
  }, {
    printText: PRINT_TEXT_CLASS,
    anyChart: ANY_CHART,
    chartAttr: CHART_ATTR,
    scorecardAttr: SCORECARD_CHART_ATTR,
    plotAttr: PLOT_ATTR,
  })
}

/**
 * While Slidev's exporter writes the deck, a chart's picture (Slidev names it "Rendered as an image
 * because of CSS canvas") becomes a native chart in the same box. Slidev loads the same pptxgenjs
 * module as this script, so wrapping its addSlide reaches every slide Slidev adds.
 */
function hookCharts(boxesOf: () => ChartBox[][], placed: { slide: number, chart: string }[], plots: Map<string, PlotFrame>) {
  const proto = PptxGenJS.prototype as unknown as { addSlide: (...a: unknown[]) => PptxGenJS.Slide }
  const original = proto.addSlide
  let slideIndex = -1
  proto.addSlide = function (this: PptxGenJS, ...a: unknown[]) {
    const slide = original.apply(this, a)
    const index = ++slideIndex
    const addImage = slide.addImage.bind(slide)
    slide.addImage = (options: PptxGenJS.ImageProps) => {
      if (!options.altText?.endsWith('canvas'))
        return addImage(options)
      const px = (inches: unknown) => Number(inches) * 96
      const box = boxesOf()[index]?.find(b => Math.abs(b.x - px(options.x)) < 2 && Math.abs(b.y - px(options.y)) < 2)
      if (!box)
        throw new Error(`Slide ${index + 1}: a canvas at (${px(options.x)}, ${px(options.y)}) is not a deck chart`)
      const place = {
        x: options.x,
        y: options.y,
        w: options.w,
        h: options.h,
      }
      if ('scorecard' in box) {
        // One of our own measures: bars by quarter, study figures or the budget as dashed lines.
        const spec = scorecardChartModel(box.scorecard, scorecard)
        const values = spec.bars.map(x => `${x.name}: ${spec.categories.map((c, i) => `${c} ${x.values[i] === null
          ? 'no data'
          : Number(x.values[i]!.toFixed(2))}`).join(', ')}`)
        addScorecardChart(this, slide, spec, {
          ...place,
          objectName: `scorecard:${spec.title}`,
          altText: `${spec.title}. ${[
            ...values,
            ...spec.lines.map(l => `${l.name}`),
          ].join('; ')}.`,
        }, box.plot)
        placed.push({ slide: index + 1, chart: `scorecard:${spec.title}` })
        return slide
      }
      const chart = nativeChart(box.chart)
      const plot = box.plot && roomForCategories(chart, box.plot, Number(options.w) * 72, (text, sizePt) => metrics.width({
        text,
        sizePt,
        bold: false,
        spacingPt: 0,
      }))
      const title = CHARTS[box.chart].title
      const values = tableRows(CHARTS[box.chart]).map(r => `${r.label}: ${r.value}`).join('; ')
      if (plot)
        plots.set(`chart:${box.chart}`, plot)
      addNativeChart(this, slide, chart, {
        ...place,
        objectName: `chart:${box.chart}`,
        altText: `${title}. ${values}.`,
      }, plot)
      placed.push({ slide: index + 1, chart: box.chart })
      return slide
    }
    return slide
  }
  return () => {
    proto.addSlide = original
  }
}

/**
 * Adds the slide's own labels and ranges to each native chart (scripts/pptx/patch-chart-xml.ts), fits every
 * text frame to its text at the deck's font (scripts/pptx/text-fit.ts), and sets the paper's properties.
 */
async function finishPptx(pptx: Buffer, cover: { title?: string, frontmatter?: Record<string, unknown> }, plots: Map<string, PlotFrame>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(pptx)
  const slideFiles = Object.keys(zip.files).filter(f => /^ppt\/slides\/slide\d+\.xml$/.test(f))
  const [, cx, cy] = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(await zip.file('ppt/presentation.xml')!.async('string'))!.map(Number)
  const size = { w: cx / EMU_PER_PT, h: cy / EMU_PER_PT }
  for (const file of slideFiles) {
    const xml = fitTextFrames(await zip.file(file)!.async('string'), metrics, size)
    zip.file(file, xml)
    const rels = await zip.file(`${file.replace('slides/', 'slides/_rels/')}.rels`)!.async('string')
    for (const [, id, cy, rId] of xml.matchAll(/name="chart:([^"]+)"[\s\S]*?<a:ext cx="\d+" cy="(\d+)"\/>[\s\S]*?<c:chart r:id="([^"]+)"/g)) {
      const target = new RegExp(`Id="${rId}"[^>]*Target="(?:\\.\\.|/ppt)/charts/([^"]+)"`).exec(rels)?.[1]
      if (!target)
        throw new Error(`${file}: chart "${id}" points at ${rId}, which is not a chart`)
      const chartFile = `ppt/charts/${target}`
      const chart: NativeChart = nativeChart(id as ChartId)
      const offsets = labelOffsets(chart, Number(cy) / 914400, plots.get(`chart:${id}`)) // EMU to inches
      zip.file(chartFile, patchChartXml(await zip.file(chartFile)!.async('string'), chart, offsets))
    }
  }
  // The paper's properties, as the PDF's, for a board portal's index (scripts/pptx/doc-props.ts).
  await setDocProps(zip, paperDocProps(cover.title ?? String(cover.frontmatter?.title ?? DECK_NAME), cover.frontmatter?.info))
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}
