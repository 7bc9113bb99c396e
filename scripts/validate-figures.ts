// Validates the figures module and exits non-zero naming each bad figure and rule.
// Run by `npm run build` and `npm run export` before anything is drawn.
// FIGURES_MODULE points at another module (the tests use it to feed a malformed figure).
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { formatProblem, validateFigures } from '../data/validate'

const path = resolve(process.env.FIGURES_MODULE ?? 'data/figures.ts')
const { FIGURES, FACTS } = await import(pathToFileURL(path).href)
const problems = validateFigures(FIGURES, FACTS ?? [])
if (problems.length) {
  console.error(`✗ The figures module is invalid; nothing was built or exported:`)
  for (const p of problems) console.error(`  - ${formatProblem(p)}`)
  process.exit(1)
}
// The plan (data/plan.ts): our proposal's owners, amounts and dates, held to its rules like the figures.
const { PLAN, planProblems } = await import(pathToFileURL(resolve(process.env.PLAN_MODULE ?? 'data/plan.ts')).href)
const { budgetCurrency } = await import('./scorecard/files.ts')
const planIssues: string[] = planProblems(PLAN, budgetCurrency())
if (planIssues.length) {
  console.error('✗ The plan (data/plan.ts) is invalid; nothing was built or exported:')
  for (const p of planIssues) console.error(`  - ${p}`)
  process.exit(1)
}
console.log(`✓ ${FIGURES.length} figures and ${(FACTS ?? []).length} facts are valid, and so is the plan`)
