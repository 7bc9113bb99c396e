// Type-checking stand-in for the Slidev client internals the reader view renders slides with
// (components/reader/ReaderView.vue): the same components Slidev's own overview page uses.
import type { DefineComponent } from 'vue'
import type { SlideRoute } from './slidev-client'

declare const component: DefineComponent<Record<string, unknown>>
export default component
export function createFixedClicks(route: SlideRoute, max: number): unknown
export const CLICKS_MAX: number
