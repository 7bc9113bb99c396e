/**
 * What every chart component shares: its spec (checked for the right kind), the theme, the
 * plugins (ready marker; an opaque background in print), replay on slide entry, and the tooltip
 * and data-label text, both read from the figure behind each bar or point.
 */
import type { Chart, ChartType, Plugin } from 'chart.js'
import type { ComputedRef } from 'vue'
import type { ChartId, ChartSpec } from '../../data/charts'
import type { DeckDataset } from '../../shared/charts/build'
import type { baseOptions } from '../../shared/charts/theme'
import { computed, ref } from 'vue'
import { figure, formatFigure } from '../../data'
import { CHARTS } from '../../data/charts'
import { chartLabel } from '../../shared/charts/build'
import { slideBackground } from '../../shared/charts/theme'
import { offerToReader } from '../reader/readerItems'
import { plotLayout, printBackground, readyMarker } from './readyMarker'
import { useChartTheme } from './useChartTheme'
import { useReplayOnEnter } from './useReplayOnEnter'
import './chartSetup'

type Kind = ChartSpec['kind']
type BasePlugins = ReturnType<typeof baseOptions>['options']['plugins']
type SpecOf<K extends Kind> = Extract<ChartSpec, { kind: K }>

/** The spec for a chart id, refused by name if it is another kind of chart. */
export function specOf<K extends Kind>(id: ChartId, kind: K): SpecOf<K> {
  const s: ChartSpec = CHARTS[id]
  if (s.kind !== kind) {
    throw new Error(`Chart "${id}" is a ${s.kind} chart, not a ${kind === 'split'
      ? 'split bar'
      : kind} chart`)
  }
  return s as SpecOf<K>
}

interface PointCtx { dataset: unknown, dataIndex: number }
const figureAt = (ctx: PointCtx) => figure((ctx.dataset as DeckDataset).figureIds[ctx.dataIndex])

/** Tooltip line: the figure's label and its full reading ("… : about 70%"). */
export function tooltipLabel(item: PointCtx) {
  const f = figureAt(item)
  return `${f.label}: ${formatFigure(f)}`
}

/** Data label: the short reading ("~70%", "28–33%"). */
export const dataLabel = (_: number, ctx: PointCtx) => chartLabel(figureAt(ctx))

/**
 * The tooltip and data labels of a deck chart, over the theme's base settings: both read from the figure
 * behind each bar or point. A chart adds its own placement on top.
 */
export function figureLabels(base: BasePlugins) {
  return {
    tooltip: {
      ...base.tooltip,
      callbacks: { label: tooltipLabel },
    },
    datalabels: { ...base.datalabels, formatter: dataLabel },
  }
}

/** What any chart on a slide needs, the scorecard's included: the theme, the plugins, and replay on slide entry. */
export function useChartCanvas<T extends ChartType = ChartType>() {
  const theme = useChartTheme()
  // Our plugins work on a chart of any type; vue-chartjs's components want them typed for theirs.
  const plugins = computed(() => (theme.value.isPrint
    ? [
        readyMarker,
        plotLayout,
        printBackground(slideBackground(theme.value.isDark)),
      ]
    : [readyMarker]) as Plugin<T>[])
  const chartRef = ref<{ chart?: Chart } | null>(null)
  useReplayOnEnter(chartRef)
  return { theme, plugins, chartRef }
}

export function useDeckChart<K extends Kind>(id: () => ChartId, kind: K) {
  const spec: ComputedRef<SpecOf<K>> = computed(() => specOf(id(), kind))
  // In the reader view on a phone, the chart is drawn again at the reader's width under its slide.
  offerToReader(() => ({
    group: 'chart',
    key: id(),
    props: {
      chart: id(),
      height: 280,
      instance: 'reader',
    },
  }))
  return {
    spec,
    ...useChartCanvas<K extends 'slope' ? 'line' : 'bar'>(),
  }
}
