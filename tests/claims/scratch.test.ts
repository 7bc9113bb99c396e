import { vi, it } from 'vitest'
import { defineComponent, h } from 'vue'
vi.mock('@slidev/client', async () => {
  const { computed } = await import('vue')
  return { useDarkMode: () => ({ isDark: computed(() => false) }), useNav: () => ({ isPrintMode: computed(() => false) }), onSlideEnter: () => {}, useSlideContext: () => ({ $slidev: { nav: { currentPage: 1, total: 1 } } }) }
})
vi.mock('vue-chartjs', () => {
  const stub = defineComponent({ props: ['data','options','plugins','ariaLabel','ariaDescribedby'], setup: (p) => () => h('canvas') })
  return { Bar: stub, Line: stub }
})
import { renderDeck } from './render'
it('dump', async () => {
  const deck = await renderDeck()
  const fs = await import('node:fs')
  fs.writeFileSync('/tmp/claims-dump.json', JSON.stringify(deck, null, 1))
}, 60000)
