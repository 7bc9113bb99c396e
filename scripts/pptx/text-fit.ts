/**
 * The PowerPoint's text frames, read from a slide's XML and measured with the deck's own Inter (the
 * files scripts/fonts.ts writes into styles/fonts/), shaped by HarfBuzz: how wide each line is and how
 * many lines a wrapping frame needs. PowerPoint and LibreOffice clip or spill text that does not fit
 * its frame, so the exporter sizes frames with this (fitTextFrames) and the tests check them with it.
 * Everything is in points; DrawingML stores EMUs (12,700 a point) and type in hundredths of a point.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fontverter from 'fontverter'
import { Blob, Face, Font, Buffer as HbBuffer, shape } from 'harfbuzzjs'

export const EMU_PER_PT = 12_700

export interface Run {
  text: string
  sizePt: number
  bold: boolean
  /** DrawingML `spc`: extra space after each character, in points. */
  spacingPt: number
}

export interface Paragraph {
  /** The paragraph's lines as written: runs split at each `<a:br/>`. */
  lines: Run[][]
  /** Exact line spacing (`a:lnSpc/a:spcPts`), or none: the font's own line height. */
  lineSpacingPt?: number
}

export interface TextFrame {
  /** The shape's name in the slide (`Text 3`). */
  name: string
  x: number
  y: number
  w: number
  h: number
  /** `wrap="square"`: the renderer breaks lines at the frame's width; otherwise each line is as written. */
  wrap: boolean
  paragraphs: Paragraph[]
  /** All the frame's text, for messages. */
  text: string
  /** The `<p:sp>` element as it stands in the slide. */
  xml: string
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, '\'').replace(/&amp;/g, '&')
const attr = (xml: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1]

function paragraph(p: string, scale = 1): Paragraph {
  const lines: Run[][] = [[]]
  // Runs and soft breaks in document order.
  for (const [item] of p.matchAll(/<a:r>[\s\S]*?<\/a:r>|<a:br\b[^>]*?(?:\/>|>[\s\S]*?<\/a:br>)/g)) {
    if (item.startsWith('<a:br')) {
      lines.push([])
      continue
    }
    const rPr = /<a:rPr\b[^>]*>/.exec(item)?.[0] ?? ''
    lines.at(-1)!.push({
      text: unescapeXml(/<a:t>([^<]*)<\/a:t>/.exec(item)?.[1] ?? ''),
      sizePt: (Number(attr(rPr, 'sz') ?? 1800) / 100) * scale,
      bold: attr(rPr, 'b') === '1',
      spacingPt: Number(attr(rPr, 'spc') ?? 0) / 100,
    })
  }
  const spacing = /<a:lnSpc><a:spcPts val="(\d+)"\/><\/a:lnSpc>/.exec(p)?.[1]
  return {
    lines,
    lineSpacingPt: spacing
      ? Number(spacing) / 100
      : undefined,
  }
}

/** Every shape with text on a slide, in order. Pictures, charts and empty shapes are left out. */
export function textFrames(slideXml: string): TextFrame[] {
  return [
    ...slideXml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g),
  ].flatMap(([xml]) => {
    if (!xml.includes('<a:t>'))
      return []
    const [, x, y, w, h] = /<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(xml)!.map(Number)
    const body = /<a:bodyPr\b[^>]*>/.exec(xml)?.[0] ?? ''
    // Type shrunk to fit (`a:normAutofit fontScale`, in thousandths of a percent), as PowerPoint and LibreOffice draw it.
    const scale = Number(/<a:normAutofit fontScale="(\d+)"/.exec(xml)?.[1] ?? 100_000) / 100_000
    const paragraphs = [
      ...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g),
    ].map(m => paragraph(m[1], scale))
    return [
      {
        name: attr(/<p:cNvPr\b[^>]*>/.exec(xml)?.[0] ?? '', 'name') ?? '',
        x: x / EMU_PER_PT,
        y: y / EMU_PER_PT,
        w: w / EMU_PER_PT,
        h: h / EMU_PER_PT,
        wrap: attr(body, 'wrap') !== 'none',
        paragraphs,
        text: paragraphs.map(p => p.lines.map(l => l.map(r => r.text).join('')).join('\n')).join('\n'),
        xml,
      },
    ]
  })
}

/** Widths and line heights at the deck's font. */
export interface Metrics {
  /** A run's advance width, in points. */
  width: (run: Run) => number
  /** The font's line height (ascender + descender + line gap) in ems: a line's height where no spacing is set. */
  lineEm: number
  /** The glyphs' own height (ascender + descender) in ems: the box Chromium measures a line of text by. */
  contentEm: number
}

const FONT_DIR = fileURLToPath(new URL('../../styles/fonts/', import.meta.url))

/**
 * Inter as the deck ships it. A bold run is measured at 700: DrawingML can only say "bold", and
 * PowerPoint and LibreOffice set it in Inter Bold, even where the slide used semibold (600).
 */
export async function interMetrics(): Promise<Metrics> {
  const load = async (weight: number) => {
    const face = new Face(new Blob(await fontverter.convert(readFileSync(`${FONT_DIR}inter-${weight}.woff2`), 'sfnt')), 0)
    return {
      face,
      font: new Font(face),
    }
  }
  const regular = await load(400)
  const bold = await load(700)
  const cache = new Map<string, number>()
  const advance = (text: string, isBold: boolean) => {
    const key = `${isBold
      ? 'b'
      : 'r'}${text}`
    let units = cache.get(key)
    if (units === undefined) {
      const { font } = isBold
        ? bold
        : regular
      const buffer = new HbBuffer()
      buffer.addText(text)
      buffer.guessSegmentProperties()
      shape(font, buffer)
      units = buffer.getGlyphPositions().reduce((sum, p) => sum + p.xAdvance, 0)
      cache.set(key, units)
    }
    return units
  }
  const { ascender, descender, lineGap } = regular.font.hExtents()
  const upem = regular.face.upem
  return {
    width: run => (advance(run.text, run.bold) / upem) * run.sizePt + run.spacingPt * [...run.text].length,
    lineEm: (ascender - descender + lineGap) / upem,
    contentEm: (ascender - descender) / upem,
  }
}

const lineWidth = (runs: Run[], m: Metrics) => runs.reduce((sum, r) => sum + m.width(r), 0)
const largest = (runs: Run[]) => Math.max(0, ...runs.map(r => r.sizePt))

/**
 * A written line broken at spaces to fit `width`, as a renderer does: the widths of the lines it
 * becomes. A word wider than the frame stays whole on its own line (and is reported by its width).
 */
function wrapLine(runs: Run[], width: number, m: Metrics): number[] {
  // Words with the space after them, each a list of pieces of runs (a word can change style mid-way).
  const words: { pieces: Run[], trailing: number }[] = []
  let pieces: Run[] = []
  for (const run of runs) {
    for (const part of run.text.split(/(?<= )/)) {
      const word = part.replace(/ +$/, '')
      if (word)
        pieces.push({ ...run, text: word })
      if (part.endsWith(' ')) {
        words.push({
          pieces,
          trailing: m.width({
            ...run,
            text: part.slice(word.length),
          }),
        })
        pieces = []
      }
    }
  }
  if (pieces.length)
    words.push({ pieces, trailing: 0 })
  const widths: number[] = []
  let current = 0
  let pending = 0 // the space after the last word on the line, counted only if another word follows
  let started = false
  for (const { pieces: p, trailing } of words) {
    const w = lineWidth(p, m)
    if (started && current + pending + w > width) {
      widths.push(current)
      current = w
    }
    else {
      current += (started
        ? pending
        : 0) + w
    }
    started = true
    pending = trailing
  }
  widths.push(current)
  return widths
}

export interface FrameLayout {
  /** The widest line's width, after wrapping. */
  width: number
  /** The text's height: its lines at their spacing. */
  height: number
  lines: number
}

/** How the frame's text lays out at the deck's font: its lines at the frame's width (if it wraps) and their height. */
export function layoutFrame(frame: TextFrame, m: Metrics): FrameLayout {
  let width = 0
  let height = 0
  let lines = 0
  for (const p of frame.paragraphs) {
    for (const line of p.lines) {
      const widths = frame.wrap
        ? wrapLine(line, frame.w, m)
        : [
            lineWidth(line, m),
          ]
      width = Math.max(width, ...widths)
      lines += widths.length
      height += widths.length * (p.lineSpacingPt ?? largest(line) * m.lineEm)
    }
  }
  return {
    width,
    height,
    lines,
  }
}

/** A `<p:sp>`'s own fill (not its outline's) as opaque RGB over `under`, or none. */
function fillOf(spXml: string, under: number[]): number[] | undefined {
  const spPr = /<p:spPr>([\s\S]*?)<\/p:spPr>/.exec(spXml)?.[1]?.replace(/<a:ln\b[\s\S]*?<\/a:ln>/g, '') ?? ''
  const fill = /<a:solidFill><a:srgbClr val="([0-9A-Fa-f]{6})"(?:\/>|><a:alpha val="(\d+)"\/><\/a:srgbClr>)/.exec(spPr)
  return fill
    ? blend(fill[1], fill[2], under)
    : undefined
}

function blend(hex: string, alpha: string | undefined, under: number[]): number[] {
  const a = alpha === undefined
    ? 1
    : Number(alpha) / 100_000
  return [0, 2, 4].map((i, k) => Math.round(Number.parseInt(hex.slice(i, i + 2), 16) * a + under[k] * (1 - a)))
}
const toHex = (rgb: number[]) => rgb.map(c => c.toString(16).padStart(2, '0')).join('').toUpperCase()

export interface SlideSize {
  /** Points. */
  w: number
  h: number
}

const emu = (pt: number) => Math.round(pt * EMU_PER_PT)

/** Extra width a single-line frame keeps beyond its measured text: LibreOffice sets small type up to 1% wider than HarfBuzz. */
export const WIDTH_MARGIN = (width: number) => width * 0.02 + 1

/**
 * Makes every text frame on a slide hold its text as PowerPoint and LibreOffice draw it, without moving
 * a line from where the slide has it:
 * - translucent text (the slide's muted ink, black at 70%) becomes the opaque colour it shows on what
 *   lies under it: LibreOffice draws translucent text in a group it clips to a box measured without
 *   letter spacing, cutting off the last letters ("FOR THE MEETIN", "page 7 of 3");
 * - a frame with exact line spacing starts that much higher: both renderers put a line's extra height
 *   above its text, where Chromium splits it above and below, so every multi-line frame sat lower than
 *   the slide's (a list's text a line below its bullet, paragraphs running into the next);
 * - a single-line frame is as wide as its text at the deck's font, plus WIDTH_MARGIN, no wider (Slidev's
 *   fixed slack ran frames into their neighbours and off the slide's right edge), kept on the slide;
 * - a paragraph keeps only its first `<a:pPr>` (pptxgenjs writes one before each run; the schema allows one).
 */
export function fitTextFrames(slideXml: string, m: Metrics, slide: SlideSize): string {
  const bg = /<p:bg>[\s\S]*?<a:srgbClr val="([0-9A-Fa-f]{6})"/.exec(slideXml)?.[1]
  const slideColour = bg
    ? blend(bg, undefined, [255, 255, 255])
    : [255, 255, 255]
  // Filled shapes drawn so far, in z-order: what lies under each text frame.
  const fills: { x: number, y: number, w: number, h: number, rgb: number[] }[] = []
  return slideXml.replace(/<p:sp>[\s\S]*?<\/p:sp>/g, (sp) => {
    const frame = textFrames(sp)[0]
    if (!frame) {
      const at = /<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(sp)
      if (at) {
        const [x, y, w, h] = at.slice(1).map(v => Number(v) / EMU_PER_PT)
        const under = fills.findLast(f => within(f, x + w / 2, y + h / 2))?.rgb ?? slideColour
        const rgb = fillOf(sp, under)
        if (rgb)
          fills.push({ x, y, w, h, rgb })
      }
      return sp
    }
    let { x, y, w, h } = frame
    const under = fills.findLast(f => within(f, x + w / 2, y + h / 2))?.rgb ?? slideColour
    let out = sp.replace(/<a:srgbClr val="([0-9A-Fa-f]{6})"><a:alpha val="(\d+)"\/><\/a:srgbClr>/g, (_, hex: string, alpha: string) => `<a:srgbClr val="${toHex(blend(hex, alpha, under))}"/>`)
    out = out.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_, body: string) => {
      let first = true
      return `<a:p>${body.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, p => (first
        ? ((first = false), p)
        : ''))}</a:p>`
    })
    const p0 = frame.paragraphs[0]
    if (p0?.lineSpacingPt) {
      // Slidev's frame runs from the first line's glyph top to the last's glyph bottom: (n − 1) spacings and
      // one glyph height. Renderers draw n full spacings from the frame's top, the extra above each line.
      const spacing = p0.lineSpacingPt
      const leading = spacing - largest(p0.lines[0] ?? []) * m.contentEm
      const lines = Math.max(1, Math.round((h - largest(p0.lines[0] ?? []) * m.contentEm) / spacing) + 1)
      if (leading > 0)
        y -= leading
      h = lines * spacing
    }
    if (frame.wrap) {
      // Bold set at 700 where the slide had 600 can push a word to a line the frame has no room for: widen
      // the frame, a point at a time, up to the edge of the box it sits in (or the slide's), until it fits.
      const limit = (fills.findLast(f => within(f, x + w / 2, y + h / 2)) ?? { x: 0, w: slide.w }) as { x: number, w: number }
      const fits = (width: number) => layoutFrame({ ...frame, w: width }, m).height <= h + 0.5
      for (let width = w; !fits(w) && width <= limit.x + limit.w - x - 4; width += 1) {
        if (fits(width))
          w = width
      }
      // Still too long: the type shrinks until it fits, as PowerPoint's "shrink text on overflow" does, down to 85%.
      const shrunk = (scale: number) => layoutFrame({
        ...frame,
        w,
        paragraphs: frame.paragraphs.map(p => ({
          ...p,
          lines: p.lines.map(l => l.map(r => ({ ...r, sizePt: r.sizePt * scale }))),
        })),
      }, m).height <= h + 0.5
      // The largest whole percentage from 99% down to 85% at which it fits; none if it fits as it is.
      const percent = fits(w)
        ? undefined
        : Array.from({ length: 15 }, (_, k) => 99 - k).find(pc => shrunk(pc / 100))
      if (percent)
        out = out.replace(/(<a:bodyPr\b[^>]*?)(?:\/>|>([\s\S]*?)<\/a:bodyPr>)/, `$1><a:normAutofit fontScale="${percent * 1000}"/></a:bodyPr>`)
    }
    else {
      const needed = layoutFrame(frame, m).width
      const width = needed + WIDTH_MARGIN(needed)
      // Keep the edge the text is set against: a right-aligned line its right edge, a centred one its middle.
      const align = /<a:pPr [^>]*?algn="(\w+)"/.exec(sp)?.[1] ?? 'l'
      x += align === 'r'
        ? w - width
        : align === 'ctr'
          ? (w - width) / 2
          : 0
      w = width
      x = Math.max(0, Math.min(x, slide.w - w))
    }
    return out.replace(/<a:off x="-?\d+" y="-?\d+"\/><a:ext cx="\d+" cy="\d+"\/>/, `<a:off x="${emu(x)}" y="${emu(y)}"/><a:ext cx="${emu(w)}" cy="${emu(h)}"/>`)
  })
}

function within(r: { x: number, y: number, w: number, h: number }, px: number, py: number) {
  return px >= r.x && px <= r.x + r.w && py >= r.y && py <= r.y + r.h
}

/** What a frame is wrong by, for a test's message. */
export interface FrameProblem {
  frame: string
  text: string
  problem: string
}

/**
 * The frames on a slide that lie partly off it, or whose text does not fit them at the deck's font:
 * a single line wider than its frame, or more lines than its frame has room for. `tolerancePt` absorbs
 * rounding to EMUs and hundredths of a point.
 */
export function framesThatDoNotFit(frames: TextFrame[], m: Metrics, slide: SlideSize, tolerancePt = 0.5): FrameProblem[] {
  return frames.flatMap((f) => {
    const problems: string[] = []
    if (f.x < -tolerancePt || f.y < -tolerancePt || f.x + f.w > slide.w + tolerancePt || f.y + f.h > slide.h + tolerancePt)
      problems.push(`frame (${f.x.toFixed(1)}, ${f.y.toFixed(1)}, ${f.w.toFixed(1)} × ${f.h.toFixed(1)} pt) is not inside the ${slide.w.toFixed(0)} × ${slide.h.toFixed(0)} pt slide`)
    const laid = layoutFrame(f, m)
    if (laid.width > f.w + tolerancePt)
      problems.push(`text is ${laid.width.toFixed(1)} pt wide in a ${f.w.toFixed(1)} pt frame`)
    if (laid.height > f.h + tolerancePt)
      problems.push(`${laid.lines} line(s) need ${laid.height.toFixed(1)} pt in a ${f.h.toFixed(1)} pt frame`)
    return problems.map(problem => ({
      frame: f.name,
      text: f.text.slice(0, 60),
      problem,
    }))
  })
}

/**
 * Pairs of frames on a slide whose text overlaps by more than `tolerancePt` both across and down. A frame
 * with exact line spacing is counted from its first line's glyphs, below the spacing the renderers put above
 * them (fitTextFrames): that space is the line's own, and may lie over the foot of the line before.
 */
export function overlappingFrames(frames: TextFrame[], m: Metrics, tolerancePt = 0.5): [TextFrame, TextFrame][] {
  const top = (f: TextFrame) => {
    const p0 = f.paragraphs[0]
    return f.y + (p0?.lineSpacingPt
      ? Math.max(0, p0.lineSpacingPt - largest(p0.lines[0] ?? []) * m.contentEm)
      : 0)
  }
  const pairs: [TextFrame, TextFrame][] = []
  frames.forEach((a, i) => frames.slice(i + 1).forEach((b) => {
    const across = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)
    const down = Math.min(a.y + a.h, b.y + b.h) - Math.max(top(a), top(b))
    if (across > tolerancePt && down > tolerancePt)
      pairs.push([a, b])
  }))
  return pairs
}
