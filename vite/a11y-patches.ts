// Accessibility fixes to Slidev's own client, applied to its source as the deck is built or served.
// Each patch replaces one exact piece of markup; if a Slidev upgrade changes that markup the
// build stops and names the file (a tripwire), and tests/a11y-patches.test.ts checks the patch still
// applies to the installed Slidev. Used by vite.config.ts.
import type { Plugin } from 'vite'
import { audience } from './presenter-notes.ts'

export interface SourcePatch {
  /** The module the patch applies to, matched against the end of its path. */
  file: string
  /** Why, in one line: shown when the patch no longer applies. */
  why: string
  find: string
  replace: string
  /** Only in the presenter view, which the directors' build leaves out: a build without it never loads the file. */
  presenterOnly?: boolean
}

/**
 * Slidev 53's `MenuButton` wraps its `button` slot in a `<button>`, and every use of it puts an
 * `IconButton` (itself a `<button>`) in that slot: "Change sync settings", "More Options" and "Select
 * recording device" are a button inside a button (axe `nested-interactive`, WCAG 4.1.2). A screen reader
 * announces the outer one with the inner's name; the keyboard stops on both. The outer element becomes a
 * `<div>` that still toggles the menu on the click bubbling up from the inner button, so the inner
 * button, which has the name and the focus ring, is the one control.
 */
export const MENU_BUTTON_PATCH: SourcePatch = {
  file: '/@slidev/client/internals/MenuButton.vue',
  why: 'nested <button> in Slidev\'s menu buttons (axe nested-interactive)',
  find: `    <button :class="{ disabled }" @click="value = !value">
      <slot name="button" :value :class="{ disabled }" />
    </button>`,
  replace: `    <div :class="{ disabled }" @click="value = !value">
      <slot name="button" :value :class="{ disabled }" />
    </div>`,
}

/**
 * The presenter's speaker notes scroll (overflow: auto) but nothing in them takes focus, so a keyboard
 * user cannot scroll a long note (axe `scrollable-region-focusable`, WCAG 2.1.1). The notes element
 * becomes focusable, a region named "Speaker notes"; styles/deck.css gives it a visible focus ring
 * (Slidev's `outline-none` would hide it).
 */
export const NOTES_PATCH: SourcePatch = {
  file: '/@slidev/client/internals/NoteDisplay.vue',
  why: 'speaker notes that scroll but cannot take keyboard focus (axe scrollable-region-focusable)',
  find: `    ref="noteDisplay"
    class="prose dark:prose-invert overflow-auto outline-none slidev-note"`,
  replace: `    ref="noteDisplay"
    tabindex="0"
    role="region"
    aria-label="Speaker notes"
    class="prose dark:prose-invert overflow-auto outline-none slidev-note"`,
  presenterOnly: true,
}

export const PATCHES: SourcePatch[] = [MENU_BUTTON_PATCH, NOTES_PATCH]

/** The patched source, or an error naming the file when the markup to replace is not there exactly once. */
export function applyPatch(patch: SourcePatch, code: string): string {
  const at = code.indexOf(patch.find)
  if (at < 0 || code.includes(patch.find, at + 1)) {
    throw new Error(`a11y-patches: ${patch.file} no longer holds the markup patched for the ${patch.why}; `
      + 'Slidev changed it: check whether the bug is fixed upstream and update or drop the patch in vite/a11y-patches.ts')
  }
  return code.slice(0, at) + patch.replace + code.slice(at + patch.find.length)
}

export function a11yPatchesPlugin(): Plugin {
  const applied = new Set<string>()
  let isBuild = false
  return {
    name: 'a11y-patches',
    enforce: 'pre',
    configResolved(config) {
      isBuild = config.command === 'build'
    },
    transform(code, id) {
      const path = id.split('?')[0].replace(/\\/g, '/')
      // The SFC itself, before the Vue plugin compiles it (its sub-requests carry a query).
      if (id.includes('?'))
        return
      const patch = PATCHES.find(p => path.endsWith(p.file))
      if (!patch)
        return
      applied.add(patch.file)
      return {
        code: applyPatch(patch, code),
        map: null,
      }
    },
    buildEnd(error) {
      if (error || !isBuild || this.meta.watchMode)
        return
      // The directors' build has no presenter view (vite/presenter-notes.ts), so no speaker notes to patch.
      const expected = audience() === 'directors'
        ? PATCHES.filter(p => !p.presenterOnly)
        : PATCHES
      const missed = expected.filter(p => !applied.has(p.file))
      if (missed.length) {
        this.error(`a11y-patches: never saw ${missed.map(p => p.file).join(', ')} in the build; `
          + 'Slidev moved or renamed it: check vite/a11y-patches.ts against this Slidev version')
      }
    },
  }
}
