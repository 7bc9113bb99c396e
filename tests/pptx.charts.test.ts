// The PowerPoint charts before they are written: what each holds, how ranges and crowded labels are
// handled, and that a chart XML the patch cannot place its additions in fails with the chart's name.
// (tests/browser/pptx.test.ts reads the written file back and opens it in LibreOffice.)
import type { ChartId } from '../data/charts'
import { describe, expect, it } from 'vitest'
import { figure, formatWithUnit } from '../data'
import { CHARTS } from '../data/charts'
import { ends } from '../data/value'
import { nativeChart, pptxData, slopeLabelOffsets } from '../scripts/pptx/native-charts'
import { patchChartXml } from '../scripts/pptx/patch-chart-xml'

const IDS = Object.keys(CHARTS) as ChartId[]

describe('native charts', () => {
  it.each(IDS)('%s: every figure it draws is a point, labelled with its value as the slide writes it', (id) => {
    const chart = nativeChart(id)
    const points = chart.series.flatMap(s => s.points)
    for (const p of points) {
      const f = figure(p.figureId)
      const [lo, hi] = ends(f.value)
      expect(p.value).toBe(lo)
      expect(p.rangeAbove).toBe(hi - lo)
      expect(p.label).toContain(formatWithUnit(f))
    }
    expect(pptxData(chart).map(d => d.values)).toEqual(chart.series.map(s => s.points.map(p => p.value)))
  })

  it('an unknown chart is refused by name', () => {
    expect(() => nativeChart('nope' as ChartId)).toThrow('No chart "nope"')
  })

  it('the slope chart’s end labels, which meet at 19–21%, are pushed at least a label apart', () => {
    const chart = nativeChart('workShift')
    const height = 2.6 // inches, as on the slide
    const offsets = slopeLabelOffsets(chart, height)
    const top = chart.options.valAxisMaxVal!
    const ends = chart.series.map((s, k) => 1 - (s.points[1].value / top) * 0.8 + offsets[k][1]).sort((a, b) => a - b)
    const gap = (12 * 1.4) / 72 / height
    for (let i = 1; i < ends.length; i++) expect(ends[i] - ends[i - 1]).toBeGreaterThanOrEqual(gap - 1e-9)
    expect(slopeLabelOffsets(nativeChart('decisions'), height).flat().every(o => o === 0)).toBe(true)
  })
})

describe('patching the chart XML', () => {
  const ser = (name: string) => `<c:ser><c:tx><c:v>${name}</c:v></c:tx><c:dLbls><c:showVal val="1"/></c:dLbls><c:cat></c:cat><c:val></c:val></c:ser>`

  it('adds each label and, for a range, an error bar up to its high end', () => {
    const chart = nativeChart('successByExpertise')
    const xml = patchChartXml(`<c:barChart>${ser('Novice')}${ser('Intermediate or above')}</c:barChart>`, chart)
    expect(xml).toContain('<a:t>28–33%</a:t>')
    expect(xml).toContain('<a:t>15%</a:t>')
    const skilled = xml.split('<c:ser>')[2]
    expect(skilled).toMatch(/<c:errBars>.*<c:plus>.*<c:v>5<\/c:v>.*<\/c:errBars><c:cat>/)
    expect(xml.split('<c:ser>')[1]).not.toContain('<c:errBars>') // novice figures are single values
  })

  it('the slope chart\'s three lines, one colour, each get their own dash pattern and marker', () => {
    const chart = nativeChart('workShift')
    const line = (name: string) => `<c:ser><c:tx><c:v>${name}</c:v></c:tx><c:spPr><a:ln w="38100"><a:prstDash val="solid"/></a:ln></c:spPr><c:dLbls><c:showVal val="1"/></c:dLbls><c:marker><c:symbol val="circle"/><c:spPr><a:ln><a:prstDash val="solid"/></a:ln></c:spPr></c:marker><c:cat></c:cat><c:val></c:val></c:ser>`
    const xml = patchChartXml(`<c:lineChart>${chart.series.map(s => line(s.name)).join('')}</c:lineChart>`, chart)
    const series = xml.split('<c:ser>').slice(1)
    const styles = series.map(s => `${/<a:prstDash val="([^"]+)"/.exec(s)![1]} ${/<c:symbol val="([^"]+)"/.exec(s)![1]}`)
    expect(new Set(styles).size).toBe(3)
    expect(new Set(series.map(s => /<a:prstDash val="([^"]+)"/.exec(s)![1])).size).toBe(3)
    expect(new Set(series.map(s => /<c:symbol val="([^"]+)"/.exec(s)![1])).size).toBe(3)
    for (const s of series) expect(s).toMatch(/<c:marker>.*<a:prstDash val="solid"\/>/) // the marker's outline stays solid
    expect(() => patchChartXml(`<c:lineChart>${chart.series.map(s => ser(s.name)).join('')}</c:lineChart>`, chart)).toThrow('no line dash or marker')
  })

  it('a chart XML with a different number of series, or nowhere to put labels, fails naming the chart', () => {
    const chart = nativeChart('successByExpertise')
    expect(() => patchChartXml(`<c:barChart>${ser('Novice')}</c:barChart>`, chart)).toThrow('Chart "successByExpertise"')
    expect(() => patchChartXml('<c:barChart><c:ser></c:ser><c:ser></c:ser></c:barChart>', chart)).toThrow('no <c:dLbls> or <c:cat>')
  })
})
