// Slidev's markdown options: slides go through unplugin-vue-markdown (typographer on, Slidev's
// straight quotes), notes through a plain renderer (packages/slidev/node/vite/loaders.ts).
import MarkdownExit from 'markdown-exit'

export const slideMd = MarkdownExit({
  html: true,
  xhtmlOut: true,
  linkify: true,
  typographer: true,
  quotes: '""\'\'',
})
export const notesMd = MarkdownExit({ html: true })
