// What rendering the deck's components in Node needs instead of the browser's: Slidev's client (light, not
// printing) and vue-chartjs (a canvas holds no text; a chart's claims are its data table, which ChartFrame
// renders). Test files use them as `vi.mock('@slidev/client', slidevClientStub)`.
import { computed, defineComponent, h } from 'vue'

export async function slidevClientStub() {
  return {
    useDarkMode: () => ({
      isDark: computed(() => false),
    }),
    useNav: () => ({
      isPrintMode: computed(() => false),
    }),
    onSlideEnter: () => {},
  }
}

export async function vueChartjsStub() {
  const canvas = defineComponent({
    setup: () => () => h('canvas'),
  })
  return { Bar: canvas, Line: canvas }
}
