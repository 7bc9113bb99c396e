// The HTTP headers a confidential board paper is served with, defined once. `npm run host` turns
// them into nginx `add_header` lines; `npm run build` writes them as a `_headers` file (Netlify,
// Cloudflare Pages and hosts that read the same format) and a robots.txt into the site.
import { createHash } from 'node:crypto'

/**
 * Every file behind the login, the page, its assets (the scripts hold every slide's text) and the packs: kept
 * in no cache, the reader's browser included. A copy cached on a director's laptop, or on a shared computer,
 * would outlive the removal of their login, and `no-cache` or a long `max-age` both write the file to disk.
 * The price: a browser downloads the deck's files again on each visit (about 360 kB gzipped for the first slide).
 */
export const CACHE_CONFIDENTIAL = 'no-store'

export const ROBOTS_TXT = 'User-agent: *\nDisallow: /\n'

/**
 * Who may embed the deck in a frame: "'none'" (the default), "'self'", or https origins such as a
 * board portal's (`FRAME_ANCESTORS="https://portal.example.com"`), separated by single spaces. Anything
 * else is refused by name: the value is written into the Content-Security-Policy and into nginx's
 * configuration, so a "$", ";", quote or line break could otherwise add a directive of its own.
 */
export function frameAncestors(setting: string | undefined = process.env.FRAME_ANCESTORS): string {
  const value = (setting ?? '').replace(/^ +| +$/g, '') || '\'none\''
  if (/[^A-Z0-9.:/' -]/i.test(value) || value.includes('  ')) {
    throw new Error(`FRAME_ANCESTORS may hold only 'none', 'self' or https origins separated by single spaces (no "$", ";", double quotes, tabs or line breaks): ${JSON.stringify(value)}`)
  }
  const sources = value.split(' ')
  for (const source of sources) {
    if (source === '\'none\'' || source === '\'self\'')
      continue
    // https, a host name of letters, digits, dots and hyphens, an optional port, nothing after.
    if (!/^https:\/\/[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::\d{1,5})?$/.test(source)) {
      throw new Error(`FRAME_ANCESTORS must list https origins (https://portal.example.com), 'self' or 'none'; "${source}" is none of these`)
    }
  }
  if (sources.length > 1 && sources.includes('\'none\''))
    throw new Error(`FRAME_ANCESTORS: 'none' cannot be combined with other sources: "${value}"`)
  return value
}

/** sha256 sources for each inline <script> in the page, so they run without 'unsafe-inline'. */
export function inlineScriptHashes(html: string): string[] {
  return [
    ...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g),
  ]
    .filter(m => m[1].trim())
    .map(m => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`)
}

/**
 * The Content-Security-Policy: everything from the deck's own origin, nothing from any other, no eval.
 * Each allowance beyond 'self' is one the deck was seen to need in Chromium (tests/browser/hosting.test.ts).
 */
/** What the page allows: its inline scripts by hash, and who may frame it. */
export interface PolicyOptions { scriptHashes?: string[], ancestors?: string, hsts?: boolean }

export function contentSecurityPolicy({ scriptHashes = [], ancestors = frameAncestors() }: PolicyOptions = {}): string {
  return [
    'default-src \'self\'',
    `script-src 'self'${scriptHashes.map(h => ` ${h}`).join('')}`,
    // Slidev and Vue add <style> elements at run time, with content that varies, so no hash can name
    // them (seen in Chromium as style-src-elem violations). Scripts get no such allowance.
    'style-src \'self\' \'unsafe-inline\'',
    // Slidev's icons are SVG data: URIs inside its own CSS.
    'img-src \'self\' data:',
    'font-src \'self\'',
    'connect-src \'self\'',
    'object-src \'none\'',
    'base-uri \'self\'',
    'form-action \'self\'',
    `frame-ancestors ${ancestors}`,
  ].join('; ')
}

/** The headers every response carries, the login page (401) included. */
export function securityHeaders(options: PolicyOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Robots-Tag': 'noindex, nofollow',
    // Served over HTTPS: browsers that have seen it once never try plain HTTP to this host for a year.
    // Not for subdomains: the company's other sites are not ours to decide.
    ...(options.hsts
      ? { 'Strict-Transport-Security': 'max-age=31536000' }
      : {}),
  }
}

/** nginx: one `add_header … always;` line per header (`always`, so 401 and 404 answers carry them too). */
export function nginxHeaderLines(options: PolicyOptions = {}): string {
  const quote = (v: string) => `"${v.replace(/["\\]/g, '\\$&')}"`
  return Object.entries(securityHeaders(options))
    .map(([name, value]) => `add_header ${name} ${quote(value)} always;`)
    .join('\n')
}

/**
 * A `_headers` file for static hosts that read it: one rule for every path, Cache-Control included (such hosts
 * merge the headers of every rule a path matches, so it is set once).
 */
export function staticHostHeaders(base: string, options: PolicyOptions = {}): string {
  const lines = [`${base}*`]
  for (const [name, value] of Object.entries({
    ...securityHeaders(options),
    'Cache-Control': CACHE_CONFIDENTIAL,
  })) lines.push(`  ${name}: ${value}`)
  return `${lines.join('\n')}\n`
}
