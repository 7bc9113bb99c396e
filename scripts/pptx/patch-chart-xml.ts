/**
 * What pptxgenjs cannot write into a chart, added to the chart XML it wrote (DrawingML, ECMA-376 §21.2):
 * - each point's label as the slide writes it (a `c:dLbl` with its own text), so "28–33%" and "~70%"
 *   read as they do on the slide rather than as a bare 28 or 70;
 * - for a range, an error bar from the low end (the bar) up to the high end, so a range is never
 *   shown as one number;
 * - a line's own dash pattern and marker (pptxgenjs sets one for the whole chart), so a slope chart's lines of
 *   one colour are told apart, and its points at the plot's edges.
 * Each insertion has a fixed place in the schema: a series' own labels open its `c:dLbls`, and its
 * error bars come just before its `c:cat`. A chart XML without those places fails loudly.
 */
import type { LabelOffset, NativeChart } from './native-charts'
import { FONT_FACE, LABEL_STYLE } from './native-charts'

/** Text made safe inside an XML element or attribute. */
export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function pointLabel(idx: number, label: string, position: string, colour: string, { dx, dy }: LabelOffset): string {
  const { sizeHundredths } = LABEL_STYLE
  const run = `<a:defRPr sz="${sizeHundredths}" b="1"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:latin typeface="${FONT_FACE}"/></a:defRPr>`
  return (
    `<c:dLbl><c:idx val="${idx}"/>${
      dx || dy
        ? `<c:layout><c:manualLayout><c:x val="${dx.toFixed(4)}"/><c:y val="${dy.toFixed(4)}"/></c:manualLayout></c:layout>`
        : ''
    }<c:tx><c:rich><a:bodyPr wrap="none"/><a:lstStyle/><a:p><a:pPr>${run}</a:pPr>`
    + `<a:r><a:rPr lang="en-GB" sz="${sizeHundredths}" b="1"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:latin typeface="${FONT_FACE}"/></a:rPr><a:t>${escapeXml(label)}</a:t></a:r></a:p></c:rich></c:tx>`
    + `<c:dLblPos val="${position}"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbl>`
  )
}

function numLit(values: number[]): string {
  return `<c:numLit><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('')}</c:numLit>`
}

function rangeBars(above: number[], colour: string, isLine: boolean): string {
  // A bar chart's error bars run along its value axis by definition; a line chart's must say so.
  return (
    `<c:errBars>${isLine ? '<c:errDir val="y"/>' : ''}<c:errBarType val="plus"/><c:errValType val="cust"/><c:noEndCap val="0"/>`
    + `<c:plus>${numLit(above)}</c:plus><c:minus>${numLit(above.map(() => 0))}</c:minus>`
    + `<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></a:ln></c:spPr></c:errBars>`
  )
}

/**
 * The chart XML pptxgenjs wrote for `chart`, with the slide's labels and its ranges added. `offsets`:
 * each label's nudge in chart widths and heights (labelOffsets), or none.
 */
export function patchChartXml(xml: string, chart: NativeChart, offsets?: LabelOffset[][]): string {
  const parts = xml.split(/(?=<c:ser>)/)
  const head = parts.shift()!
  if (parts.length !== chart.series.length) {
    throw new Error(`Chart "${chart.id}": the PowerPoint chart has ${parts.length} series, the deck's has ${chart.series.length}`)
  }
  const patched = parts.map((part, s) => {
    const series = chart.series[s]
    const end = part.indexOf('</c:ser>') + '</c:ser>'.length
    let ser = part.slice(0, end)
    const rest = part.slice(end)
    if (!ser.includes('<c:dLbls>') || !ser.includes('<c:cat>')) {
      throw new Error(`Chart "${chart.id}", series "${series.name}": no <c:dLbls> or <c:cat> to add the slide's labels to`)
    }
    const labels = series.points.map((p, i) => pointLabel(i, p.label, chart.labelPositions[s][i], chart.labelColour, offsets?.[s]?.[i] ?? { dx: 0, dy: 0 })).join('')
    ser = ser.replace('<c:dLbls>', `<c:dLbls>${labels}`)
    if (series.line) {
      // The series' own line comes first in its <c:spPr>; the marker's outline after <c:dLbls> keeps its solid dash.
      const { prstDash, symbol } = series.line
      if (!/<a:prstDash val="[^"]*"\/>/.test(ser) || !/<c:symbol val="[^"]*"\/>/.test(ser))
        throw new Error(`Chart "${chart.id}", series "${series.name}": no line dash or marker to set`)
      ser = ser.replace(/<a:prstDash val="[^"]*"\/>/, `<a:prstDash val="${prstDash}"/>`)
      ser = ser.replace(/<c:symbol val="[^"]*"\/>/, `<c:symbol val="${symbol}"/>`)
    }
    const above = series.points.map(p => p.rangeAbove)
    if (above.some(a => a > 0))
      ser = ser.replace('<c:cat>', `${rangeBars(above, chart.rangeColours[s], chart.type === 'line')}<c:cat>`)
    return ser + rest
  })
  const out = head + patched.join('')
  // A line's points at the plot's edges, as chart.js draws the slope chart's two readings, not in the middle of two bands.
  return chart.type === 'line'
    ? out.replace('<c:crossBetween val="between"/>', '<c:crossBetween val="midCat"/>')
    : out
}
