// The directors' logins: one line per director in a standard htpasswd file (`name:$2b$…`), kept outside the
// repository. `npm run host:users` (scripts/host-users.ts) manages it; `npm run host` hands nginx a copy.
import { randomInt } from 'node:crypto'
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as zxcvbnCommon from '@zxcvbn-ts/language-common'
import * as zxcvbnEn from '@zxcvbn-ts/language-en'
import bcrypt from 'bcryptjs'
import { UserError } from '../../data/errors.ts'
import { DECK_NAME } from '../../shared/deck-name.ts'

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

/**
 * Words a guesser would try first for this board paper, beside the user's own name: the estimator below
 * takes them as a dictionary of its own.
 */
export const COMPANY_WORDS = [
  ...DECK_NAME.split('-'),
  'anthropic',
  'expertise',
  'persistent',
  'returns',
  'boardpaper',
  'boardpack',
  'boardmeeting',
  'director',
  'directors',
  'chair',
  'chairman',
  'secretary',
  'company',
  'paper',
  'pack',
  'meeting',
]

/**
 * zxcvbn's guesses (log10) below which a password is refused. Online, nginx lets an address try about ten a
 * second; the bound is set for a users file that leaks: bcrypt at cost 8 is cheap enough for an offline
 * guesser to try on the order of 10^5 a second, so 10^12 guesses is months, zxcvbn's top score (10^10) a day.
 */
export const MIN_GUESSES_LOG10 = 12

let estimator: ZxcvbnFactory | undefined
/** zxcvbn (the TypeScript port) with its common-password, name and English word lists; built on first use. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: {
      ...zxcvbnCommon.dictionary,
      ...zxcvbnEn.dictionary,
    },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEn.translations,
  })
  return estimator
}

/** The user's name as a guesser would use it: whole, in its parts ("ann.lee": ann, lee) and run together. */
function nameWords(user: string, displayName = ''): string[] {
  const parts = [user, displayName].flatMap(n => n.toLowerCase().split(/[^a-z0-9]+/)).filter(Boolean)
  return [
    user,
    user.replace(/[^a-z0-9]/g, ''),
    displayName.toLowerCase().replace(/[^a-z0-9]/g, ''),
    ...parts,
  ].filter(Boolean)
}

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

/**
 * A password is judged by zxcvbn, with the user's name and the company's words as a dictionary of its own:
 * it must take 10^12 guesses or more. Only what a hash line cannot hold is a rule: bcrypt's 72 bytes and
 * control characters.
 */
export function checkPassword(password: string, user: string, setting = 'the password', displayName = ''): string {
  // bcrypt reads the first 72 bytes only: anything after would be silently ignored.
  if (Buffer.byteLength(password) > 72)
    throw new UsersError(`${setting} is too long: 72 bytes at most`)
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  if (/[\0-\x1F\x7F]/.test(password))
    throw new UsersError(`${setting} holds a control character or line break`)
  const verdict = zxcvbn().check(password, [
    ...nameWords(user, displayName),
    ...COMPANY_WORDS,
  ])
  if (verdict.guessesLog10 < MIN_GUESSES_LOG10) {
    const why = [verdict.feedback.warning, ...verdict.feedback.suggestions].filter(Boolean).join(' ')
    throw new UsersError(`${setting} is too easy to guess (about 10^${Math.floor(verdict.guessesLog10)} guesses; 10^${MIN_GUESSES_LOG10} needed)${why
      ? `: ${why}`
      : ''}. Choose a longer one of unrelated words, or let host:users generate one`)
  }
  return password
}

/**
 * 20 characters from 31 that are hard to misread (no 0/o, 1/l/i): 99 bits, grouped for reading aloud. A draw
 * that holds the user's name is drawn again, so that no password looks derived from it.
 */
export function generatePassword(user: string): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  for (;;) {
    const chars = Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)])
    const password = chars.join('').match(/.{5}/g)!.join('-')
    if (!password.replace(/-/g, '').includes(user.replace(/[^a-z0-9]/g, '')))
      return password
  }
}

export function hashPassword(password: string): string {
  return bcrypt.hashSync(password, BCRYPT_COST)
}

/**
 * Each login's htpasswd value: the hash, then, after a colon, the director's name as the pack's stamp shows
 * it ("Ann Lee"). nginx reads the hash and ignores the rest of the line (htpasswd's comment field).
 */
export type Users = Map<string, string>

/** A director's name for the stamp: letters (Latin-1, as the PDF's standard font has them), digits, spaces, . , ' ’ -; 64 at most. */
export const DISPLAY_NAME = /^[A-Za-z\u00C0-\u00FF][A-Za-z\u00C0-\u00FF0-9 .,'\u2019-]{0,63}$/

export function checkDisplayName(name: string, setting = '--name'): string {
  const trimmed = name.trim().replace(/ {2,}/g, ' ')
  if (!DISPLAY_NAME.test(trimmed))
    throw new UsersError(`${setting} must be a name of letters, digits, spaces and . , ' - (64 at most), such as "Ann Lee": ${JSON.stringify(name)}`)
  return trimmed
}

/** The name the stamp shows: the display name if the users file gives one, else the login. */
export function displayName(users: Users, login: string): string {
  const value = users.get(login) ?? ''
  const colon = value.indexOf(':')
  return colon < 0
    ? login
    : value.slice(colon + 1)
}

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
    const value = colon < 0
      ? ''
      : line.slice(colon + 1)
    const [hash, shownName, ...extra] = value.split(':')
    if (!USER_NAME.test(name))
      problems.push(`${at}: the user name ${JSON.stringify(name)} is not allowed (a lower-case letter, then up to 31 of a-z 0-9 . _ -)`)
    else if (!HASH.test(hash))
      problems.push(`${at}: "${name}" has no bcrypt ($2b$/$2y$) or SHA-512 crypt ($6$) hash`)
    else if (extra.length || (shownName !== undefined && !DISPLAY_NAME.test(shownName)))
      problems.push(`${at}: "${name}" has a display name after the hash that is not letters, digits, spaces and . , ' - (64 at most)`)
    else if (users.has(name))
      problems.push(`${at}: "${name}" is listed twice`)
    else users.set(name, value)
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

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
function running(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  }
  catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Runs `change` (read the file, change it, write it) while no other `host:users` can: two at once would
 * each write back what it read, and one change (a removal) would be lost. The lock is a file beside the
 * users file, created only if absent (O_EXCL), holding the owner's pid; one left by a run that died is
 * taken over once its owner is gone. Waits up to `waitMs`, then names the lock.
 */
export function withUsersLock<T>(file: string, change: () => T, waitMs = 15_000): T {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  const lock = `${file}.lock`
  const until = Date.now() + waitMs
  let fd: number | undefined
  while (fd === undefined) {
    try {
      fd = openSync(lock, 'wx', 0o600)
      writeSync(fd, String(process.pid))
    }
    catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new UsersError(`BOARD_USERS: cannot lock ${file} (${(e as NodeJS.ErrnoException).code}): ${lock} cannot be created`)
      let owner = 0
      try {
        owner = Number(readFileSync(lock, 'utf8'))
        // A lock whose owner is gone (or never wrote its pid, and is old) is stale.
        if ((owner && !running(owner)) || (!owner && Date.now() - statSync(lock).mtimeMs > 5000))
          rmSync(lock, { force: true })
      }
      catch {}
      if (Date.now() > until)
        throw new UsersError(`BOARD_USERS: ${file} is being changed by another host:users (pid ${owner || 'unknown'}): try again, or remove ${lock} if none is running`)
      sleep(20)
    }
  }
  try {
    return change()
  }
  finally {
    closeSync(fd)
    rmSync(lock, { force: true })
  }
}
