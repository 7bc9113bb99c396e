/**
 * The slide's rendering of a resolved chart (shared/charts/model.ts) as chart.js datasets: values, colours,
 * and each point's figure and label, read by the tooltips and data labels. The axes are theme.ts's `axis`.
 */
import type { FigureId } from '../../data'
import type { ResolvedChart } from './model'
import { faded } from './palette'

export interface DeckDataset {
  label: string
  data: number[]
  backgroundColor: string[]
  borderColor?: string[]
  borderWidth?: number
  stack?: string
  /** Figure behind each point, for tooltips. */
  figureIds: FigureId[]
  /** Each point's label, as the model wrote it. */
  pointLabels: string[]
  /** The lo→hi part of a range, stacked on its series' base bar. */
  rangePart?: boolean
}

function categoryLabels(chart: ResolvedChart) {
  return chart.categories.map(c => (typeof c === 'string'
    ? c
    : [...c]))
}

/**
 * Bars. A range figure is drawn as a solid bar up to its low end and a faded segment from low to high,
 * so "28–33%" never shows as a single point; parts of a whole (a split chart) stack into one bar.
 */
export function barData(chart: ResolvedChart): { labels: (string | string[])[], datasets: DeckDataset[] } {
  const datasets = chart.series.flatMap((s): DeckDataset[] => {
    const base = {
      label: s.name,
      data: s.points.map(p => p.value),
      backgroundColor: s.colours,
      stack: chart.stacked
        ? 'all'
        : s.name,
      figureIds: s.points.map(p => p.figureId),
      pointLabels: s.points.map(p => p.label),
    }
    if (chart.stacked)
      return [base]
    return [
      base,
      {
        ...base,
        label: `${s.name} (range)`,
        data: s.points.map(p => p.rangeAbove),
        backgroundColor: s.colours.map(c => faded(c)),
        borderColor: s.colours,
        borderWidth: 2,
        rangePart: true,
      },
    ]
  })
  return {
    labels: categoryLabels(chart),
    datasets,
  }
}

/** Before/after lines, one per series, with its own colour, pattern and marker. */
export function lineData(chart: ResolvedChart): { labels: string[], datasets: (DeckDataset & { borderColor: string[] })[] } {
  return {
    labels: categoryLabels(chart).map(c => String(c)),
    datasets: chart.series.map(s => ({
      label: s.name,
      data: s.points.map(p => p.value),
      backgroundColor: s.colours,
      borderColor: [s.colours[0]],
      figureIds: s.points.map(p => p.figureId),
      pointLabels: s.points.map(p => p.label),
    })),
  }
}
