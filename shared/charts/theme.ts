/**
 * chart.js options shared by every chart: readable type, dark-mode ink, crisp canvases,
 * and no animation when printing (Slidev's print mode stops CSS transitions only, and a bar
 * caught mid-animation shows a wrong number) or when the reader asked for reduced motion.
 */
import type { ValueAxis } from './model'
import { inkFor } from './palette'

/** Font sizes in slide pixels. The slide is 980 px wide, shown ~1.96× larger at 1920×1080, so 15 px ≈ 29 px on screen. */
export const TYPE = {
  tick: 15,
  axisTitle: 14,
  legend: 15,
  dataLabel: 16,
} as const

export interface ThemeState {
  isDark: boolean
  isPrint: boolean
  /** The reader's system asks for reduced motion (prefers-reduced-motion: reduce). */
  reducedMotion?: boolean
  /** The screen's own pixel ratio. */
  screenDpr?: number
}

/**
 * Canvas pixels per slide pixel: the slide is scaled up about 2× on a 1080p screen, and again on a
 * high-DPI one. In print the PDF page is about 10 inches wide, so 2 gives ~190 ppi: crisp on paper and
 * at 200% zoom, at a quarter of the bytes of the exporter's own 2× device scale.
 */
export function canvasPixelRatio(screenDpr = 1, isPrint = false): number {
  if (isPrint)
    return 2
  return Math.min(4, Math.max(2, 2 * screenDpr))
}

/** The slide background behind a printed chart: an opaque canvas needs no alpha mask in the PDF. */
export function slideBackground(isDark: boolean): string {
  return isDark ? '#121212' : '#ffffff'
}

export function baseOptions(t: ThemeState) {
  const ink = inkFor(t.isDark)
  const font = { family: '\'Inter\', system-ui, sans-serif' }
  return {
    ink,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: t.isPrint || t.reducedMotion
        ? (false as const)
        : { duration: 700 },
      devicePixelRatio: canvasPixelRatio(t.screenDpr, t.isPrint),
      color: ink.text,
      font: { ...font, size: TYPE.tick },
      plugins: {
        legend: {
          labels: {
            color: ink.text,
            font: { ...font, size: TYPE.legend },
            boxWidth: 18,
            padding: 14,
          },
        },
        tooltip: {
          enabled: !t.isPrint,
          titleFont: { size: TYPE.tick },
          bodyFont: { size: TYPE.tick },
        },
        datalabels: {
          color: ink.text,
          font: { ...font, size: TYPE.dataLabel, weight: 'bold' as const },
        },
      },
    },
  }
}

/** Bars upright (categories along x) or lying down (along y): which axis indexes the bars, and which scale is which. */
export function barAxes<C, V>(horizontal: boolean, category: C, value: V) {
  return {
    indexAxis: horizontal ? ('y' as const) : ('x' as const),
    scales: horizontal
      ? { x: value, y: category }
      : { x: category, y: value },
  }
}

/** A value axis as the chart model resolved it (shared/charts/model.ts); the options a category or other axis takes. */
export interface AxisOptions {
  title?: string
  stacked?: boolean
  grid?: boolean
  category?: boolean
  value?: Pick<ValueAxis, 'min' | 'max' | 'headroom' | 'step' | 'format'>
}

/** Headroom as chart.js's grace: 0.18 → "18%". */
function grace(headroom: number | undefined) {
  return headroom === undefined
    ? undefined
    : `${Math.round(headroom * 1000) / 10}%`
}

export function axis(t: ThemeState, opts: AxisOptions = {}) {
  const ink = inkFor(t.isDark)
  if (opts.category) {
    // Every category keeps its label: chart.js would otherwise skip some when space is tight.
    return {
      stacked: opts.stacked ?? false,
      grid: { display: false },
      border: { color: ink.grid },
      ticks: {
        color: ink.text,
        font: { size: TYPE.tick },
        autoSkip: false,
      },
    }
  }
  const text = opts.value?.format.text
  const step = opts.value?.step
  return {
    stacked: opts.stacked ?? false,
    beginAtZero: true,
    min: opts.value?.min,
    max: opts.value?.max,
    grace: grace(opts.value?.headroom),
    grid: { color: ink.grid, display: opts.grid ?? true },
    border: { color: ink.grid },
    ticks: {
      color: ink.text,
      font: { size: TYPE.tick },
      ...(step === undefined
        ? {}
        : { stepSize: step }),
      // Only value axes get a callback: on a category axis it would replace the labels with indices.
      ...(text
        ? {
            callback: (v: string | number) => text(Number(v)),
          }
        : {}),
    },
    title: opts.title
      ? {
          display: true,
          text: opts.title,
          color: ink.muted,
          font: { size: TYPE.axisTitle },
        }
      : undefined,
  }
}
