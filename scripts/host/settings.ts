// Every setting of `npm run host`, checked against a strict pattern before anything is written. Most of
// them end up inside nginx's configuration, where a ";", "{", "$", quote or line break would be read as
// configuration (a location without the login, a second listen): so each value must match a pattern that
// allows none of these, and the value written is the one that was checked.
import { createPrivateKey, X509Certificate } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { isIP, isIPv4, isIPv6 } from 'node:net'
import { homedir, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { UserError } from '../../data/errors.ts'
import { frameAncestors } from '../../deploy/headers.ts'
import { checkPassword, checkUserName, refuseInsideRepo, USER_NAME, UsersError, usersFilePath } from './users.ts'

export class SettingError extends UserError {}

/** A folder path nginx can be given unquoted: absolute, letters, digits and . _ - / @ + only. */
const SAFE_PATH = /^\/[\w./@+-]*$/
const HOST_NAME = /^(?=.{1,253}$)[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?(?:\.[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?)*$/i
const BASE = /^\/([\w.-]+\/)*$/

export interface HostSettings {
  /** As nginx's `listen` wants it: an IPv6 address in brackets. */
  listenHost: string
  /** Where to check that nginx answers (0.0.0.0 and :: are checked on loopback). */
  probeHost: string
  port: number
  base: string
  ancestors: string
  /** The one-person trial (BOARD_PASSWORD), or the users file. */
  login: { kind: 'trial', user: string, password: string } | { kind: 'file', file: string }
  logDir: string
  /** Who may download the PowerPoint: every director, nobody, or the names listed. */
  pptx: 'all' | 'off' | string[]
  tmpDir: string
  /** HTTPS on PORT: the certificate chain and its key, as PEM text (BOARD_TLS_CERT, BOARD_TLS_KEY). */
  tls?: { cert: string, key: string }
  /** The TLS proxy in front (BOARD_TLS_PROXY): an address or network whose X-Forwarded-For is believed. */
  tlsProxy?: string
  /** The read log is rotated past this many bytes; one previous file is kept (BOARD_LOG_MAX). */
  logMax: number
  warnings: string[]
}

/** 127.0.0.0/8, ::1 and "localhost": reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1')
  return bare === 'localhost' || bare === '::1' || (isIPv4(bare) && bare.startsWith('127.'))
}

/** An address or a network (CIDR) as nginx's set_real_ip_from takes it. */
function checkProxy(raw: string): string {
  const [addr, bits, ...rest] = raw.split('/')
  const family = isIP(addr)
  const max = family === 4
    ? 32
    : 128
  if (!family || rest.length || (bits !== undefined && (!/^\d{1,3}$/.test(bits) || Number(bits) > max))) {
    throw new SettingError(`BOARD_TLS_PROXY must be the TLS proxy's address or network (e.g. 10.0.0.7 or 10.0.0.0/24): ${JSON.stringify(raw)}`)
  }
  return raw
}

/** The certificate and key files, read and checked together: both or neither, PEM, matching, not expired. */
function readTls(env: NodeJS.ProcessEnv): HostSettings['tls'] {
  const certPath = env.BOARD_TLS_CERT?.trim()
  const keyPath = env.BOARD_TLS_KEY?.trim()
  if (!certPath && !keyPath)
    return undefined
  if (!certPath)
    throw new SettingError('BOARD_TLS_CERT is missing: BOARD_TLS_KEY needs the certificate that goes with it')
  if (!keyPath)
    throw new SettingError('BOARD_TLS_KEY is missing: BOARD_TLS_CERT needs its private key')
  const read = (path: string, setting: string) => {
    if (!existsSync(path))
      throw new SettingError(`${setting}: no file at ${path}`)
    try {
      return readFileSync(path, 'utf8')
    }
    catch (e) {
      throw new SettingError(`${setting}: ${path} cannot be read (${(e as NodeJS.ErrnoException).code})`)
    }
  }
  const cert = read(certPath, 'BOARD_TLS_CERT')
  const key = read(keyPath, 'BOARD_TLS_KEY')
  let x509: X509Certificate
  try {
    x509 = new X509Certificate(cert)
  }
  catch {
    throw new SettingError(`BOARD_TLS_CERT: ${certPath} is not a PEM certificate ("-----BEGIN CERTIFICATE-----")`)
  }
  let privateKey
  try {
    privateKey = createPrivateKey(key)
  }
  catch {
    throw new SettingError(`BOARD_TLS_KEY: ${keyPath} is not an unencrypted PEM private key`)
  }
  if (!x509.checkPrivateKey(privateKey))
    throw new SettingError(`BOARD_TLS_KEY: ${keyPath} is not the key of the certificate in ${certPath} (BOARD_TLS_CERT)`)
  if (new Date(x509.validTo) < new Date())
    throw new SettingError(`BOARD_TLS_CERT: the certificate in ${certPath} expired on ${x509.validTo}`)
  return { cert, key }
}

/** "50M", "64K", "1G" or bytes; from 16 KiB to 16 GiB. */
function readLogMax(raw: string | undefined): number {
  const value = (raw ?? '').trim() || '50M'
  const m = /^(\d{1,11})([KMG]?)$/i.exec(value)
  const bytes = m
    ? Number(m[1]) * 1024 ** ' KMG'.indexOf((m[2] || ' ').toUpperCase())
    : Number.NaN
  if (!(bytes >= 16 * 1024 && bytes <= 16 * 1024 ** 3))
    throw new SettingError(`BOARD_LOG_MAX must be a size from 16K to 16G, such as 50M: ${JSON.stringify(value)}`)
  return bytes
}

function safePath(value: string, setting: string): string {
  const path = resolve(value)
  if (!SAFE_PATH.test(path) || path.split('/').includes('..')) {
    throw new SettingError(`${setting} must be a folder path of letters, digits and . _ - / @ + only (no spaces, quotes, ";", "$" or braces): ${JSON.stringify(value)}`)
  }
  return path
}

/** Reads and checks every setting; throws a SettingError naming the first bad one. Writes nothing. */
export function hostSettings(env: NodeJS.ProcessEnv = process.env): HostSettings {
  const warnings: string[] = []

  const rawHost = env.HOST || '127.0.0.1'
  let listenHost: string
  let probeHost: string
  const bare = rawHost.replace(/^\[(.*)\]$/, '$1')
  if (isIPv4(rawHost)) {
    listenHost = probeHost = rawHost
    if (rawHost === '0.0.0.0')
      probeHost = '127.0.0.1'
  }
  else if (/^[0-9A-F:.]+$/i.test(bare) && isIPv6(bare)) {
    listenHost = probeHost = `[${bare}]`
    if (bare === '::')
      probeHost = '[::1]'
  }
  else if (HOST_NAME.test(rawHost)) {
    listenHost = probeHost = rawHost
  }
  else {
    throw new SettingError(`HOST must be an IPv4 or IPv6 address or a host name (letters, digits, "." and "-"): ${JSON.stringify(rawHost)}`)
  }
  const tls = readTls(env)
  const rawProxy = env.BOARD_TLS_PROXY?.trim()
  const tlsProxy = rawProxy
    ? checkProxy(rawProxy)
    : undefined
  if (tls && tlsProxy)
    throw new SettingError('BOARD_TLS_PROXY says a TLS proxy stands in front, BOARD_TLS_CERT says this host serves TLS itself: set one or the other')
  // Basic authentication sends the password with every request: in the clear, beyond this machine, unless
  // TLS is served here or by a proxy the operator names.
  if (!isLoopback(listenHost) && !tls && !tlsProxy) {
    throw new SettingError(`HOST=${rawHost} listens beyond this machine without TLS, and basic authentication would send every password in the clear: set BOARD_TLS_CERT and BOARD_TLS_KEY, or BOARD_TLS_PROXY=<address of the TLS proxy in front>`)
  }

  const rawPort = env.PORT || '8080'
  if (!/^\d{1,5}$/.test(rawPort) || Number(rawPort) < 1 || Number(rawPort) > 65535) {
    throw new SettingError(`PORT must be a port number from 1 to 65535, digits only: ${JSON.stringify(rawPort)}`)
  }
  const port = Number(rawPort)

  // "board" and "/board" are accepted as "/board/" (as `npm run build` does); the result must be a plain path.
  const rawBase = env.BASE ?? '/board/'
  const base = /^[\w./-]*$/.test(rawBase)
    ? `/${rawBase.replace(/^\/+|\/+$/g, '').replace(/\/{2,}/g, '/')}/`.replace(/^\/\/$/, '/')
    : ''
  if (!BASE.test(base) || base.split('/').some(s => s === '.' || s === '..')) {
    throw new SettingError(`BASE must be a path such as /board/ (letters, digits, ".", "_", "-" between slashes): ${JSON.stringify(rawBase)}`)
  }

  let ancestors: string
  try {
    ancestors = frameAncestors(env.FRAME_ANCESTORS)
  }
  catch (e) {
    throw new SettingError((e as Error).message)
  }

  let login: HostSettings['login']
  try {
    if (env.BOARD_PASSWORD) {
      if (env.BOARD_USERS)
        throw new SettingError('Set BOARD_USERS (one login per director) or BOARD_PASSWORD (a one-person trial), not both')
      const user = checkUserName(env.BOARD_USER || 'board', 'BOARD_USER')
      login = {
        kind: 'trial',
        user,
        password: checkPassword(env.BOARD_PASSWORD, user, 'BOARD_PASSWORD'),
      }
    }
    else {
      if (env.BOARD_USER)
        throw new SettingError('BOARD_USER goes with BOARD_PASSWORD (the one-person trial); with a users file, add the director: npm run host:users -- add <name>')
      login = {
        kind: 'file',
        file: usersFilePath(env),
      }
    }
  }
  catch (e) {
    if (e instanceof UsersError)
      throw new SettingError(e.message)
    throw e
  }

  // The read log outlives each run (the temporary folder does not): ~/.local/state/board-deck by default.
  const logDir = safePath(env.BOARD_LOG_DIR?.trim() || join(env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'board-deck'), 'BOARD_LOG_DIR')
  try {
    refuseInsideRepo(join(logDir, 'access.log'), 'BOARD_LOG_DIR')
  }
  catch (e) {
    throw new SettingError((e as Error).message)
  }

  const rawPptx = (env.BOARD_PPTX ?? 'off').trim() || 'off'
  let pptx: HostSettings['pptx']
  if (rawPptx === 'all' || rawPptx === 'off')
    pptx = rawPptx
  else if (rawPptx.split(',').every(n => USER_NAME.test(n)))
    pptx = rawPptx.split(',')
  else throw new SettingError(`BOARD_PPTX must be "all", "off" or a comma-separated list of user names (e.g. "ceo-office,secretary"): ${JSON.stringify(rawPptx)}`)

  // nginx's working folder is made under the temporary folder, and its path is written into the configuration.
  const tmpDir = safePath(tmpdir(), 'TMPDIR')

  const logMax = readLogMax(env.BOARD_LOG_MAX)

  return {
    tls,
    tlsProxy,
    logMax,
    listenHost,
    probeHost,
    port,
    base,
    ancestors,
    login,
    logDir,
    pptx,
    tmpDir,
    warnings,
  }
}
