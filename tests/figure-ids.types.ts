// Compile-time checks, run by `npm test`'s typecheck step (vue-tsc), not by Vitest: a mistyped figure or fact
// id fails the type check wherever it is written in code. Each line below must be an error; if the ids were
// loosened back to `string`, the `@ts-expect-error` would be unused and vue-tsc would fail here.
import type BigFig from '../components/BigFig.vue'
import type Fact from '../components/Fact.vue'
import type Fig from '../components/Fig.vue'
import type { BarChartSpec, SlopeSpec, SplitBarSpec } from '../data/charts'
import { fact, figure } from '../data'

// @ts-expect-error a figure id that is not in data/figures.ts
figure('success.novice.verifed')
// @ts-expect-error a fact id that is not in data/figures.ts
fact('scope.windw')

export const bar: BarChartSpec = {
  kind: 'bar',
  title: 't',
  categories: ['a'],
  series: [
    {
      name: 's',
      meaning: 'novice',
      // @ts-expect-error a chart drawing a figure that does not exist
      figures: ['success.novice.verifed'],
    },
  ],
}
// @ts-expect-error a split bar part naming an unknown figure
export const split: SplitBarSpec['rows'][number]['parts'][number] = { name: 'p', meaning: 'person', figure: 'decisions.planning.usr' }
// @ts-expect-error a slope line naming an unknown figure
export const slope: SlopeSpec['lines'][number] = { name: 'l', from: 'shift.writingAnalysis.oct', to: 'nope' }

// @ts-expect-error <Fig id="…"> in a component's script or template
export const fig: InstanceType<typeof Fig>['$props'] = { id: 'success.novice.verifed' }
// @ts-expect-error <BigFig id="…">
export const big: InstanceType<typeof BigFig>['$props'] = { id: 'nope' }
// @ts-expect-error <Fact id="…">
export const f: InstanceType<typeof Fact>['$props'] = { id: 'nope' }
