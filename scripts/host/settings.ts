// Every setting of `npm run host`, checked against a strict pattern before anything is written. Most of
// them end up inside nginx's configuration, where a ";", "{", "$", quote or line break would be read as
// configuration (a location without the login, a second listen): so each value must match a pattern that
// allows none of these, and the value written is the one that was checked.
import { isIPv4, isIPv6 } from 'node:net'
import { homedir, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { frameAncestors } from '../../deploy/headers.ts'
import { UserError } from '../../shared/errors.ts'
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
  warnings: string[]
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
  if (!['127.0.0.1', '[::1]', 'localhost'].includes(listenHost)) {
    warnings.push(`HOST=${rawHost} listens beyond this machine: basic authentication sends every password in the clear, so put TLS in front (a load balancer, or nginx with "listen 443 ssl") before anyone connects.`)
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

  const rawPptx = (env.BOARD_PPTX ?? 'all').trim() || 'all'
  let pptx: HostSettings['pptx']
  if (rawPptx === 'all' || rawPptx === 'off')
    pptx = rawPptx
  else if (rawPptx.split(',').every(n => USER_NAME.test(n)))
    pptx = rawPptx.split(',')
  else throw new SettingError(`BOARD_PPTX must be "all", "off" or a comma-separated list of user names (e.g. "ceo-office,secretary"): ${JSON.stringify(rawPptx)}`)

  // nginx's working folder is made under the temporary folder, and its path is written into the configuration.
  const tmpDir = safePath(tmpdir(), 'TMPDIR')

  return {
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
