// fontverter (subset-font's converter) has no types of its own; tests/fonts.test.ts reads woff2 with it.
declare module 'fontverter' {
  const fontverter: { convert: (font: Uint8Array, to: 'sfnt' | 'woff' | 'woff2' | 'truetype') => Promise<Uint8Array> }
  export default fontverter
}
