// The tripwire for vite/a11y-patches.ts: each patch to Slidev's client still finds exactly the markup it
// replaces in the installed Slidev, and the result is what the patch is for. A Slidev upgrade that
// changes the markup fails here (and stops the build), so the patch is looked at again, or dropped if
// Slidev fixed the bug.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyPatch, MENU_BUTTON_PATCH, NOTES_PATCH, PATCHES } from '../vite/a11y-patches.ts'

const require = createRequire(import.meta.url)
const clientDir = dirname(require.resolve('@slidev/client/package.json'))
const slidevSource = (file: string) => readFileSync(join(clientDir, file.replace('/@slidev/client/', '')), 'utf8')
const template = (sfc: string) => sfc.slice(sfc.indexOf('<template>'), sfc.lastIndexOf('</template>'))

describe('the accessibility patches to Slidev\'s client (vite/a11y-patches.ts)', () => {
  it.each(PATCHES.map(p => ({ file: p.file, patch: p })))('$file still holds the markup the patch replaces, once', ({ patch }) => {
    expect(() => applyPatch(patch, slidevSource(patch.file))).not.toThrow()
  })

  it('menuButton: no <button> wraps the button slot any more (the slot holds an IconButton, itself a button)', () => {
    const before = template(slidevSource(MENU_BUTTON_PATCH.file))
    const after = template(applyPatch(MENU_BUTTON_PATCH, slidevSource(MENU_BUTTON_PATCH.file)))
    expect(before).toMatch(/<button[^>]*>\s*<slot name="button"/)
    expect(after).not.toContain('<button')
    // The menu still opens on the click from the inner button.
    expect(after).toMatch(/<div [^>]*@click="value = !value">\s*<slot name="button"/)
  })

  it('every use of MenuButton puts an IconButton in its button slot, so the inner button is the one control', () => {
    for (const file of ['NavControls.vue', 'SyncControls.vue', 'RecordingControls.vue']) {
      const sfc = slidevSource(`/@slidev/client/internals/${file}`)
      for (const m of sfc.matchAll(/<template #button[^>]*>\s*<(\w+)/g))
        expect(m[1], file).toBe('IconButton')
    }
    expect(slidevSource('/@slidev/client/internals/IconButton.vue')).toMatch(/props\.as \|\| \(props\.to \? 'router-link' : 'button'\)/)
  })

  it('noteDisplay: the speaker notes are a focusable, named region', () => {
    const after = applyPatch(NOTES_PATCH, slidevSource(NOTES_PATCH.file))
    expect(after).toContain('tabindex="0"')
    expect(after).toContain('aria-label="Speaker notes"')
  })

  it('a patch whose markup is gone stops with a message naming the file', () => {
    expect(() => applyPatch(MENU_BUTTON_PATCH, '<template><div /></template>')).toThrow(/MenuButton\.vue no longer holds/)
  })
})
