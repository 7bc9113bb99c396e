import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
// The directors' logins: `npm run host:users` and the rules a name and a password must keep. That nginx
// verifies the hashes is checked through the real nginx in tests/browser/hosting.test.ts.
import bcrypt from 'bcryptjs'
import { describe, expect, it } from 'vitest'
import { checkPassword, checkUserName, generatePassword, parseUsers } from '../scripts/host/users.ts'
import { USER_ERROR_EXIT } from '../scripts/lib/cli.ts'

describe('the rules', () => {
  it('a user name is a lower-case letter, then up to 31 of a-z 0-9 . _ -', () => {
    for (const good of ['ann', 'j.smith', 'ceo-office', 'a_b9']) expect(checkUserName(good)).toBe(good)
    for (const bad of [
      '#board',
      'Ann',
      '9lives',
      'a b',
      'a:b',
      '../x',
      'x'.repeat(33),
      '',
      'ann\n',
    ]) expect(() => checkUserName(bad), bad).toThrow(/user name must be/)
  })

  it('a password is 12 characters or more, without the user name, and not a common one', () => {
    expect(checkPassword('a fine long phrase', 'ann')).toBe('a fine long phrase')
    expect(() => checkPassword('elevenchars', 'ann')).toThrow(/too short/)
    expect(() => checkPassword('my name is Ann, ok', 'ann')).toThrow(/contains the user name "ann"/)
    for (const common of [
      'password1234',
      'Password123456',
      'qwertyuiop12',
      'correct horse battery staple',
      'board-paper-2026',
      'administrator',
    ]) {
      expect(() => checkPassword(common, 'ann'), common).toThrow(/common password/)
    }
    expect(() => checkPassword('aaaaaaaaaaaaaaaa', 'ann')).toThrow(/too few/)
    expect(() => checkPassword('x'.repeat(40) + 'é'.repeat(20), 'ann')).toThrow(/72 bytes/)
    expect(() => checkPassword('a fine long\nphrase', 'ann')).toThrow(/line break/)
  })

  it('a generated password keeps the rules, even for a short name a random draw can contain', () => {
    // "ann" turns up in about one draw in 2,500 (12 places, 31 letters): 2,000 draws would fail about half the time if the generator did not draw again.
    for (let i = 0; i < 2000; i++) expect(() => checkPassword(generatePassword('ann'), 'ann')).not.toThrow()
  })

  it('a users file line that breaks a rule is named with its line number', () => {
    const hash = bcrypt.hashSync('a fine long phrase', 4)
    const { users, problems } = parseUsers(`# directors\nann:${hash}\nBob:${hash}\ncarol:{SHA}abc\nann:${hash}\n`, 'users')
    expect([
      ...users.keys(),
    ]).toEqual(['ann'])
    expect(problems).toEqual([
      'users, line 3: the user name "Bob" is not allowed (a lower-case letter, then up to 31 of a-z 0-9 . _ -)',
      'users, line 4: "carol" has no bcrypt ($2b$/$2y$) or SHA-512 crypt ($6$) hash',
      'users, line 5: "ann" is listed twice',
    ])
  })
})

describe('npm run host:users', () => {
  const dir = mkdtempSync(join(tmpdir(), 'board-users-'))
  const file = join(dir, 'config', 'users')
  const run = (args: string[], input?: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [
      '--import',
      'tsx',
      'scripts/host-users.ts',
      ...args,
    ], {
      input: input ?? '',
      encoding: 'utf8',
      env: {
        ...process.env,
        BOARD_USERS: file,
        ...env,
      },
    })

  it('adds a director with the password from standard input, as a bcrypt hash in a file only its owner reads', () => {
    const r = run(['add', 'ann'], 'a fine long phrase\n')
    expect(r.status, r.stderr).toBe(0)
    const text = readFileSync(file, 'utf8')
    expect(text).toMatch(/^ann:\$2b\$08\$[./A-Za-z0-9]{53}\n$/)
    expect(text).not.toContain('a fine long phrase')
    expect(bcrypt.compareSync('a fine long phrase', text.trim().slice(4))).toBe(true) // the line end is not part of it
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('generates a password with --generate and prints it once', () => {
    const r = run(['add', 'bob', '--generate'])
    expect(r.status, r.stderr).toBe(0)
    const password = /Password for bob .*: (\S+)/.exec(r.stdout)![1]
    const line = readFileSync(file, 'utf8').split('\n').find(l => l.startsWith('bob:'))!
    expect(bcrypt.compareSync(password, line.slice(4))).toBe(true)
  })

  it('refuses a weak password, a bad name and a second login for one name, and writes nothing', () => {
    const before = readFileSync(file, 'utf8')
    expect(run(['add', 'carol'], 'short').stderr).toMatch(/too short/)
    expect(run(['add', 'carol'], 'carol-is-my-name').stderr).toMatch(/contains the user name "carol"/)
    expect(run(['add', 'carol'], 'password1234').stderr).toMatch(/common password/)
    expect(run(['add', '#board'], 'a fine long phrase').stderr).toMatch(/user name must be/)
    const again = run(['add', 'ann'], 'another long phrase')
    expect(again.status).toBe(USER_ERROR_EXIT)
    expect(again.stderr).toMatch(/"ann" already has a login/)
    expect(readFileSync(file, 'utf8')).toBe(before)
  })

  it('lists and removes', () => {
    expect(run(['list']).stdout).toBe('ann\nbob\n')
    expect(run(['remove', 'bob']).status).toBe(0)
    expect(run(['list']).stdout).toBe('ann\n')
    const again = run(['remove', 'bob'])
    expect(again.status).toBe(USER_ERROR_EXIT)
    expect(again.stderr).toMatch(/"bob" has no login/)
  })

  it('refuses a users file inside the repository', () => {
    const r = run(['add', 'ann'], 'a fine long phrase', { BOARD_USERS: 'test-results/users' })
    expect(r.status).toBe(USER_ERROR_EXIT)
    expect(r.stderr).toMatch(/BOARD_USERS is inside the repository/)
  })
})
