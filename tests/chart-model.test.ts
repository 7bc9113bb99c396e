// One chart model, two renderings: a rule changed in the model (shared/charts/model.ts) reaches both the
// chart.js options a slide's chart component passes and the chart XML of the PowerPoint, read back from the XML.
// @vitest-environment happy-dom
import type { ChartRules } from '../shared/charts/model'
import { mount } from '@vue/test-utils'
import JSZip from 'jszip'
import PptxGenJS from 'pptxgenjs'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import BarChart from '../components/BarChart.vue'
import { CHART_RULES_KEY } from '../components/charts/useDeckChart'
import ScorecardChart from '../components/scorecard/ScorecardChart.vue'
import { addNativeChart, nativeChart } from '../scripts/pptx/native-charts'
import { patchChartXml } from '../scripts/pptx/patch-chart-xml'
import { addScorecardChart } from '../scripts/pptx/scorecard-charts'
import { CHART_RULES } from '../shared/charts/model'
import { scorecardChartModel } from '../shared/charts/scorecard'

// Hoisted with the mocks that use it; the quarter is the tests' sample (tests/helpers/sampleQuarter.ts).
const quarter = await vi.hoisted(async () => (await import('./helpers/sampleQuarter')).sampleQuarter())
vi.mock('virtual:scorecard', () => ({
  default: {
    quarters: [quarter],
    budget: null,
  },
}))
vi.mock('@slidev/client', async () => {
  const { computed } = await import('vue')
  return {
    useDarkMode: () => ({
      isDark: computed(() => false),
    }),
    useNav: () => ({
      isPrintMode: computed(() => true),
    }),
    onSlideEnter: () => {},
  }
})
// vue-chartjs draws on a canvas; here we only need the data and options it is given.
const received: { data: any, options: any }[] = []
vi.mock('vue-chartjs', () => {
  const stub = defineComponent({
    props: [
      'data',
      'options',
      'plugins',
      'ariaLabel',
      'ariaDescribedby',
    ],
    setup(props) {
      received.push({ data: props.data, options: props.options })
      return () => h('canvas')
    },
  })
  return { Bar: stub, Line: stub }
})

/** A share axis that ends at 80, ticks written "40 pc", and data labels with a mark after them. */
const CHANGED: ChartRules = {
  ...CHART_RULES,
  shareAxisMax: 80,
  percentFormat: {
    text: v => `${v} pc`,
    code: '0" pc"',
  },
  dataLabel: f => `${CHART_RULES.dataLabel(f)}†`,
}

/** What the slide's chart.js is given for a chart component, under `rules`. */
function slideOptions(component: any, props: Record<string, unknown>, rules: ChartRules) {
  received.length = 0
  mount(component, {
    props,
    global: {
      provide: { [CHART_RULES_KEY as symbol]: rules },
    },
  })
  return received[0]
}

/** The chart XML of a one-slide PowerPoint holding one chart, added as the exporter adds it. */
async function chartXml(add: (pptx: PptxGenJS, slide: PptxGenJS.Slide) => void): Promise<string> {
  const pptx = new PptxGenJS()
  add(pptx, pptx.addSlide())
  const zip = await JSZip.loadAsync(await pptx.write({ outputType: 'nodebuffer' }) as Buffer)
  const [file] = Object.keys(zip.files).filter(f => /^ppt\/charts\/chart\d+\.xml$/.test(f))
  return zip.file(file)!.async('string')
}

/** The value axis's end, tick format and the labels the PowerPoint chart shows, read from its XML. */
function readAxis(xml: string) {
  const valAx = /<c:valAx>([\s\S]*?)<\/c:valAx>/.exec(xml)![1]
  return {
    max: Number(/<c:max val="([^"]+)"\/>/.exec(valAx)?.[1]),
    format: /<c:numFmt formatCode="([^"]+)"/.exec(valAx)![1].replace(/&quot;/g, '"'),
    labels: [
      ...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g),
    ].map(m => m[1]),
  }
}

const PLACE = { x: 0.5, y: 0.5, w: 6, h: 3.5 }

describe('a rule changed in the chart model reaches the slide and the PowerPoint', () => {
  it.each([
    [
      'the model\'s rules',
      CHART_RULES,
      {
        max: 100,
        tick: '40%',
        format: '0"%"',
        label: '15%',
      },
    ],
    [
      'a share axis ending at 80, ticks in "pc", marked labels',
      CHANGED,
      {
        max: 80,
        tick: '40 pc',
        format: '0" pc"',
        label: '15%†',
      },
    ],
  ] as const)('the success chart, under %s: axis end, tick format and data labels', async (_, rules, want) => {
    const { data, options } = slideOptions(BarChart, { chart: 'successByExpertise' }, rules)
    expect(options.scales.y.max).toBe(want.max)
    expect(options.scales.y.ticks.callback(40)).toBe(want.tick)
    const novice = data.datasets[1] // the novice series' top segment, which carries its label
    expect(options.plugins.datalabels.formatter(0, { dataset: novice, dataIndex: 0 })).toBe(want.label)

    const chart = nativeChart('successByExpertise', rules)
    const xml = patchChartXml(await chartXml((pptx, slide) => addNativeChart(pptx, slide, chart, PLACE)), chart)
    const read = readAxis(xml)
    expect(read.max).toBe(want.max)
    expect(read.format).toBe(want.format)
    expect(read.labels).toContain(want.label)
    expect(read.labels).toContain(rules === CHANGED
      ? '28–33%†'
      : '28–33%')
  })

  it.each([
    [
      'the model\'s rules',
      CHART_RULES,
      { max: 100, tick: '40%', format: '0"%"' },
    ],
    [
      'a share axis ending at 80, ticks in "pc"',
      CHANGED,
      { max: 80, tick: '40 pc', format: '0" pc"' },
    ],
  ] as const)('a scorecard chart of shares, under %s, uses the same rules', async (_, rules, want) => {
    const { options } = slideOptions(ScorecardChart, { chart: 'commitOrPrShare' }, rules)
    expect(options.scales.y.max).toBe(want.max)
    expect(options.scales.y.ticks.callback(40)).toBe(want.tick)

    const model = scorecardChartModel('commitOrPrShare', {
      quarters: [quarter],
      budget: null,
    }, { rules })
    const read = readAxis(await chartXml((pptx, slide) => addScorecardChart(pptx, slide, model, PLACE)))
    expect(read.max).toBe(want.max)
    expect(read.format).toBe(want.format)
  })
})
