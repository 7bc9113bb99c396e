// Each chart draws the figures it names, from the module, at their values; ranges stay ranges.
import type { FigureId } from '../data'
import type { ChartSpec } from '../data/charts'
import { describe, expect, it } from 'vitest'
import { figure } from '../data'
import { CHARTS } from '../data/charts'
import { ends } from '../data/value'
import { chartLabel, figureIdsOf, mergeLocators, sourceLine, spreadLabels, tableRows } from '../shared/charts/build'
import { resolveSpec } from '../shared/charts/model'
import { PALETTE } from '../shared/charts/palette'
import { barData, lineData } from '../shared/charts/slide'

/** Sums each bar's segments back into [lo, hi] per figure id. */
function drawn(spec: ChartSpec): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {}
  if (spec.kind === 'bar') {
    const { datasets } = barData(resolveSpec(spec))
    for (let k = 0; k < datasets.length; k += 2) {
      const [base, range] = [datasets[k], datasets[k + 1]]
      base.figureIds.forEach((id, i) => (out[id] = [base.data[i], base.data[i] + range.data[i]]))
    }
  }
  else {
    const { datasets } = spec.kind === 'split'
      ? barData(resolveSpec(spec))
      : lineData(resolveSpec(spec))
    for (const d of datasets) d.figureIds.forEach((id, i) => (out[id] = [d.data[i], d.data[i]]))
  }
  return out
}

describe('every chart is bound to the figures module', () => {
  for (const [name, spec] of Object.entries(CHARTS) as [string, ChartSpec][]) {
    it(`${name}: each bar or point is its figure's value`, () => {
      const ids = figureIdsOf(spec)
      expect(ids.length).toBeGreaterThan(0)
      const d = drawn(spec)
      for (const id of ids) {
        const v = figure(id).value
        expect(d[id], id).toEqual([
          ...ends(v),
        ])
      }
      expect(tableRows(spec)).toHaveLength(ids.length)
      expect(sourceLine(spec)).toMatch(/^Source: Anthropic/)
    })
  }
})

describe('the success chart shows what Figure 5 reports', () => {
  // Read off the report: novice 15% verified and 77% partial; intermediate or up 28-33% and 91-92%.
  it('draws novice as points and intermediate-or-above as ranges', () => {
    const d = drawn(CHARTS.successByExpertise)
    expect(d['success.novice.verified']).toEqual([15, 15])
    expect(d['success.novice.partial']).toEqual([77, 77])
    expect(d['success.intermediatePlus.verified']).toEqual([28, 33])
    expect(d['success.intermediatePlus.partial']).toEqual([91, 92])
  })
  it('labels a range as a range, never a midpoint', () => {
    expect(chartLabel(figure('success.intermediatePlus.verified'))).toBe('28–33%')
    expect(chartLabel(figure('success.intermediatePlus.verified'))).not.toContain('30.5') // the midpoint of 28 and 33
  })
  it('keeps the qualifier on a data label', () => {
    expect(chartLabel(figure('decisions.planning.user'))).toBe('~70%')
  })
})

describe('colours carry one meaning each', () => {
  it('no two meanings share a colour', () => {
    const colours = Object.values(PALETTE)
    expect(new Set(colours).size).toBe(colours.length)
  })
  it('novice bars are the novice colour on every chart', () => {
    for (const spec of Object.values(CHARTS)) {
      if (spec.kind !== 'bar')
        continue
      const { datasets } = barData(resolveSpec(spec))
      datasets.forEach(ds =>
        ds.figureIds.forEach((id, i) => {
          if (/\.novice\./.test(id) && !ds.rangePart)
            expect(ds.backgroundColor[i], id).toBe(PALETTE.novice)
        }),
      )
    }
  })
})

describe('a malformed chart spec fails by name', () => {
  it('a series with the wrong number of figures', () => {
    const spec = {
      ...CHARTS.successByExpertise,
      series: [
        {
          name: 'Novice',
          meaning: 'novice' as const,
          figures: ['success.novice.verified'] as FigureId[],
        },
      ],
    }
    expect(() => barData(resolveSpec(spec))).toThrow('series "Novice" has 1 figures for 2 categories')
  })
  it('an unknown figure id', () => {
    const spec = {
      ...CHARTS.expertiseActions,
      series: [
        {
          name: 'X',
          meaning: 'novice' as const,
          figures: ['expertise.nobody', 'expertise.expert.actions'] as FigureId[],
        },
      ],
    }
    expect(() => barData(resolveSpec(spec))).toThrow('Unknown figure id "expertise.nobody"')
  })
})

describe('spreadLabels', () => {
  it('pushes crowded labels apart, keeping their order', () => {
    const out = spreadLabels([100, 104, 106], 20)
    expect(out[1] - out[0]).toBeGreaterThanOrEqual(20)
    expect(out[2] - out[1]).toBeGreaterThanOrEqual(20)
  })
  it('leaves well-spaced labels where they are', () => {
    expect(spreadLabels([10, 60, 200], 20)).toEqual([10, 60, 200])
  })
})

describe('source lines', () => {
  it('name a section once when a figure in it is also named', () => {
    expect(mergeLocators(['The work', 'The work, Figure 4', 'Footnote 8'])).toEqual(['The work, Figure 4', 'Footnote 8'])
  })
})

describe('the value axis\'s lower end', () => {
  const bar = (figures: FigureId[]): ChartSpec => ({
    kind: 'bar',
    title: 'a change',
    categories: figures.map(f => f),
    series: [
      { name: 'Change', meaning: 'person', figures },
    ],
  })

  it('starts at zero on the slide and in the PowerPoint when no value is below it', () => {
    expect(resolveSpec(bar(['autonomy.userControlsExecution.actions'])).valueAxis.min).toBe(0)
  })

  it('is left to each renderer\'s own nice end when a value is below zero, so neither clips the bar', () => {
    expect(figure('shift.fixing.relativeDecline').value).toBeLessThan(0)
    expect(resolveSpec(bar(['shift.fixing.relativeDecline'])).valueAxis.min).toBeUndefined()
  })
})
