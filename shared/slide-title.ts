// A slide's title as the slide shows it. Slidev keeps titles as written in slides.md but renders headings
// through markdown's typographer, which turns a lone single quote (an apostrophe: "agent's", "functions'")
// into ’ and, with Slidev's settings, leaves paired quotation marks straight. The reader view and the PDF
// bookmarks name slides with this, so they read as the slide does. It follows markdown-it's smartquotes
// rule for single quotes; tests/slide-title.test.ts checks it against the typographer itself.
const WHITESPACE = /\s/u
const PUNCTUATION = /[\p{P}\p{S}]/u

export function slideTitle(raw: string): string {
  const chars = [...raw]
  const openers: number[] = []
  chars.forEach((ch, i) => {
    if (ch !== '\'')
      return
    const last = chars[i - 1] ?? ' '
    const next = chars[i + 1] ?? ' '
    const lastSpace = WHITESPACE.test(last)
    const nextSpace = WHITESPACE.test(next)
    const lastPunct = PUNCTUATION.test(last)
    const nextPunct = PUNCTUATION.test(next)
    let canOpen = !nextSpace && (!nextPunct || lastSpace || lastPunct)
    let canClose = !lastSpace && (!lastPunct || nextSpace || nextPunct)
    if (canOpen && canClose) {
      canOpen = lastPunct
      canClose = nextPunct
    }
    if (canClose && openers.length)
      return void openers.pop() // a pair of quotes: Slidev keeps them straight
    if (canOpen)
      openers.push(i)
    else chars[i] = '\u2019'
  })
  return chars.join('')
}
