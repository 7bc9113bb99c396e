import { randomInt } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
// The directors' logins: one line per director in a standard htpasswd file (`name:$2b$…`), kept outside the
// repository. `npm run host:users` (scripts/host-users.ts) manages it; `npm run host` hands nginx a copy.
import bcrypt from 'bcryptjs'
import { UserError } from '../../shared/errors.ts'

/** Lower-case letter first, then letters, digits, ".", "_", "-"; 32 at most. Also the pack's file name, so nothing else. */
export const USER_NAME = /^[a-z][a-z0-9._-]{0,31}$/

/**
 * bcrypt's cost. nginx checks the hash on every request (basic authentication sends the password each
 * time), in its event loop: measured here through Debian's nginx, cost 10 took 125 ms a request, cost 8
 * 36 ms. With passwords of 12 characters or more that are not common ones, 8 is the better balance.
 */
export const BCRYPT_COST = 8

/** The schemes Debian's nginx verifies (through libxcrypt) and this file accepts: bcrypt and SHA-512 crypt. */
const HASH = /^(\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}|\$6\$(rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{86})$/

/** Passwords the rules refuse whatever their length: the usual first picks, and what a board deck suggests. */
const COMMON = [
  'password',
  'passw0rd',
  '123456',
  '12345678',
  '1234567890',
  '123456789012',
  'qwerty',
  'qwertyuiop',
  'letmein',
  'welcome',
  'iloveyou',
  'admin',
  'administrator',
  'changeme',
  'secret',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'sunshine',
  'trustno1',
  'abc123',
  'correcthorsebatterystaple',
  'board',
  'boardpaper',
  'boardpack',
  'boardmeeting',
  'boarddeck',
  'director',
  'chairman',
  'secretary',
  'company',
  'agentic',
  'agenticcoding',
]

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export class UsersError extends UserError {}

/** The users file: BOARD_USERS, or ~/.config/board-deck/users (XDG_CONFIG_HOME if set). */
export function usersFilePath(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.BOARD_USERS?.trim()
  const path = raw
    ? resolve(raw)
    : join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'board-deck', 'users')
  // The path is never written into nginx's configuration (nginx reads a copy), but a line break or a
  // control character in it is a mistake worth naming.
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  if (/[\0-\x1F\x7F]/.test(path))
    throw new UsersError(`BOARD_USERS holds a control character or line break: ${JSON.stringify(path)}`)
  refuseInsideRepo(path, 'BOARD_USERS')
  return path
}

/** The file's nearest existing folder, with links resolved, so a symlink cannot smuggle the file into the repo. */
function realFolder(path: string): string {
  let dir = dirname(path)
  while (!existsSync(dir)) dir = dirname(dir)
  return join(realpathSync(dir), relative(dir, dirname(path)))
}

/** A users file inside the checkout would be one `git add .` from being published with the deck. */
export function refuseInsideRepo(path: string, setting: string) {
  const rel = relative(realpathSync(REPO_ROOT), realFolder(path))
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
    throw new UsersError(`${setting} is inside the repository (${path}): keep the users file outside it, e.g. ~/.config/board-deck/users`)
  }
}

export function checkUserName(name: string, setting = 'user name'): string {
  if (!USER_NAME.test(name)) {
    throw new UsersError(`${setting} must be a lower-case letter then up to 31 lower-case letters, digits, ".", "_" or "-": ${JSON.stringify(name)}`)
  }
  return name
}

/** The password rules: 12 characters or more, not the user name inside it, not a common password. */
export function checkPassword(password: string, user: string, setting = 'the password'): string {
  const chars = [...password]
  if (chars.length < 12)
    throw new UsersError(`${setting} is too short: 12 characters or more (it has ${chars.length})`)
  // bcrypt reads the first 72 bytes only: anything after would be silently ignored.
  if (Buffer.byteLength(password) > 72)
    throw new UsersError(`${setting} is too long: 72 bytes at most`)
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  if (/[\0-\x1F\x7F]/.test(password))
    throw new UsersError(`${setting} holds a control character or line break`)
  const lower = password.toLowerCase()
  if (lower.includes(user.toLowerCase()))
    throw new UsersError(`${setting} contains the user name "${user}"`)
  if (new Set(chars).size < 5)
    throw new UsersError(`${setting} repeats too few characters (fewer than 5 different ones)`)
  const folded = lower.replace(/[^a-z0-9]/g, '')
  for (const common of COMMON) {
    // "Password123456" and "board-paper-2026" are the same guess with decoration.
    if (folded === common || folded.replace(/\d+$/, '') === common || folded.startsWith(common.repeat(2))) {
      throw new UsersError(`${setting} is a common password (or one with digits added): choose another, or let host:users generate one`)
    }
  }
  return password
}

/** 20 characters from 32 that are hard to misread (no 0/o, 1/l/i): 100 bits, grouped for reading aloud. */
/** A random password for `user` that keeps every rule checkPassword applies (a draw that holds the name is drawn again). */
export function generatePassword(user: string): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  for (;;) {
    const chars = Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)])
    const password = chars.join('').match(/.{5}/g)!.join('-')
    try {
      return checkPassword(password, user)
    }
    catch (e) {
      if (!(e instanceof UsersError))
        throw e
    }
  }
}

export function hashPassword(password: string): string {
  return bcrypt.hashSync(password, BCRYPT_COST)
}

export type Users = Map<string, string>

/**
 * Reads htpasswd text: `name:hash` lines, blank lines and `#` comments. Each line that breaks a rule is
 * reported with its number; `users` holds the good ones only.
 */
export function parseUsers(text: string, file: string): { users: Users, problems: string[] } {
  const users: Users = new Map()
  const problems: string[] = []
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '')
    if (!line.trim() || line.startsWith('#'))
      return
    const at = `${file}, line ${i + 1}`
    const colon = line.indexOf(':')
    const name = colon < 0
      ? line
      : line.slice(0, colon)
    const hash = colon < 0
      ? ''
      : line.slice(colon + 1)
    if (!USER_NAME.test(name))
      problems.push(`${at}: the user name ${JSON.stringify(name)} is not allowed (a lower-case letter, then up to 31 of a-z 0-9 . _ -)`)
    else if (!HASH.test(hash))
      problems.push(`${at}: "${name}" has no bcrypt ($2b$/$2y$) or SHA-512 crypt ($6$) hash`)
    else if (users.has(name))
      problems.push(`${at}: "${name}" is listed twice`)
    else users.set(name, hash)
  })
  return { users, problems }
}

export function formatUsers(users: Users): string {
  return [...users].map(([name, hash]) => `${name}:${hash}\n`).join('')
}

/** The users file, or an empty list if it does not exist yet; a file with a bad line is refused, naming it. */
export function readUsers(file: string): Users {
  if (!existsSync(file))
    return new Map()
  const { users, problems } = parseUsers(readFileSync(file, 'utf8'), file)
  if (problems.length)
    throw new UsersError(problems.join('\n'))
  return users
}

/** Writes the whole file at once (a temporary file renamed over it), readable by its owner only. */
export function writeUsers(file: string, users: Users) {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, formatUsers(users), { mode: 0o600 })
  chmodSync(tmp, 0o600)
  renameSync(tmp, file)
}
