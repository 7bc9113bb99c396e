// Who a build is for (PAPER_AUDIENCE, set by scripts/build.ts): `directors` (the site a director opens, its
// PDF and PowerPoint) or `presenter` (everything, for presenting from a laptop). Unset, as under `npm run dev`,
// nothing is taken out; the exporters run by hand default to `directors` (exportAudience below).
// For directors, Slidev reads slides.md without the presenter's paragraphs (shared/presenter-cues.ts), so they
// are in no file of the build, and with the presenter view turned off (`presenter: false`), so `#/presenter`
// does not exist there. The reader text, and the "Likely question" paragraphs, stay.
import type { SlidevPreparserExtension } from '@slidev/types'
import { withoutPresenterCues } from '../shared/presenter-cues.ts'

export type Audience = 'directors' | 'presenter'
export const AUDIENCE_ENV = 'PAPER_AUDIENCE'

/** The audience the environment names; anything else than the two names is refused. */
export function audience(env: Record<string, string | undefined> = process.env): Audience | undefined {
  const a = env[AUDIENCE_ENV]
  if (a === undefined || a === '')
    return undefined
  if (a !== 'directors' && a !== 'presenter')
    throw new Error(`${AUDIENCE_ENV} must be "directors" or "presenter", got ${JSON.stringify(a)}`)
  return a
}

/**
 * Who a file an exporter writes is for: the speaker notes are the presenter's; every other file (the deck PDF,
 * the PowerPoint, the handout) is the directors' unless PAPER_AUDIENCE=presenter says otherwise. So a file made
 * by `npm run export` or `npm run export:pptx` by hand carries no presenter cue, as one made by the build does.
 * Sets PAPER_AUDIENCE for the Slidev server the exporter starts, and returns it.
 */
export function exportAudience(kind: 'notes' | 'pack', env: Record<string, string | undefined> = process.env): Audience {
  const asked = audience(env)
  const chosen = kind === 'notes'
    ? 'presenter'
    : asked ?? 'directors'
  env[AUDIENCE_ENV] = chosen
  return chosen
}

/** `keepView`: the exporters' own server, whose print views the presenter switch must not touch (only the notes go). */
export function presenterNotesExtension(env: Record<string, string | undefined> = process.env, { keepView = false } = {}): SlidevPreparserExtension {
  const forDirectors = audience(env) === 'directors'
  return {
    name: 'presenter-notes',
    transformRawLines(lines) {
      // The headmatter is the first frontmatter block: turn the presenter view off there.
      if (forDirectors && !keepView && lines[0]?.trim() === '---')
        lines.splice(1, 0, 'presenter: false')
    },
    async transformNote(note) {
      if (!forDirectors || note === undefined)
        return undefined
      return withoutPresenterCues(note)
    },
  }
}
