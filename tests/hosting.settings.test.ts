// `npm run host`'s settings: each checked against a strict pattern before anything is written, because most
// of them are written into nginx's configuration. The end-to-end refusals (no nginx starts) are in
// tests/browser/hosting.test.ts; here, each rule.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hostSettings } from '../scripts/host/settings.ts'
import { selfSignedCertificate } from './helpers/tls'

const outside = mkdtempSync(join(tmpdir(), 'board-settings-'))
const ok = {
  BOARD_USERS: join(outside, 'users'),
  BOARD_LOG_DIR: join(outside, 'log'),
}
function settings(env: NodeJS.ProcessEnv) {
  return hostSettings({
    ...ok,
    ...env,
  })
}

describe('the settings npm run host accepts', () => {
  it('defaults: loopback, 8080, /board/, no framing, the PowerPoint to no one', () => {
    const s = settings({})
    expect(s).toMatchObject({
      listenHost: '127.0.0.1',
      port: 8080,
      base: '/board/',
      ancestors: '\'none\'',
      pptx: 'off', // the editable working copy goes to no one unless named
      warnings: [],
    })
    expect(s.login).toEqual({
      kind: 'file',
      file: join(outside, 'users'),
    })
    expect(s.logDir).toBe(join(outside, 'log'))
  })

  it('IPv6 addresses are bracketed for nginx; a host name is kept', () => {
    expect(settings({ HOST: '::1' }).listenHost).toBe('[::1]')
    expect(settings({ HOST: '[::1]' }).listenHost).toBe('[::1]')
    expect(settings({ HOST: 'board.internal.example', BOARD_TLS_PROXY: '10.0.0.7' }).listenHost).toBe('board.internal.example')
  })

  it('beyond loopback, TLS is required: served here (a certificate) or by a proxy named in BOARD_TLS_PROXY', () => {
    for (const host of [
      '0.0.0.0',
      '10.0.0.5',
      '::',
      'board.internal.example',
    ])
      expect(() => settings({ HOST: host }), host).toThrow(/^HOST=\S+ listens beyond this machine without TLS.*BOARD_TLS_CERT and BOARD_TLS_KEY, or BOARD_TLS_PROXY/)
    for (const host of [
      '127.0.0.1',
      '127.0.0.2',
      '::1',
      'localhost',
    ])
      expect(settings({ HOST: host }).listenHost, host).toMatch(/127|::1|localhost/)
    const s = settings({ HOST: '0.0.0.0', BOARD_TLS_PROXY: '10.0.0.0/24' })
    expect(s.tlsProxy).toBe('10.0.0.0/24')
    expect(s.probeHost).toBe('127.0.0.1')
    for (const bad of [
      '10.0.0.7;',
      '10.0.0.0/33',
      'proxy.example',
      '10.0.0.7 10.0.0.8',
      '::1/129',
    ])
      expect(() => settings({ BOARD_TLS_PROXY: bad }), bad).toThrow(/^BOARD_TLS_PROXY must be/)
  })

  it('BOARD_LOG_MAX: a size from 16K to 16G, 50M by default', () => {
    expect(settings({}).logMax).toBe(50 * 1024 * 1024)
    expect(settings({ BOARD_LOG_MAX: '64K' }).logMax).toBe(64 * 1024)
    expect(settings({ BOARD_LOG_MAX: '2g' }).logMax).toBe(2 * 1024 ** 3)
    for (const bad of ['1K', '17G', '50 MB', '-5M', 'lots'])
      expect(() => settings({ BOARD_LOG_MAX: bad }), bad).toThrow(/^BOARD_LOG_MAX must be/)
  })

  it('BASE "board" and "/board" mean /board/, as for the build', () => {
    expect(settings({ BASE: 'board' }).base).toBe('/board/')
    expect(settings({ BASE: '/papers/q3/' }).base).toBe('/papers/q3/')
    expect(settings({ BASE: '/' }).base).toBe('/')
  })

  it('the one-person trial: BOARD_PASSWORD under the same rules, BOARD_USER defaulting to "board"', () => {
    expect(settings({ BOARD_USERS: '', BOARD_PASSWORD: 'a fine long phrase' }).login).toEqual({ kind: 'trial', user: 'board', password: 'a fine long phrase' })
    expect(() => settings({ BOARD_USERS: '', BOARD_PASSWORD: 'short' })).toThrow(/^BOARD_PASSWORD is too easy to guess/)
    expect(() => settings({ BOARD_USERS: '', BOARD_PASSWORD: 'the-board-password' })).toThrow(/^BOARD_PASSWORD is too easy to guess/)
    expect(() => settings({ BOARD_PASSWORD: 'a fine long phrase' })).toThrow(/BOARD_USERS .* or BOARD_PASSWORD .*not both/)
  })

  it('BOARD_PPTX: all, off, or a list of names', () => {
    expect(settings({ BOARD_PPTX: 'off' }).pptx).toBe('off')
    expect(settings({ BOARD_PPTX: 'ceo-office,secretary' }).pptx).toEqual(['ceo-office', 'secretary'])
    expect(() => settings({ BOARD_PPTX: 'ceo office' })).toThrow(/^BOARD_PPTX must be/)
  })
})

describe('BOARD_TLS_CERT and BOARD_TLS_KEY: read and checked before anything starts', () => {
  const make = (name: string) => selfSignedCertificate(outside, name)
  const a = make('a')
  const b = make('b')

  it('a matching pair is taken, and allows a HOST beyond loopback', () => {
    const s = settings({ HOST: '0.0.0.0', BOARD_TLS_CERT: a.cert, BOARD_TLS_KEY: a.key })
    expect(s.tls?.cert).toContain('BEGIN CERTIFICATE')
    expect(s.tls?.key).toContain('PRIVATE KEY')
  })

  it('each mistake is named: one without the other, a missing file, not PEM, a key of another certificate, both TLS and a proxy', () => {
    const garbage = join(outside, 'garbage.pem')
    writeFileSync(garbage, 'not a certificate')
    expect(() => settings({ BOARD_TLS_CERT: a.cert })).toThrow(/^BOARD_TLS_KEY is missing/)
    expect(() => settings({ BOARD_TLS_KEY: a.key })).toThrow(/^BOARD_TLS_CERT is missing/)
    expect(() => settings({
      BOARD_TLS_CERT: join(outside, 'none.crt'),
      BOARD_TLS_KEY: a.key,
    })).toThrow(/^BOARD_TLS_CERT: no file at/)
    expect(() => settings({ BOARD_TLS_CERT: garbage, BOARD_TLS_KEY: a.key })).toThrow(/^BOARD_TLS_CERT: .* is not a PEM certificate/)
    expect(() => settings({ BOARD_TLS_CERT: a.cert, BOARD_TLS_KEY: garbage })).toThrow(/^BOARD_TLS_KEY: .* is not an unencrypted PEM private key/)
    expect(() => settings({ BOARD_TLS_CERT: a.cert, BOARD_TLS_KEY: b.key })).toThrow(/^BOARD_TLS_KEY: .* is not the key of the certificate/)
    expect(() => settings({ BOARD_TLS_CERT: a.cert, BOARD_TLS_KEY: a.key, BOARD_TLS_PROXY: '10.0.0.7' })).toThrow(/^BOARD_TLS_PROXY says a TLS proxy stands in front/)
  })
})

describe('no setting can weaken the login: each injection is refused, naming the setting', () => {
  const cases: [setting: string, value: string][] = [
    ['HOST', '127.0.0.1:18514;location /leak/{auth_basic off;alias /x/;}listen 127.0.0.1'],
    ['HOST', 'localhost; include /etc/passwd'],
    ['HOST', 'fe80::1%eth0'],
    ['PORT', '8080;'],
    ['PORT', '0'],
    ['PORT', '65536'],
    ['PORT', ' 8080'],
    ['BASE', '/board/;'],
    ['BASE', '/board/{'],
    ['BASE', '/board/}'],
    ['BASE', '/board/"'],
    ['BASE', '/board/\''],
    ['BASE', '/board/<'],
    ['BASE', '/board/>'],
    ['BASE', '/board/ x/'],
    ['BASE', '/../etc/'],
    ['BASE', '/$uri/'],
    ['FRAME_ANCESTORS', 'https://portal.example.com\nadd_header X-Evil 1'],
    ['FRAME_ANCESTORS', 'https://$host'],
    ['FRAME_ANCESTORS', '\'self\';report-uri https://collector.example'],
    ['FRAME_ANCESTORS', 'https://portal.example.com; report-uri https://collector.example'],
    ['FRAME_ANCESTORS', 'https://portal.example.com"'],
    ['BOARD_LOG_DIR', '/var/log/board;access_log off'],
    ['BOARD_LOG_DIR', '/tmp/with space'],
    ['BOARD_LOG_DIR', '/tmp/{x}'],
    ['BOARD_PPTX', 'ann;bob'],
  ]
  it.each(cases)('%s=%j', (setting, value) => {
    expect(() => settings({ [setting]: value })).toThrow(new RegExp(`^${setting}\\b`))
  })

  it.each([
    '#board',
    'Board',
    'board:x',
    'a b',
    '../x',
    'x'.repeat(33),
    '',
  ])('bOARD_USER=%j', (user) => {
    expect(() => settings({ BOARD_USERS: '', BOARD_PASSWORD: 'a fine long phrase', BOARD_USER: user || ' ' })).toThrow(/^BOARD_USER must be/)
  })

  it('a users file or read log inside the repository is refused', () => {
    expect(() => settings({ BOARD_USERS: 'users' })).toThrow(/^BOARD_USERS is inside the repository/)
    expect(() => settings({ BOARD_USERS: 'test-results/users' })).toThrow(/^BOARD_USERS is inside the repository/)
    expect(() => settings({ BOARD_LOG_DIR: 'test-results/log' })).toThrow(/^BOARD_LOG_DIR is inside the repository/)
  })
})
