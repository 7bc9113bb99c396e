// The hosting headers, defined once in deploy/headers.ts, for nginx and for static hosts alike.
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, frameAncestors, inlineScriptHashes, nginxHeaderLines, staticHostHeaders } from '../deploy/headers.ts'

describe('the Content-Security-Policy', () => {
  it('allows only the deck’s own origin, no eval, and no frame unless a portal is named', () => {
    const csp: string = contentSecurityPolicy({
      ancestors: frameAncestors(''),
    })
    expect(csp).toContain('default-src \'self\'')
    expect(csp).toContain('script-src \'self\';')
    expect(csp).toContain('frame-ancestors \'none\'')
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/)
  })

  it('lets a named board portal embed the deck, and refuses anything that is not an https origin', () => {
    expect(frameAncestors('https://portal.example.com')).toBe('https://portal.example.com')
    expect(frameAncestors('\'self\' https://portal.example.com:8443')).toBe('\'self\' https://portal.example.com:8443')
    for (const bad of [
      'http://portal.example.com',
      'https://portal.example.com/boards',
      'https://portal.example.com/',
      'portal.example.com',
    ]) {
      expect(() => frameAncestors(bad)).toThrow(`"${bad}" is none of these`)
    }
  })

  it('refuses what would add a directive or an nginx line of its own: "$", ";", a double quote, a line break', () => {
    for (const bad of [
      'https://portal.example.com\nadd_header X 1',
      'https://$host',
      '\'self\';report-uri https://collector.example',
      'https://a.example"',
      '\'self\'\t\'none\'',
      '*',
      'https://*.example.com',
    ]) {
      expect(() => frameAncestors(bad), bad).toThrow(/^FRAME_ANCESTORS may hold only/)
    }
    expect(() => frameAncestors('\'none\' https://portal.example.com')).toThrow(/^FRAME_ANCESTORS: 'none' cannot be combined/)
  })

  it('names an inline script by its hash, never with unsafe-inline', () => {
    // The hash of "var a=1", as `printf 'var a=1' | openssl dgst -sha256 -binary | base64` gives it.
    const hashes: string[] = inlineScriptHashes('<script>var a=1</script><script src="/x.js"></script><script> </script>')
    expect(hashes).toEqual(['\'sha256-WazVQOu5lmXfSreSrMJd1CsaQ4c00fUQpJfBYCuMSIw=\''])
    expect(contentSecurityPolicy({ scriptHashes: hashes, ancestors: '\'none\'' })).toContain(`script-src 'self' ${hashes[0]};`)
  })
})

describe('one definition, two hosts', () => {
  it('nginx sends every header on every answer, 401s included', () => {
    const lines: string = nginxHeaderLines({ ancestors: '\'none\'' })
    expect(lines.split('\n')).toHaveLength(4)
    for (const line of lines.split('\n')) expect(line).toMatch(/^add_header [\w-]+ ".*" always;$/)
  })

  it('a _headers file sets the same headers, and keeps every file of the site out of every cache, in one rule', () => {
    const file: string = staticHostHeaders('/board/', { ancestors: '\'none\'' })
    expect(file).toContain('/board/*\n  Content-Security-Policy: default-src \'self\';')
    expect(file.split(/\n(?=\/)/)).toHaveLength(1)
    expect(file.match(/Cache-Control: .*/g)).toEqual(['Cache-Control: no-store'])
  })
})
