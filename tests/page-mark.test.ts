// The page furniture on a slide (components/PageMark.vue): the paper's marking with the page, led by
// "Superseded by version N" for a superseded paper; hidden on screen when the presenter turns it off, never in
// print (the PDF and PowerPoint are printed), and never for a superseded paper.
// @vitest-environment happy-dom
import type { Paper } from '../data/paper'
import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import PageMark from '../components/PageMark.vue'
import { PAPER } from '../data/paper'
import { PAGE_MARK_KEY, pageMarkHidden, setPageMarkHidden } from '../shared/page-mark'

const state = vi.hoisted(() => ({ print: false }))
vi.mock('@slidev/client', async () => {
  const { computed } = await import('vue')
  return {
    useNav: () => ({
      isPrintMode: computed(() => state.print),
    }),
  }
})

const superseded: Paper = {
  ...PAPER,
  version: 2,
  status: 'superseded',
  supersededBy: 3,
}
const shown = (w: ReturnType<typeof mount>) => (w.get('[data-page-mark]').element as HTMLElement).style.display !== 'none'

beforeEach(() => {
  state.print = false
  setPageMarkHidden(false)
})

describe('the page marking on a slide', () => {
  it('reads reference · classification · page N of M', () => {
    const w = mount(PageMark, {
      props: { page: 7, total: 27 },
    })
    expect(w.text()).toBe(`${PAPER.reference} · ${PAPER.classification} · page 7 of 27`)
    expect(w.text()).not.toContain('Superseded')
  })

  it('a superseded paper’s marking leads with "Superseded by version N", set apart', () => {
    const w = mount(PageMark, {
      props: { page: 3, total: 27, paper: superseded },
    })
    expect(w.text()).toBe(`Superseded by version 3 · ${PAPER.reference} · ${PAPER.classification} · page 3 of 27`)
    expect(w.get('[data-page-mark]').classes()).toContain('slide-no--superseded')
  })

  it('the presenter’s switch hides it on screen and remembers that in localStorage', async () => {
    const w = mount(PageMark, {
      props: { page: 1, total: 2 },
    })
    expect(shown(w)).toBe(true)
    setPageMarkHidden(true)
    await w.vm.$nextTick()
    expect(shown(w)).toBe(false)
    expect(localStorage.getItem(PAGE_MARK_KEY)).toBe('1')
    setPageMarkHidden(false)
    await w.vm.$nextTick()
    expect(shown(w)).toBe(true)
    expect(localStorage.getItem(PAGE_MARK_KEY)).toBeNull()
  })

  it('print keeps it, switch or not', () => {
    state.print = true
    setPageMarkHidden(true)
    expect(pageMarkHidden.value).toBe(true)
    expect(shown(mount(PageMark, {
      props: { page: 1, total: 2 },
    }))).toBe(true)
  })

  it('a superseded paper’s marking cannot be hidden', () => {
    setPageMarkHidden(true)
    expect(shown(mount(PageMark, {
      props: { page: 1, total: 2, paper: superseded },
    }))).toBe(true)
  })
})
