// The chart components in a DOM: they pass the module's figures to chart.js, label the canvas for
// screen readers, stop animating in print mode, follow dark mode, and keep type large enough.
// @vitest-environment happy-dom
import type { FigureId } from '../data'
import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { defineComponent, h } from 'vue'
import BarChart from '../components/BarChart.vue'
import Fig from '../components/Fig.vue'
import SlopeChart from '../components/SlopeChart.vue'
import SplitBarChart from '../components/SplitBarChart.vue'
import { TYPE } from '../shared/charts/theme'

const state = vi.hoisted(() => ({ dark: false, print: false }))
vi.mock('@slidev/client', async () => {
  const { computed } = await import('vue')
  return {
    useDarkMode: () => ({
      isDark: computed(() => state.dark),
    }),
    useNav: () => ({
      isPrintMode: computed(() => state.print),
    }),
    onSlideEnter: () => {},
  }
})
// vue-chartjs draws on a canvas; here we only need what it is given.
const received: { data?: any, options?: any, attrs?: Record<string, unknown> }[] = []
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
      received.push({
        data: props.data,
        options: props.options,
        attrs: { ariaLabel: props.ariaLabel, ariaDescribedby: props.ariaDescribedby },
      })
      return () => h('canvas', { 'role': 'img', 'aria-label': props.ariaLabel, 'aria-describedby': props.ariaDescribedby })
    },
  })
  return { Bar: stub, Line: stub }
})

/** Slides are laid out 980 px wide; at 1920×1080 a slide pixel is 1920/980 screen pixels. */
const SCREEN_PX_PER_SLIDE_PX = 1920 / 980

beforeEach(() => {
  received.length = 0
  state.dark = false
  state.print = false
})

describe('BarChart', () => {
  it('passes the figures to chart.js and names the canvas and its data table', () => {
    const w = mount(BarChart, {
      props: { chart: 'successByExpertise' },
    })
    const { data, attrs } = received[0]
    expect(data.datasets[0].data).toEqual([15, 77]) // novice, as Figure 5 reports
    expect(attrs?.ariaLabel).toMatch(/succeed/)
    const table = w.find(`#${attrs?.ariaDescribedby as string}`)
    expect(table.exists()).toBe(true)
    // Rows are named as the chart names them (category, series), so a bar bound to the wrong figure shows.
    expect(table.text()).toContain('Verified success, Novice15%')
    expect(table.text()).toContain('28–33%')
    expect(w.text()).toContain('Source: Anthropic')
  })

  it('turns animation and tooltips off in print mode, so the PDF shows final values', () => {
    state.print = true
    mount(BarChart, {
      props: { chart: 'trouble' },
    })
    expect(received[0].options.animation).toBe(false)
    expect(received[0].options.plugins.tooltip.enabled).toBe(false)
  })

  it('prints at twice the slide resolution: about 190 ppi on a PDF page ten inches wide', () => {
    state.print = true
    mount(BarChart, {
      props: { chart: 'trouble' },
    })
    const ppi = (received[0].options.devicePixelRatio * 980) / (735.12 / 72)
    expect(ppi).toBeGreaterThanOrEqual(180)
  })

  it('animates and offers tooltips when presenting', () => {
    mount(BarChart, {
      props: { chart: 'trouble' },
    })
    expect(received[0].options.animation).not.toBe(false)
    expect(received[0].options.plugins.tooltip.enabled).toBe(true)
  })

  it('draws axis text light on a dark slide and dark on a light one', () => {
    mount(BarChart, {
      props: { chart: 'occupations' },
    })
    state.dark = true
    mount(BarChart, {
      props: { chart: 'occupations' },
    })
    const [light, dark] = received.map(r => r.options.scales.y.ticks.color)
    expect(light).not.toBe(dark)
    expect(Number.parseInt(dark.slice(1, 3), 16)).toBeGreaterThan(0xB0)
    expect(Number.parseInt(light.slice(1, 3), 16)).toBeLessThan(0x50)
  })

  it('renders the canvas at least twice the slide resolution', () => {
    mount(BarChart, {
      props: { chart: 'workModes' },
    })
    expect(received[0].options.devicePixelRatio).toBeGreaterThanOrEqual(2)
  })

  it('keeps axis, legend and data labels at least 18 px on a 1920×1080 screen', () => {
    mount(BarChart, {
      props: { chart: 'occupations' },
    })
    const o = received[0].options
    const sizes = [
      o.scales.x.ticks.font.size,
      o.scales.y.ticks.font.size,
      o.plugins.legend.labels.font.size,
      o.plugins.datalabels.font.size,
    ]
    for (const s of [
      ...sizes,
      ...Object.values(TYPE),
    ]) expect(s * SCREEN_PX_PER_SLIDE_PX).toBeGreaterThanOrEqual(18)
  })

  it('refuses a chart of another kind, by name', () => {
    expect(() => mount(BarChart, {
      props: { chart: 'decisions' },
    })).toThrow('Chart "decisions" is a split chart, not a bar chart')
  })
})

describe('SplitBarChart and SlopeChart', () => {
  it('split rows add up to the whole', () => {
    mount(SplitBarChart, {
      props: { chart: 'decisions' },
    })
    const [person, claude] = received[0].data.datasets
    person.data.forEach((v: number, i: number) => expect(v + claude.data[i]).toBe(100))
  })
  it('slope lines run from October to April values', () => {
    mount(SlopeChart, {
      props: { chart: 'workShift' },
    })
    const fixing = received[0].data.datasets.find((d: { label: string }) => d.label.startsWith('Fixing'))
    expect(fixing.data.map((p: { y: number }) => p.y)).toEqual([33, 19]) // "fell from 33% to 19%"
    expect(fixing.borderDash.length).toBeGreaterThan(0)
  })

  it('slope lines of one colour differ by pattern and marker, and April ends a point apart stand side by side, not on one spot', () => {
    mount(SlopeChart, {
      props: { chart: 'workShift' },
    })
    const datasets = received[0].data.datasets as { borderDash: number[], pointStyle: string, data: { x: number, y: number }[] }[]
    expect(new Set(datasets.map(d => d.borderDash.join(','))).size).toBe(3)
    expect(new Set(datasets.map(d => d.pointStyle)).size).toBe(3)
    expect(datasets.map(d => d.data[0].x)).toEqual([0, 0, 0]) // October's ends are far apart: not moved
    const april = datasets.map(d => d.data[1].x)
    expect(new Set(april).size).toBe(3)
    for (const x of april) expect(Math.abs(x - 1)).toBeLessThanOrEqual(0.15) // beside the April tick, never near October
  })
})

describe('Fig', () => {
  it('writes a figure with its qualifier', () => {
    expect(mount(Fig, {
      props: { id: 'decisions.planning.user' },
    }).text()).toBe('about 70%')
  })
  it('can drop the sign where the verb gives the direction', () => {
    expect(mount(Fig, {
      props: { id: 'value.average', unsigned: true },
    }).text()).toBe('27%')
  })
  it('fails loudly on an unknown id', () => {
    expect(() => mount(Fig, {
      props: { id: 'nope.nothing' as FigureId },
    })).toThrow('Unknown figure id "nope.nothing"')
  })
})
