// Validates the figures module and exits non-zero naming each bad figure and rule.
// Run by `npm run build` and `npm run export` before anything is drawn.
// FIGURES_MODULE points at another module (the tests use it to feed a malformed figure).
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { dataProblems } from '../data/check.ts'
import { asCommand, commandLine, UserError } from './lib/cli.ts'

asCommand()
commandLine({ options: {} }) // FIGURES_MODULE, PLAN_MODULE and PAPER_MODULE come from the environment

// Each module may be swapped for another file (the tests feed a malformed one this way).
const load = (env: string, file: string) => import(pathToFileURL(resolve(process.env[env] ?? file)).href)
const { FIGURES, FACTS } = await load('FIGURES_MODULE', 'data/figures.ts')
const { PLAN } = await load('PLAN_MODULE', 'data/plan.ts')
const { PAPER } = await load('PAPER_MODULE', 'data/paper.ts')
const { budgetCurrency, readScorecard } = await import('../vite/scorecard-files.ts')
const problems = dataProblems({
  figures: FIGURES,
  facts: FACTS ?? [],
  plan: PLAN,
  paper: PAPER,
  budgetCurrency: budgetCurrency(),
})
if (problems.length)
  throw new UserError(`${problems.join('\n')}\nNothing was built or exported.`)
// Our scorecard against the meeting: a latest quarter more than one quarter old warns, or stops with REQUIRE_CURRENT_SCORECARD=1.
const { REQUIRE_CURRENT_ENV, staleScorecard } = await import('../data/scorecard-currency.ts')
const stale = staleScorecard(readScorecard().quarters.map(q => q.quarter), PLAN.meetings[PAPER.meeting].date)
if (stale && process.env[REQUIRE_CURRENT_ENV] === '1')
  throw new UserError(`${stale}. (${REQUIRE_CURRENT_ENV}=1: nothing was built or exported.)`)
if (stale)
  console.warn(`⚠ ${stale}. (Set ${REQUIRE_CURRENT_ENV}=1 to refuse.)`)
console.log(`✓ ${FIGURES.length} figures and ${(FACTS ?? []).length} facts are valid, and so are the plan and the paper's particulars`)
