// Keyboard only (WCAG 2.1.1, 2.4.7, 2.4.11): the what-if slide walked with Tab, typing and arrow keys until
// its result changes, and the reader view's downloads and contents reached with Tab, each control showing a focus
// indicator that no other content covers. No mouse, no element.focus(): only key presses.
import type { Page } from 'playwright-chromium'
import { describe, expect, it } from 'vitest'
import { deckSlides } from '../helpers/deck'
import { browserAndSite, openSlide, readerDrawn } from './helpers'

const WHAT_IF = deckSlides().findIndex(s => /rates would mean here/.test(s.title ?? '')) + 1
const env = browserAndSite()

interface Focused {
  id: string
  tag: string
  name: string
  /** An outline (Chromium's focus ring is outline-style auto) or a box shadow is drawn. */
  indicator: boolean
  /** The element and its ancestors multiply to this opacity: a ring at 0 is no ring. */
  opacity: number
  inViewport: boolean
  /** No point of the element is the topmost thing there: another element covers it (2.4.11). */
  obscured: boolean
}

/** In the page: what has the keyboard focus, and whether the reader can see where it is. */
function focused(): Focused | null {
  const el = document.activeElement as HTMLElement | null
  if (!el || el === document.body)
    return null
  const cs = getComputedStyle(el)
  const indicator = (cs.outlineStyle !== 'none' && Number.parseFloat(cs.outlineWidth) >= 1 && !/rgba\([^)]*,\s*0\)$/.test(cs.outlineColor))
    || cs.boxShadow !== 'none'
  let opacity = 1
  for (let a: HTMLElement | null = el; a; a = a.parentElement) opacity *= Number(getComputedStyle(a).opacity)
  const r = el.getBoundingClientRect()
  const inViewport = r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth
  const points = [
    [r.left + r.width / 2, r.top + r.height / 2],
    [r.left + 2, r.top + 2],
    [r.right - 2, r.bottom - 2],
  ]
  const obscured = !points.some(([x, y]) => {
    const top = document.elementFromPoint(x, y)
    return top !== null && (top === el || el.contains(top))
  })
  return {
    id: el.id,
    tag: el.tagName.toLowerCase(),
    name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(),
    indicator,
    opacity,
    inViewport,
    obscured,
  }
}

function problemsWith(f: Focused): string[] {
  const where = `${f.tag}${f.id
    ? `#${f.id}`
    : ''} "${f.name}"`
  return [
    ...(f.indicator
      ? []
      : [`${where}: no focus indicator`]),
    ...(f.opacity >= 0.5
      ? []
      : [`${where}: drawn at opacity ${f.opacity.toFixed(2)}`]),
    ...(f.inViewport
      ? []
      : [`${where}: outside the viewport`]),
    ...(!f.obscured
      ? []
      : [`${where}: covered by other content`]),
  ]
}

/** Presses Tab until `until` holds for the focused element (at most `max` presses); every stop on the way is kept. */
async function tabUntil(page: Page, until: (f: Focused) => boolean, max = 80): Promise<Focused[]> {
  const stops: Focused[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const f = await page.evaluate(focused)
    if (!f)
      continue
    stops.push(f)
    if (until(f))
      return stops
  }
  throw new Error(`Tab never reached the control after ${max} presses; stops: ${stops.map(s => s.id || s.name).join(', ')}`)
}

const verifiedAfter = (page: Page) => page.locator(`.slidev-page-${WHAT_IF} [data-row^="Verified"] [data-col="after"]`).innerText()

describe('the what-if slide by keyboard alone', () => {
  it('tab reaches the fields and sliders, typing and arrow keys change the scenario, and the result changes', async () => {
    expect(WHAT_IF).toBeGreaterThan(0)
    const page = await env.browser.newPage({
      viewport: { width: 1920, height: 1080 },
    })
    await openSlide(page, env.site.url, WHAT_IF)
    const start = await verifiedAfter(page)
    const stops: Focused[] = []

    // The people field: Tab to it, type a number, Enter.
    stops.push(...await tabUntil(page, f => f.id === 'wi-people'))
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('1000')
    await page.keyboard.press('Enter')
    await expect.poll(() => verifiedAfter(page)).not.toBe(start)
    const typed = await verifiedAfter(page)
    expect(await page.inputValue('#wi-people')).toBe('1000')

    // The novice-share slider: Tab on to it, three presses of the right arrow (WCAG 2.5.7: no dragging needed).
    const novice = Number(await page.inputValue('#wi-noviceShare'))
    stops.push(...await tabUntil(page, f => f.id === 'wi-noviceShare-range'))
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight')
    await expect.poll(() => page.inputValue('#wi-noviceShare')).toBe(String(novice + 3))
    await expect.poll(() => verifiedAfter(page)).not.toBe(typed)
    // The arrows moved the slider, not the deck: still on the what-if slide.
    expect(new URL(page.url()).hash).toMatch(new RegExp(`^#/${WHAT_IF}(\\?|$)`))

    // The trouble share: Tab to its checkbox, Space ticks it, and a row of abandoned sessions appears.
    stops.push(...await tabUntil(page, f => f.id === 'wi-troubleOn'))
    await page.keyboard.press('Space')
    await expect.poll(() => page.locator(`.slidev-page-${WHAT_IF} [data-row^="Troubled"]`).count()).toBe(1)

    // Escape hands the keys back to the deck.
    await page.keyboard.press('Escape')
    expect(await page.evaluate(() => document.activeElement === document.body || document.activeElement === null)).toBe(true)

    const onSlide = stops.filter(s => s.id.includes('wi-') || s.tag === 'input')
    expect(onSlide.length).toBeGreaterThanOrEqual(3)
    expect(stops.flatMap(problemsWith)).toEqual([])
    await page.close()
  })
})

describe.each([
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
])('the reader view at $width px by keyboard alone', ({ width, height }) => {
  it('tab reaches every download and every contents link, each with a visible focus that nothing covers; Enter follows a link', async () => {
    const page = await env.browser.newPage({
      viewport: { width, height },
    })
    await page.goto(`${env.site.url}#/read`)
    await readerDrawn(page)
    const targets = await page.$$eval('.reader__downloads a, .reader__contents a', links => links.map(a => (a.textContent ?? '').trim()))
    expect(targets.length).toBeGreaterThan(deckSlides().length) // the downloads, and one link per slide
    const last = targets.at(-1)!
    const stops = await tabUntil(page, f => f.tag === 'a' && f.name === last, targets.length + 40)
    const reached = new Set(stops.map(s => s.name))
    expect(targets.filter(t => !reached.has(t))).toEqual([])
    expect(stops.flatMap(problemsWith)).toEqual([])

    // Enter on the focused contents link (the last slide's) goes to that slide's section.
    await page.keyboard.press('Enter')
    await expect.poll(() => page.url()).toMatch(/#slide-\d+$/)
    await page.close()
  })
})
