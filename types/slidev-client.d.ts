// Type-checking stand-in for the parts of @slidev/client this deck uses. The package ships raw
// TypeScript that only type-checks inside Slidev's own build (it relies on Slidev's globals), so
// `npm run typecheck` maps the import here (tsconfig "paths"); the build uses the real package.
import type { ComputedRef, Ref, WritableComputedRef } from 'vue'

export function useDarkMode(): { isDark: WritableComputedRef<boolean> | Ref<boolean>, toggleDark: () => void }
export function useNav(): {
  isPrintMode: ComputedRef<boolean>
  isPresenter: ComputedRef<boolean>
  currentPage: ComputedRef<number>
  total: ComputedRef<number>
  slides: ComputedRef<SlideRoute[]>
  currentSlideNo: ComputedRef<number>
}
/** A slide's route, as Slidev's router holds it: its number, its component and what the parser read. */
export interface SlideRoute {
  no: number
  meta?: { slide?: { title?: string, note?: string, noteHTML?: string, frontmatter: Record<string, unknown> } }
}
export function onSlideEnter(cb: () => void): void
export function onSlideLeave(cb: () => void): void
export function useIsSlideActive(): ComputedRef<boolean>
export function useSlideContext(): { $slidev: { nav: { currentPage: number, total: number, currentSlideRoute?: SlideRoute } } }
/** State shared between the presenter's and the audience's windows; the deck reads the presenter timer. */
export const sharedState: { timer: { status: 'stopped' | 'running' | 'paused', startedAt: number, pausedAt: number } }
