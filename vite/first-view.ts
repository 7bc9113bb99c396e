// What keeps the deck's first view light (`npm run bench` measures it against an empty Slidev
// deck, and tests/browser/site.test.ts checks what slide 1 loads). Used by vite.config.ts.
import type { IndexHtmlTransformContext, Plugin } from 'vite'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

type OutputBundle = NonNullable<IndexHtmlTransformContext['bundle']>
type OutputChunk = Extract<OutputBundle[string], { type: 'chunk' }>

const ROOT = new URL('../', import.meta.url)

/**
 * chart.js in a chunk of its own, loaded with the first slide that draws a chart. Slidev's own rule puts
 * every module under node_modules/vue* in its `modules/vue` chunk, which loads on slide 1, and that
 * catches vue-chartjs and, through it, chart.js. This wraps Slidev's rule (set by its config plugin,
 * so read here, after it) and leaves the chart libraries to the bundler, which puts them with the chart
 * slides that import them. (Naming a chunk for them instead pulls Vue in with them, into the first view.)
 */
export function chartsChunkPlugin(): Plugin {
  const CHART_LIBRARIES = [
    '/node_modules/chart.js/',
    '/node_modules/vue-chartjs/',
    '/node_modules/chartjs-plugin-datalabels/',
    '/node_modules/@kurkle/color/',
  ]
  return {
    name: 'charts-chunk',
    enforce: 'post',
    config(config) {
      const output = config.build?.rollupOptions?.output
      if (!output || Array.isArray(output))
        return
      const slidevRule = output.manualChunks
      if (typeof slidevRule !== 'function')
        return
      output.manualChunks = (id, meta) => (CHART_LIBRARIES.some(lib => id.includes(lib))
        ? null
        : slidevRule(id, meta))
    },
  }
}

const deckSource = [
  readFileSync(fileURLToPath(new URL('slides.md', ROOT)), 'utf8'),
  ...readdirSync(fileURLToPath(new URL('components', ROOT)), { recursive: true, encoding: 'utf8' })
    .filter(f => f.endsWith('.vue'))
    .map(f => readFileSync(fileURLToPath(new URL(`components/${f}`, ROOT)), 'utf8')),
].join('\n')
/** Code blocks need twoslash's hover cards and styles; a deck without any does not load them. */
const hasCodeBlocks = /^\s*(```|~~~)/m.test(deckSource)
/** `v-mark` draws with rough-notation; a deck that never uses it does not load it. */
const usesVMark = /\bv-mark\b/.test(deckSource)
const stub = (file: string) => fileURLToPath(new URL(`setup/stubs/${file}`, ROOT))

/**
 * Parts of Slidev's client this deck never uses, kept out of the first view (`npm run bench`
 * measures the result against an empty deck):
 * - Vue's template compiler. Slidev aliases `vue` to the build that compiles templates in the browser;
 *   every component here, Slidev's own included, is compiled at build time, so the runtime-only build
 *   does (a component with a `template` string would render nothing: the browser tests open every slide).
 * - The `yaml` parser. Slidev's client imports `parseRangeString` from `@slidev/parser/core`, which
 *   loads the whole frontmatter parser with it; `@slidev/parser/utils` holds the same function alone.
 * - rough-notation (for `v-mark`) and twoslash (code-block hover cards and styles), while unused.
 */
export function leanClientPlugin(): Plugin {
  return {
    name: 'lean-client',
    enforce: 'post',
    config(config) {
      const alias = config.resolve?.alias
      if (!Array.isArray(alias))
        throw new TypeError('lean-client: Slidev\'s alias list not found; check vite/first-view.ts against this Slidev version')
      const vue = alias.find(a => a.find === 'vue')
      if (!vue || typeof vue.replacement !== 'string' || !vue.replacement.endsWith('vue.esm-bundler.js'))
        throw new Error('lean-client: Slidev\'s `vue` alias not found; check vite/first-view.ts against this Slidev version')
      vue.replacement = vue.replacement.replace(/vue\.esm-bundler\.js$/, 'vue.runtime.esm-bundler.js')
      alias.unshift({ find: /^@slidev\/parser\/core$/, replacement: '@slidev/parser/utils' })
      if (!usesVMark) {
        alias.unshift({
          find: /^@slidev\/rough-notation$/,
          replacement: stub('rough-notation.ts'),
        })
      }
      if (!hasCodeBlocks) {
        alias.unshift(
          {
            find: /^@shikijs\/vitepress-twoslash\/client$/,
            replacement: stub('twoslash-client.ts'),
          },
          {
            find: /^@shikijs\/vitepress-twoslash\/style\.css$/,
            replacement: stub('empty.css'),
          },
        )
      }
    },
  }
}

/**
 * What a first visit to slide 1 runs after the entry: the play page; slides 1 and 2 (Slidev fetches the
 * next slide ahead); the drawing layer and drawing controls, which the play page imports as soon as it
 * shows (drawings are on for the presenter).
 */
const FIRST_VIEW_MODULES = [
  /\/@slidev\/client\/pages\/play\.vue$/,
  /^\/@slidev\/slides\/1\/md$/,
  /^\/@slidev\/slides\/2\/md$/,
  /\/@slidev\/client\/internals\/DrawingLayer\.vue$/,
  /\/@slidev\/client\/internals\/DrawingControls\.vue$/,
]
/** The Inter weights slide 1 sets its text in: its title and its body. */
const FIRST_VIEW_FONTS = /(^|\/)inter-(400|700)-[\w-]+\.woff2$/

/**
 * Tells the browser up front what slide 1 will need. Without this it learns in three rounds: the entry's
 * scripts, then the play page they import, then slide 1's own chunk and its components, each round a
 * network round trip (150 ms on the bench's slow link); fonts are asked for only once the slide is laid
 * out. The list comes from the build's own chunk graph (the chunks holding FIRST_VIEW_MODULES, and their
 * static imports), so it follows the chunks when they change.
 *
 * The fonts are preloaded on every page. The scripts and styles are named by a small inline script, and
 * only when the address is a slide: the reader view (#/read) needs none of the play page's files (30 kB).
 * The inline script runs under the hosting CSP through its hash (deploy/headers.ts). A browser test checks
 * that slide 1 fetches no script, style or font this does not name, and uses every font it preloads.
 */
export function preloadFirstViewPlugin(): Plugin {
  let base = '/'
  return {
    name: 'preload-first-view',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle)
          return
        const { scripts, styles, fonts } = firstViewFiles(ctx.bundle)
        const links = [
          ...scripts.map(f => ['modulepreload', base + f]),
          ...styles.map(f => ['style', base + f]),
        ]
        // Before the entry and its stylesheets: a script after a stylesheet waits until the stylesheet has loaded.
        const entry = html.indexOf('<script type="module"')
        if (entry < 0)
          throw new Error('preload-first-view: no module script in index.html to put the preloads before')
        return {
          html: `${html.slice(0, entry)}<script>${preloadScript(links)}</script>\n  ${html.slice(entry)}`,
          tags: fonts.map(f => ({
            tag: 'link',
            attrs: {
              rel: 'preload',
              as: 'font',
              type: 'font/woff2',
              href: base + f,
              crossorigin: '',
            },
            injectTo: 'head' as const,
          })),
        }
      },
    },
  }
}

/** The inline script: on a slide's address (#/, #/6, #/6?clicks=1), a preload link for each file. */
function preloadScript(links: string[][]): string {
  return `if (/^(#\\/?(\\d+)?(\\?.*)?)?$/.test(location.hash)) for (const [kind, href] of ${JSON.stringify(links)}) {
  const link = document.createElement('link')
  if (kind === 'style') (link.rel = 'preload'), (link.as = 'style')
  else link.rel = kind
  link.crossOrigin = ''
  link.href = href
  link.dataset.firstView = ''
  document.head.appendChild(link)
}`
}

/** The files slide 1 needs beyond what Vite already puts in index.html (the entry and its static imports). */
function firstViewFiles(bundle: OutputBundle): { scripts: string[], styles: string[], fonts: string[] } {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk')
  const byFile = new Map(chunks.map(c => [c.fileName, c]))
  const withStaticImports = (files: string[]) => {
    const seen = new Set<string>()
    const visit = (f: string) => {
      if (seen.has(f))
        return
      seen.add(f)
      byFile.get(f)?.imports.forEach(visit)
    }
    files.forEach(visit)
    return seen
  }
  const entry = chunks.find(c => c.isEntry)
  if (!entry)
    throw new Error('preload-first-view: the build has no entry chunk')
  const inIndexHtml = withStaticImports([entry.fileName])
  const roots = FIRST_VIEW_MODULES.map((re) => {
    const chunk = chunks.find(c => c.moduleIds.some(id => re.test(id)))
    if (!chunk)
      throw new Error(`preload-first-view: no chunk holds ${re}; check FIRST_VIEW_MODULES in vite/first-view.ts against this Slidev version and the deck's features`)
    return chunk.fileName
  })
  const needed = [
    ...withStaticImports(roots),
  ].filter(f => !inIndexHtml.has(f))
  const fonts = Object.values(bundle)
    .filter(a => a.type === 'asset' && FIRST_VIEW_FONTS.test(a.fileName))
    .map(a => a.fileName)
  if (fonts.length !== 2)
    throw new Error(`preload-first-view: expected Inter 400 and 700 in the build, found ${fonts.join(', ') || 'none'}`)
  return {
    scripts: needed,
    styles: needed.flatMap(f => [
      ...(byFile.get(f)?.viteMetadata?.importedCss ?? []),
    ]),
    fonts,
  }
}
