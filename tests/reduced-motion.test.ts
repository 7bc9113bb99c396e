// Reduced motion in the chart options: the reader's setting turns chart.js animation off, as
// print does; without it, charts animate. The drawing itself is checked in Chromium (tests/browser/a11y.test.ts).
import { describe, expect, it } from 'vitest'
import { baseOptions } from '../shared/charts/theme'

describe('chart animation and prefers-reduced-motion', () => {
  it('is off when the reader asks for reduced motion, in either scheme', () => {
    for (const isDark of [false, true])
      expect(baseOptions({ isDark, isPrint: false, reducedMotion: true }).options.animation).toBe(false)
  })
  it('is off in print, and on otherwise', () => {
    expect(baseOptions({ isDark: false, isPrint: true }).options.animation).toBe(false)
    expect(baseOptions({ isDark: false, isPrint: false, reducedMotion: false }).options.animation).toEqual({ duration: 700 })
  })
})
