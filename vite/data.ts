// The build-time plugins Slidev's Vite runs (vite.config.ts; vitest.config.ts for the scorecard): the data
// checked before anything is drawn, and our scorecard served as `virtual:scorecard`.
import type { Plugin, ViteDevServer } from 'vite'
import { stripVTControlCharacters } from 'node:util'
import { dataProblems } from '../data/check.ts'
import { FACTS, FIGURES } from '../data/figures.ts'
import { PAPER } from '../data/paper.ts'
import { PLAN } from '../data/plan.ts'
import { readPilotReading } from './pilot-results.ts'
import { changesSincePrevious } from './releases.ts'
import { budgetCurrency, readScorecard, scorecardDir } from './scorecard-files.ts'

/** Every problem with the data as the modules now stand, one message per module (data/check.ts). */
function problemsOf(d: { FIGURES: typeof FIGURES, FACTS: typeof FACTS, PLAN: typeof PLAN, PAPER: typeof PAPER }): string[] {
  return dataProblems({
    figures: d.FIGURES,
    facts: d.FACTS,
    plan: d.PLAN,
    paper: d.PAPER,
    budgetCurrency: budgetCurrency(),
  })
}

/** The modules under data/ whose values slides draw: an edit to any of them is checked before the browser gets it. */
const DATA_MODULE = /\/data\/[^/]+\.ts$/

/**
 * The data as the files now read, loaded through the dev server's own module runner (so an edit is seen at
 * once), or the one-line reason it cannot be loaded (a syntax error, with file, line and column).
 */
async function liveProblems(server: ViteDevServer): Promise<string[]> {
  try {
    const [figures, plan, paper] = await Promise.all([
      server.ssrLoadModule('/data/figures.ts'),
      server.ssrLoadModule('/data/plan.ts'),
      server.ssrLoadModule('/data/paper.ts'),
    ])
    return problemsOf({
      FIGURES: figures.FIGURES,
      FACTS: figures.FACTS,
      PLAN: plan.PLAN,
      PAPER: paper.PAPER,
    })
  }
  catch (e) {
    // Vite's parse errors read "Transform failed with 1 error:\n\n[PARSE_ERROR] Expected `:` but found `,`\n ╭─[ data/plan.ts:89:29 ]", in colour.
    const text = stripVTControlCharacters((e as Error).message)
    const what = text.match(/^\[[A-Z_]+\]\s*(\S.*)$/m)?.[1] ?? text.split('\n').find(l => l.trim())
    const where = text.match(/\[\s*([^\s[\]]+:\d+:\d+)\s*\]/)?.[1]
    const hint = /found `,`/.test(text)
      ? ' (a number is written without thousands separators: 216000 or 216_000)'
      : ''
    return [`The data cannot be read${where
      ? ` at ${where}`
      : ''}: ${what}${hint}`]
  }
}

/**
 * Stops `build` and `export` on a figure, the plan or the paper's particulars breaking their rules
 * (data/check.ts), and in `npm run dev` refuses every edit that breaks them: the browser asks for the edited
 * module, the check fails, and Vite's error overlay names the module and field instead of a slide showing a
 * wrong number. Fixing the file clears the overlay (Vite reloads the page).
 */
export function validateDataPlugin(): Plugin {
  let server: ViteDevServer | undefined
  return {
    name: 'validate-figures',
    // Before Vite's own TypeScript transform, so a syntax error in data/ is reported by this check in words.
    enforce: 'pre',
    buildStart() {
      const problems = problemsOf({ FIGURES, FACTS, PLAN, PAPER })
      if (problems.length)
        this.error(problems.join('\n'))
    },
    configureServer(devServer) {
      server = devServer
    },
    async transform(_code, id) {
      // Only the browser's copy: the check's own loading (the server-side runner) passes through.
      if (!server || this.environment.name !== 'client' || !DATA_MODULE.test(id.split('?')[0]))
        return
      const problems = await liveProblems(server)
      if (problems.length)
        this.error(problems.join('\n'))
    },
  }
}

/**
 * A Vite plugin serving `import x from '<id>'` as the value `produce` returns, written out as JSON. What
 * `produce` throws stops the build with its message, prefixed by `failure` if given.
 */
function virtualJson(name: string, id: string, produce: (ctx: { warn: (message: string) => void }) => unknown, failure = ''): Plugin {
  return {
    name,
    resolveId: requested => (requested === id
      ? `\0${id}`
      : undefined),
    load(requested) {
      if (requested !== `\0${id}`)
        return
      try {
        return `export default ${JSON.stringify(produce(this))}`
      }
      catch (e) {
        const err = e as Error & { stderr?: string }
        this.error(`${failure}${err.stderr?.trim() || err.message}`)
      }
    },
  }
}

/**
 * `import scorecard from 'virtual:scorecard'`: the checked scorecard, read from data/scorecard/ or SCORECARD_DIR
 * when the deck is served, built or tested. A malformed file stops the build with the file, quarter and field.
 * (Not watched: after an import, restart `npm run dev`; a build always reads the folder afresh.)
 */
export function scorecardPlugin(): Plugin {
  return virtualJson('scorecard', 'virtual:scorecard', () => readScorecard(scorecardDir()))
}

/** `import reading from 'virtual:pilot-results'`: the pilot's reading (vite/pilot-results.ts); a bad file stops the build, naming it. */
export function pilotResultsPlugin(): Plugin {
  return virtualJson('pilot-results', 'virtual:pilot-results', () => readPilotReading())
}

/** `import report from 'virtual:paper-changes'`: the "What changed" page's list (components/ChangesPage.vue). */
export function paperChangesPlugin(): Plugin {
  return virtualJson('paper-changes', 'virtual:paper-changes', (ctx) => {
    const report = changesSincePrevious()
    if (report.status === 'no-record')
      ctx.warn(`The paper is version ${report.version}, but this checkout has no record of version ${report.since} (data/releases/): the "What changed" page says the changes cannot be listed`)
    return report
  }, 'Listing the changes since the previous version failed: ')
}
