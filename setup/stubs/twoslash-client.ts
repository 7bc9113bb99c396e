// Stands in for twoslash's client (@shikijs/vitepress-twoslash/client), which Slidev installs on every
// deck for code-block hover cards, bringing floating-vue's components into the first view. This deck has
// no code blocks; vite/first-view.ts uses this stub only while the slides have none.
import type { App } from 'vue'

export default {
  install: (_app: App) => {},
}
