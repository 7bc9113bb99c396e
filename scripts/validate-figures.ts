// Validates the figures module and exits non-zero naming each bad figure and rule.
// Run by `npm run build` and `npm run export` before anything is drawn.
// FIGURES_MODULE points at another module (the tests use it to feed a malformed figure).
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { formatProblem, validateFigures } from '../data/validate'
import { asCommand, commandLine, UserError } from './lib/cli.ts'

asCommand()
commandLine({ options: {} }) // FIGURES_MODULE, PLAN_MODULE and PAPER_MODULE come from the environment

const path = resolve(process.env.FIGURES_MODULE ?? 'data/figures.ts')
const { FIGURES, FACTS } = await import(pathToFileURL(path).href)
const problems = validateFigures(FIGURES, FACTS ?? [])
if (problems.length)
  throw new UserError(`The figures module is invalid; nothing was built or exported:\n${problems.map(p => `  - ${formatProblem(p)}`).join('\n')}`)
// The plan (data/plan.ts): our proposal's owners, amounts and dates, held to its rules like the figures.
const { PLAN, planProblems } = await import(pathToFileURL(resolve(process.env.PLAN_MODULE ?? 'data/plan.ts')).href)
const { budgetCurrency } = await import('./scorecard/files.ts')
const planIssues: string[] = planProblems(PLAN, budgetCurrency())
if (planIssues.length)
  throw new UserError(`The plan (data/plan.ts) is invalid; nothing was built or exported:\n${planIssues.map(p => `  - ${p}`).join('\n')}`)
// The paper's particulars (data/paper.ts), checked against the plan: its meeting, reference and purpose.
const { PAPER, paperProblems } = await import(pathToFileURL(resolve(process.env.PAPER_MODULE ?? 'data/paper.ts')).href)
const paperIssues: string[] = paperProblems(PAPER, PLAN)
if (paperIssues.length)
  throw new UserError(`The paper's particulars (data/paper.ts) are invalid; nothing was built or exported:\n${paperIssues.map(p => `  - ${p}`).join('\n')}`)
// Our scorecard against the meeting: a latest quarter more than one quarter old warns, or stops with REQUIRE_CURRENT_SCORECARD=1.
const { readScorecard } = await import('./scorecard/files.ts')
const { REQUIRE_CURRENT_ENV, staleScorecard } = await import('../data/scorecard-currency.ts')
const stale = staleScorecard(readScorecard().quarters.map(q => q.quarter), PLAN.meetings[PAPER.meeting].date)
if (stale && process.env[REQUIRE_CURRENT_ENV] === '1')
  throw new UserError(`${stale}. (${REQUIRE_CURRENT_ENV}=1: nothing was built or exported.)`)
if (stale)
  console.warn(`⚠ ${stale}. (Set ${REQUIRE_CURRENT_ENV}=1 to refuse.)`)
console.log(`✓ ${FIGURES.length} figures and ${(FACTS ?? []).length} facts are valid, and so are the plan and the paper's particulars`)
