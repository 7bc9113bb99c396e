// The plan's components in a DOM: the asks come from data/plan.ts, and the scorecard's no-data slide and the
// concern slides' measures come from data/measures.ts, each measure saying where it comes from.
// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { ALL_MEASURES } from '../data/measures'
import { formatMoney, PLAN, totalCap } from '../data/plan'
import { formatDate } from '../data/sources'

vi.mock('virtual:scorecard', () => ({
  default: { quarters: [], budget: null },
}))

describe('plan components', () => {
  it('the asks slide renders every decision with its owner, cost and return meeting from the plan', async () => {
    const { default: PlanAsks } = await import('../components/plan/PlanAsks.vue')
    const text = mount(PlanAsks).text()
    for (const a of PLAN.asks) {
      expect(text).toContain(a.owner)
      expect(text).toContain(formatDate(PLAN.meetings[a.returnsAt].date))
      if (a.cap)
        expect(text).toContain(formatMoney(a.cap))
    }
    expect(text).toContain(`up to ${formatMoney(totalCap())}`)
  })

  it('a slide naming an undefined measure fails to render, naming it', async () => {
    const { default: Measures } = await import('../components/Measures.vue')
    expect(mount(Measures, {
      props: { ids: 'reviewCoverage editAcceptance' },
    }).text()).toContain('Review coverage (the review log, not the analytics)')
    expect(() => mount(Measures, {
      props: { ids: 'reviewCoverage valueDelivered' },
    })).toThrow(/valueDelivered/)
  })

  it('the no-data scorecard slide lists every measure, each saying where it comes from', async () => {
    const { default: ScorecardEmpty } = await import('../components/scorecard/ScorecardEmpty.vue')
    const w = mount(ScorecardEmpty)
    expect(w.findAll('[data-measure]').map(e => e.attributes('data-measure')).sort()).toEqual(ALL_MEASURES.map(m => m.id).sort())
    for (const m of ALL_MEASURES.filter(m => m.owner)) expect(w.text()).toContain(m.name)
  })

  it('the pre-read defines every measure once, with where it comes from and its owner', async () => {
    const { default: MeasuresDefined } = await import('../components/MeasuresDefined.vue')
    const [analytics, records] = (['analytics', 'records'] as const).map(from => mount(MeasuresDefined, {
      props: { from },
    }))
    expect([analytics, records].flatMap(w => w.findAll('[data-measure]').map(e => e.attributes('data-measure'))).sort()).toEqual(ALL_MEASURES.map(m => m.id).sort())
    for (const m of ALL_MEASURES.filter(m => m.owner)) expect(records.text()).toContain(`${m.definition} From ${m.from}; owner: ${m.owner}`)
    for (const m of ALL_MEASURES.filter(m => !m.owner)) expect(analytics.text()).toContain(m.definition)
  })
})
