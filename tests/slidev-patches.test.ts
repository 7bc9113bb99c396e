// The installed Slidev carries the accessibility fixes in patches/ (applied by npm install through patch-package):
// each file has the patched markup, and what the patch relies on still holds. The browser tests (axe) show the
// effect on the built deck; this shows the cause.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const clientDir = dirname(require.resolve('@slidev/client/package.json'))
const slidevSource = (file: string) => readFileSync(join(clientDir, file), 'utf8')
const template = (sfc: string) => sfc.slice(sfc.indexOf('<template>'), sfc.lastIndexOf('</template>'))

describe('Slidev\'s client as installed, with patches/@slidev+client', () => {
  it('the patch is for the installed version', () => {
    const version = require('@slidev/client/package.json').version as string
    expect(readFileSync(join(__dirname, '..', 'patches', `@slidev+client+${version}.patch`), 'utf8')).toContain('MenuButton.vue')
  })

  it('menuButton: no <button> wraps the button slot (the slot holds an IconButton, itself a button); the menu still opens on its click', () => {
    const menu = template(slidevSource('internals/MenuButton.vue'))
    expect(menu).not.toContain('<button')
    expect(menu).toMatch(/<div [^>]*@click="value = !value">\s*<slot name="button"/)
  })

  it('every use of MenuButton puts an IconButton in its button slot, so the inner button is the one control', () => {
    for (const file of ['NavControls.vue', 'SyncControls.vue', 'RecordingControls.vue']) {
      const sfc = slidevSource(`internals/${file}`)
      for (const m of sfc.matchAll(/<template #button[^>]*>\s*<(\w+)/g))
        expect(m[1], file).toBe('IconButton')
    }
    expect(slidevSource('internals/IconButton.vue')).toMatch(/props\.as \|\| \(props\.to \? 'router-link' : 'button'\)/)
  })

  it('noteDisplay: the speaker notes are a focusable region named "Speaker notes"', () => {
    const notes = template(slidevSource('internals/NoteDisplay.vue'))
    expect(notes).toMatch(/ref="noteDisplay"\s+tabindex="0"\s+role="region"\s+aria-label="Speaker notes"/)
  })
})
