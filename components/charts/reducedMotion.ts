// The reader's "reduce motion" setting (prefers-reduced-motion: reduce), followed live: charts then draw
// at their final values with no animation and do not replay on slide entry (styles/deck.css
// stops slide transitions under the same query).
import { readonly, ref } from 'vue'

const QUERY = '(prefers-reduced-motion: reduce)'
const reduced = ref(false)
if (typeof window !== 'undefined' && typeof window.matchMedia === 'function') {
  const mq = window.matchMedia(QUERY)
  reduced.value = mq.matches
  mq.addEventListener?.('change', (e) => {
    reduced.value = e.matches
  })
}

export const prefersReducedMotion = readonly(reduced)
