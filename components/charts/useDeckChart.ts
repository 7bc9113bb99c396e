/**
 * What every chart component shares: its resolved chart (shared/charts/model.ts, checked for the right kind),
 * the theme, the plugins (ready marker; an opaque background in print), replay on slide entry, the tooltip
 * (read from the figure behind each bar or point) and the data labels (as the model wrote them).
 */
import type { Chart, ChartType, Plugin } from 'chart.js'
import type { ComputedRef, InjectionKey } from 'vue'
import type { ChartId, ChartSpec } from '../../data/charts'
import type { ChartRules, ResolvedChart } from '../../shared/charts/model'
import type { DeckDataset } from '../../shared/charts/slide'
import type { baseOptions } from '../../shared/charts/theme'
import { computed, inject, ref } from 'vue'
import { figure, formatFigure } from '../../data'
import { CHARTS } from '../../data/charts'
import { CHART_RULES, resolveChart } from '../../shared/charts/model'
import { slideBackground } from '../../shared/charts/theme'
import { offerToReader } from '../reader/readerItems'
import { plotLayout, printBackground, readyMarker } from './readyMarker'
import { useChartTheme } from './useChartTheme'
import { useReplayOnEnter } from './useReplayOnEnter'
import './chartSetup'

type Kind = ChartSpec['kind']
type BasePlugins = ReturnType<typeof baseOptions>['options']['plugins']

/** The rules the charts resolve by: the model's own, unless a parent provides others (a test does). */
export const CHART_RULES_KEY: InjectionKey<ChartRules> = Symbol('chart rules')

/** A chart resolved, refused by name if it is another kind of chart. */
export function resolvedOf(id: ChartId, kind: Kind, rules: ChartRules): ResolvedChart {
  const s: ChartSpec = CHARTS[id]
  if (s.kind !== kind) {
    throw new Error(`Chart "${id}" is a ${s.kind} chart, not a ${kind === 'split'
      ? 'split bar'
      : kind} chart`)
  }
  return resolveChart(id, rules)
}

interface PointCtx { dataset: unknown, dataIndex: number }
const figureAt = (ctx: PointCtx) => figure((ctx.dataset as DeckDataset).figureIds[ctx.dataIndex])

/** Tooltip line: the figure's label and its full reading ("… : about 70%"). */
export function tooltipLabel(item: PointCtx) {
  const f = figureAt(item)
  return `${f.label}: ${formatFigure(f)}`
}

/** Data label: the short reading ("~70%", "28–33%"), as the model wrote it. */
export const dataLabel = (_: number, ctx: PointCtx) => (ctx.dataset as DeckDataset).pointLabels[ctx.dataIndex]

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

/** What any chart on a slide needs, the scorecard's included: the model's rules, the theme, the plugins, and replay on slide entry. */
export function useChartCanvas<T extends ChartType = ChartType>() {
  const rules = inject(CHART_RULES_KEY, CHART_RULES)
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
  return { rules, theme, plugins, chartRef }
}

export function useDeckChart<K extends Kind>(id: () => ChartId, kind: K) {
  const canvas = useChartCanvas<K extends 'slope' ? 'line' : 'bar'>()
  const chart: ComputedRef<ResolvedChart> = computed(() => resolvedOf(id(), kind, canvas.rules))
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
  return { chart, ...canvas }
}
