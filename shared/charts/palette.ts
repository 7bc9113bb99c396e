/**
 * One colour, one meaning, on every slide (Okabe–Ito, safe for colour-blind readers).
 * Charts ask for a meaning, never for a hex code.
 */
import type { Meaning } from '../../data/charts'

export const PALETTE: Record<Meaning, string> = {
  person: '#E69F00', // the human in the session
  claude: '#56B4E9', // the agent
  novice: '#D55E00', // novice-rated sessions
  skilled: '#0072B2', // intermediate-or-above / expert-rated sessions
  software: '#009E73', // software-related occupations
  otherOccupations: '#CC79A7', // every other occupation
  share: '#7A8794', // a neutral share of sessions (work modes, value growth)
}

/**
 * A slope chart's lines (the work-shift chart's kinds of work) share one neutral colour, which means "a share of
 * sessions", and are told apart without colour (WCAG 1.4.1), on the slide and in the PowerPoint: each line its
 * own pattern and its own marker. Line i takes entry i. `dash`: chart.js's borderDash; `prstDash` and `symbol`:
 * the PowerPoint's (DrawingML's) names for the same.
 */
export const SLOPE_LINE_STYLES = [
  {
    dash: [10, 6],
    prstDash: 'dash',
    pointStyle: 'circle',
    symbol: 'circle',
  },
  {
    dash: [],
    prstDash: 'solid',
    pointStyle: 'rect',
    symbol: 'square',
  },
  {
    dash: [2, 5],
    prstDash: 'sysDot',
    pointStyle: 'triangle',
    symbol: 'triangle',
  },
] as const

export type SlopeLineStyle = typeof SLOPE_LINE_STYLES[number]

/** A scorecard chart's quarters: earlier ones grey, the latest in the ink colour, so the eye goes to the newest reading. */
export function quarterColour(i: number, n: number, isDark: boolean): string {
  const shades = isDark
    ? { latest: '#D5DAE0', earlier: '#6B7785' }
    : { latest: '#3E4C59', earlier: '#B8C1CC' }
  return i === n - 1
    ? shades.latest
    : shades.earlier
}

/** Light and dark text/grid colours for axes, read from Slidev's dark-mode state. */
export function inkFor(isDark: boolean) {
  return isDark
    ? { text: '#E8EAED', muted: '#B0B7C0', grid: 'rgba(255,255,255,0.16)' }
    : { text: '#1F2933', muted: '#4B5563', grid: 'rgba(0,0,0,0.12)' }
}

/** A colour with transparency, for the uncertain part of a range. */
export function faded(hex: string, alpha = 0.35): string {
  const n = Number.parseInt(hex.slice(1), 16)
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`
}
