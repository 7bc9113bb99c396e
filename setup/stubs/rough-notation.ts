// Stands in for rough-notation, which Slidev's `v-mark` directive draws with and every deck loads on
// slide 1. vite/first-view.ts uses this stub only while no slide or component writes `v-mark`; if one does
// and the stub is still reached, it says so rather than drawing nothing.
export function annotate(): never {
  throw new Error('v-mark needs @slidev/rough-notation, which vite/first-view.ts stubs while no slide uses v-mark; restart the build')
}
