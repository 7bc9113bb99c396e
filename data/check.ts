// The checks every dev, build and export runs before anything is drawn: the figures, the plan, the paper's
// particulars. Written once for both callers (vite/data.ts during Vite's build, scripts/validate-figures.ts
// before the exporters), each problem named by its module, figure or field.
import type { Paper } from './paper.ts'
import type { Plan } from './plan.ts'
import type { Fact, Figure } from './types.ts'
import { paperProblems } from './paper.ts'
import { planProblems } from './plan.ts'
import { formatProblem, validateFigures } from './validate.ts'

interface Data { figures: readonly Figure[], facts: readonly Fact[], plan: Plan, paper: Paper, budgetCurrency?: string }

/** One message per module that breaks its rules ("The plan (data/plan.ts) is invalid:\n  - …"); empty when all hold. */
export function dataProblems(d: Data): string[] {
  const list = (what: string, problems: string[]) => (problems.length
    ? [`${what}:\n${problems.map(p => `  - ${p}`).join('\n')}`]
    : [])
  return [
    ...list('The figures module is invalid', validateFigures(d.figures, d.facts).map(formatProblem)),
    // A missing owner or a review before the meeting stops the deck, naming the field.
    ...list('The plan (data/plan.ts) is invalid', planProblems(d.plan, d.budgetCurrency)),
    ...list('The paper\'s particulars (data/paper.ts) are invalid', paperProblems(d.paper, d.plan)),
  ]
}
