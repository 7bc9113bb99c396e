/**
 * Renders every slide of slides.md to HTML in Node, with the deck's real components, and reads the
 * claims off it. Markdown goes through markdown-exit with Slidev's own options; the HTML is compiled
 * as a Vue template and rendered on the server. The browser tests check that the built site yields
 * exactly the same claims, so this quick rendering cannot drift from what the board sees.
 *
 * The caller must mock '@slidev/client' and 'vue-chartjs' (see tests/claims.test.ts): Slidev's
 * client needs its app, and a canvas draws nothing in Node. Neither produces text.
 */
import type { Component } from 'vue'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Window } from 'happy-dom'
import { createSSRApp } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { renderToString } from 'vue/server-renderer'
import { deckSlides } from '../helpers/deck'
import { extractClaims } from './extract'
import { notesMd, slideMd } from './markdown'

export const SLIDES_PATH = join(__dirname, '..', '..', 'slides.md')

export interface RenderedSlide {
  no: number
  title: string
  /** Claims on the slide itself, in reading order. */
  slide: string[]
  /** Sentences of the speaker notes. */
  notes: string[]
}

const components = import.meta.glob<{ default: Component }>(['../../components/*.vue', '../../components/scorecard/*.vue', '../../components/plan/*.vue'], { eager: true })

function htmlToClaims(html: string): string[] {
  const window = new Window()
  window.document.body.innerHTML = html
  return extractClaims(window.document.body as unknown as Element)
}

async function renderTemplate(template: string): Promise<string> {
  const app = createSSRApp({ template: `<div>${template}</div>` })
  for (const [path, mod] of Object.entries(components)) app.component(path.split('/').pop()!.replace('.vue', ''), mod.default)
  // v-click only hides and reveals; its content renders as it will once revealed.
  app.directive('click', {})
  app.directive('after', {})
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      {
        path: '/',
        component: {
          render: () => null,
        },
      },
    ],
  })
  app.use(router)
  await router.push('/')
  await router.isReady()
  const warnings: string[] = []
  app.config.warnHandler = msg => warnings.push(msg)
  const html = await renderToString(app)
  if (warnings.length)
    throw new Error(`Rendering a slide warned:\n${warnings.join('\n')}`)
  return html
}

/** Every slide of the deck, rendered, with its claims and its notes' sentences. */
export async function renderDeck(markdown = readFileSync(SLIDES_PATH, 'utf8')): Promise<RenderedSlide[]> {
  const slides = deckSlides(markdown)
  const out: RenderedSlide[] = []
  for (const [i, s] of slides.entries()) {
    const html = await renderTemplate(slideMd.render(s.content))
    out.push({
      no: i + 1,
      title: s.title ?? `slide ${i + 1}`,
      slide: htmlToClaims(html),
      notes: s.note
        ? htmlToClaims(notesMd.render(s.note))
        : [],
    })
  }
  return out
}
