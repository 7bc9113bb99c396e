/**
 * The text units a reader meets on a rendered slide: each paragraph or list item split into
 * sentences, each table row, each element marked `data-claim` (a big figure with its label) whole.
 *
 * One function for both renderings: the unit tests run it on slides rendered by Vue in Node, the
 * browser tests run it inside Chromium on the built site (serialised with toString, so it must
 * stay self-contained: no imports, no helpers outside its body).
 * Skipped: anything under [data-claims="off"] (source lines, slide numbers, what-if outputs), canvases.
 */
export function extractClaims(root: Element): string[] {
  const INLINE = new Set([
    'SPAN',
    'A',
    'STRONG',
    'EM',
    'B',
    'I',
    'Q',
    'CODE',
    'SUB',
    'SUP',
    'ABBR',
    'MARK',
    'SMALL',
    'LABEL',
    'BR',
  ])
  const IGNORED = new Set([
    'CANVAS',
    'SCRIPT',
    'STYLE',
    'SVG',
    'INPUT',
    'BUTTON',
    'TEMPLATE',
    'NOSCRIPT',
  ])
  const out: string[] = []
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
  const skipped = (el: Element) => IGNORED.has(el.tagName.toUpperCase()) || el.getAttribute('data-claims') === 'off'
  const isBlock = (el: Element): boolean => !INLINE.has(el.tagName.toUpperCase()) || [...el.children].some(c => !skipped(c) && isBlock(c))

  /** Text with a space at every block boundary and " | " between table cells. */
  const textOf = (node: Node): string => {
    if (node.nodeType === 3)
      return node.textContent ?? ''
    if (node.nodeType !== 1)
      return ''
    const el = node as Element
    if (skipped(el))
      return ''
    if (el.tagName.toUpperCase() === 'BR')
      return ' '
    const inner = [...el.childNodes].map(textOf).join('')
    const tag = el.tagName.toUpperCase()
    if (tag === 'TD' || tag === 'TH')
      return ` | ${inner}`
    return isBlock(el)
      ? ` ${inner} `
      : inner
  }

  const emitSentences = (text: string) => {
    for (const s of squash(text).split(/(?<=[.!?])\s+(?=[“"(A-Z])/)) {
      if (s.trim())
        out.push(s.trim())
    }
  }

  const visit = (el: Element) => {
    if (skipped(el))
      return
    const tag = el.tagName.toUpperCase()
    if (tag === 'TR') {
      const caption = el.closest('table')?.querySelector('caption')
      const cells = squash(textOf(el)).replace(/^\|\s*/, '')
      if (cells) {
        out.push(caption
          ? `${squash(textOf(caption))}: ${cells}`
          : cells)
      }
      return
    }
    if (tag === 'CAPTION')
      return // read with each row
    if (el.hasAttribute('data-claim')) {
      const whole = squash(textOf(el))
      if (whole)
        out.push(whole)
      return
    }
    let run = ''
    for (const child of el.childNodes) {
      if (child.nodeType === 1 && isBlock(child as Element)) {
        emitSentences(run)
        run = ''
        visit(child as Element)
      }
      else {
        run += textOf(child)
      }
    }
    emitSentences(run)
  }

  visit(root)
  return out
}
