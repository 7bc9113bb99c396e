import { writeFileSync } from 'node:fs'
import { defineComponent, h } from 'vue'
import { it, vi } from 'vitest'
vi.mock('@slidev/client', async () => {
  const { computed } = await import('vue')
  return { useDarkMode: () => ({ isDark: computed(() => false) }), useNav: () => ({ isPrintMode: computed(() => false) }), onSlideEnter: () => {} }
})
vi.mock('vue-chartjs', () => {
  const canvas = defineComponent({ setup: () => () => h('canvas') })
  return { Bar: canvas, Line: canvas }
})
import { renderDeck } from './claims/render'
import { isClaim } from './claims/check'
it('dump', async () => {
  const deck = await renderDeck()
  writeFileSync('/tmp/dump/deck.json', JSON.stringify(deck.map((s) => ({ title: s.title, slide: s.slide.filter(isClaim), notes: s.notes.filter(isClaim), all: s.slide })), null, 1))
}, 60000)
