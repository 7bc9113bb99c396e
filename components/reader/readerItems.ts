/**
 * What a slide's components offer the reader view. On a phone a slide is shrunk to fit, so its charts, its
 * what-if controls and its tables are drawn again at full size under it. The reader view does not search the
 * rendered page for them: each component that has something to draw again says so with `offerToReader`, and
 * the reader view's `ReaderScope` around each slide collects the offers (Vue's provide/inject).
 * Outside the reader view (presenting, printing) there is no scope, and an offer does nothing.
 */
import type { Component, InjectionKey, PropType } from 'vue'
import { defineComponent, getCurrentInstance, inject, markRaw, onBeforeUnmount, onMounted, provide } from 'vue'

/** Where under the slide a copy goes: with the charts, as the what-if controls, or with the tables. */
export type ReaderGroup = 'chart' | 'whatIf' | 'table'

export interface ReaderItem {
  group: ReaderGroup
  /** Unique within its slide (the chart or measure id, the table's topics). */
  key: string
  component: Component
  props: Record<string, unknown>
}

type Offer = (item: ReaderItem) => () => void
const READER_SCOPE: InjectionKey<Offer> = Symbol('reader scope')

/** Offers the reader view a copy of this component, drawn with `props`. Call from the component's setup. */
export function offerToReader(item: () => Omit<ReaderItem, 'component'>): void {
  const offer = inject(READER_SCOPE, null)
  if (!offer)
    return
  const component = markRaw(getCurrentInstance()!.type as Component)
  let withdraw: (() => void) | undefined
  // Mounted in the order the slide shows them (Vue mounts siblings in order), so copies keep that order.
  onMounted(() => (withdraw = offer({
    ...item(),
    component,
  })))
  onBeforeUnmount(() => withdraw?.())
}

/** Around one slide in the reader view: collects its components' offers into `items`. */
export const ReaderScope = defineComponent({
  name: 'ReaderScope',
  props: {
    items: { type: Array as PropType<ReaderItem[]>, required: true },
  },
  setup(props, { slots }) {
    provide(READER_SCOPE, (item) => {
      props.items.push(item)
      return () => {
        const i = props.items.indexOf(item)
        if (i >= 0)
          props.items.splice(i, 1)
      }
    })
    return () => slots.default?.()
  },
})
