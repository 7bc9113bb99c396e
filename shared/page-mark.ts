// Whether the presenter has hidden the page-furniture marking on screen (custom-nav-controls.vue's toggle).
// Kept in localStorage, so it holds across reloads and reaches the audience's window from the presenter's
// (a `storage` event). Only the screen: print and every export always carry the marking (components/PageMark.vue).
import { ref } from 'vue'

export const PAGE_MARK_KEY = 'board-paper:page-mark-hidden'

function stored(): boolean {
  try {
    return globalThis.localStorage?.getItem(PAGE_MARK_KEY) === '1'
  }
  catch {
    return false
  }
}

export const pageMarkHidden = ref(stored())

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === PAGE_MARK_KEY)
      pageMarkHidden.value = e.newValue === '1'
  })
}

export function setPageMarkHidden(hidden: boolean): void {
  pageMarkHidden.value = hidden
  try {
    if (hidden)
      globalThis.localStorage?.setItem(PAGE_MARK_KEY, '1')
    else
      globalThis.localStorage?.removeItem(PAGE_MARK_KEY)
  }
  catch {
    // Private mode or storage off: the toggle still works for this window.
  }
}
