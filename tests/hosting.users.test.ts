// The directors' logins: `npm run host:users` and the rules a name and a password must keep. That nginx
// verifies the hashes is checked through the real nginx in tests/browser/hosting.test.ts.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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

  it('a password is judged by zxcvbn, with the user\'s name and the company\'s words as a dictionary', () => {
    for (const good of ['a fine long phrase', 'vq7-lamp-orbit-grain', 'correct horse battery staple'])
      expect(checkPassword(good, 'ann.lee'), good).toBe(good)
    for (const weak of [
      'P@ssw0rd2026!',
      'Summer2026!!',
      'abcdefghijkl',
      'password1234',
      'Password123456',
      'qwertyuiop12',
      'aaaaaaaaaaaaaaaa',
      'AnnLee2026board!', // the user's name and a company word
      'ann.lee.2026!!',
      'AgenticCoding2026', // the company's words
      'BoardPaper2026!',
      'elevenchars',
    ]) {
      expect(() => checkPassword(weak, 'ann.lee'), weak).toThrow(/too easy to guess \(about 10\^\d+ guesses; 10\^12 needed\)/)
    }
    // The name makes the difference: the same password is fine for someone else.
    expect(() => checkPassword('AnnLee2026board!', 'bob')).not.toThrow()
    expect(() => checkPassword('x'.repeat(40) + 'é'.repeat(20), 'ann')).toThrow(/72 bytes/)
    expect(() => checkPassword('a fine long\nphrase', 'ann')).toThrow(/line break/)
  })

  it('a generated password passes, and never holds the user\'s name', () => {
    for (let i = 0; i < 20; i++) expect(() => checkPassword(generatePassword('ann'), 'ann')).not.toThrow()
    for (let i = 0; i < 5000; i++) expect(generatePassword('ann').replace(/-/g, '')).not.toContain('ann')
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
    expect(run(['add', 'carol'], 'short').stderr).toMatch(/too easy to guess/)
    expect(run(['add', 'carol'], 'Carol2026board!').stderr).toMatch(/too easy to guess/)
    expect(run(['add', 'carol'], 'password1234').stderr).toMatch(/too easy to guess/)
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

describe('a director\'s name for the stamp', () => {
  it('is kept after the hash (htpasswd\'s comment field), checked, and given for the pack; the login otherwise', async () => {
    const { displayName } = await import('../scripts/host/users.ts')
    const hash = bcrypt.hashSync('a fine long phrase', 4)
    const { users, problems } = parseUsers(`ann.lee:${hash}:Ann Lee\nbob:${hash}\ncarol:${hash}:Carol\u001B[8m\ndave:${hash}:Dave:x\n`, 'users')
    expect([
      ...users.keys(),
    ]).toEqual(['ann.lee', 'bob'])
    expect(problems).toEqual([
      'users, line 3: "carol" has a display name after the hash that is not letters, digits, spaces and . , \' - (64 at most)',
      'users, line 4: "dave" has a display name after the hash that is not letters, digits, spaces and . , \' - (64 at most)',
    ])
    expect(displayName(users, 'ann.lee')).toBe('Ann Lee')
    expect(displayName(users, 'bob')).toBe('bob')
  })

  it('host:users add --name writes it; a name with a colon or a control character is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'board-users-name-'))
    const file = join(dir, 'users')
    const add = (args: string[]) => spawnSync(process.execPath, [
      '--import',
      'tsx',
      'scripts/host-users.ts',
      'add',
      ...args,
    ], {
      input: 'a fine long phrase',
      encoding: 'utf8',
      env: { ...process.env, BOARD_USERS: file },
    })
    expect(add(['ann.lee', '--name', 'Ann Lée']).status).toBe(0)
    expect(readFileSync(file, 'utf8')).toMatch(/^ann\.lee:\$2b\$08\$[./A-Za-z0-9]{53}:Ann Lée\n$/)
    for (const bad of ['Ann:Lee', 'Ann\nbob:x', '\u001B[8mAnn']) {
      const r = add(['bob', '--name', bad])
      expect(r.status, bad).toBe(USER_ERROR_EXIT)
      expect(r.stderr).toMatch(/--name must be a name/)
    }
  })
})

describe('npm run host:users, several at once', () => {
  it('six removals and six additions run together on one file: every one of them holds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'board-users-race-'))
    const file = join(dir, 'users')
    const hash = bcrypt.hashSync('a fine long phrase', 4)
    const old = Array.from({ length: 6 }, (_, i) => `old${i}`)
    writeFileSync(file, ['keep', ...old].map(n => `${n}:${hash}\n`).join(''), { mode: 0o600 })
    const runs = [
      ...old.map(n => ['remove', n]),
      ...old.map((_, i) => ['add', `new${i}`, '--generate']),
    ].map(args => new Promise<number | null>((resolve) => {
      const p = spawn(process.execPath, [
        '--import',
        'tsx',
        'scripts/host-users.ts',
        ...args,
      ], {
        env: { ...process.env, BOARD_USERS: file },
        stdio: ['ignore', 'ignore', 'inherit'],
      })
      p.on('exit', resolve)
    }))
    expect(await Promise.all(runs)).toEqual(Array.from({ length: 12 }).fill(0))
    const names = readFileSync(file, 'utf8').trim().split('\n').map(l => l.split(':')[0]).sort()
    expect(names).toEqual([
      'keep',
      ...old.map((_, i) => `new${i}`),
    ].sort())
    expect(existsSync(`${file}.lock`)).toBe(false)
  }, 120_000)
})
