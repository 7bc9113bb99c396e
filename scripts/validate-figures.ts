// Validates the figures, the plan and the paper's particulars, and exits non-zero naming each bad figure, field
// and rule. Run by `npm run build`, `npm run export` and the pack before anything is drawn. (The tests run it
// on a copy of the project with a broken file.)
import { dataProblems } from '../data/check.ts'
import { FACTS, FIGURES } from '../data/figures.ts'
import { PAPER } from '../data/paper.ts'
import { PLAN } from '../data/plan.ts'
import { REQUIRE_CURRENT_ENV, staleScorecard } from '../data/scorecard-currency.ts'
import { budgetCurrency, readScorecard } from '../vite/scorecard-files.ts'
import { asCommand, commandLine, UserError } from './lib/cli.ts'

asCommand()
commandLine({ options: {} })

const problems = dataProblems({
  figures: FIGURES,
  facts: FACTS,
  plan: PLAN,
  paper: PAPER,
  budgetCurrency: budgetCurrency(),
})
if (problems.length)
  throw new UserError(`${problems.join('\n')}\nNothing was built or exported.`)
// Our scorecard against the meeting: a latest quarter more than one quarter old warns, or stops with REQUIRE_CURRENT_SCORECARD=1.
const stale = staleScorecard(readScorecard().quarters.map(q => q.quarter), PLAN.meetings[PAPER.meeting].date)
if (stale && process.env[REQUIRE_CURRENT_ENV] === '1')
  throw new UserError(`${stale}. (${REQUIRE_CURRENT_ENV}=1: nothing was built or exported.)`)
if (stale)
  console.warn(`⚠ ${stale}. (Set ${REQUIRE_CURRENT_ENV}=1 to refuse.)`)
console.log(`✓ ${FIGURES.length} figures and ${FACTS.length} facts are valid, and so are the plan and the paper's particulars`)
