// `npm run host:users -- add <name>` | `list` | `remove <name>`: the directors' logins, without editing a file
// by hand. The file is BOARD_USERS (default ~/.config/board-deck/users), never inside the repository.
//   add <name> [--name "Ann Lee"]  the name the pack's stamp shows (default: the login);
//                          the password from standard input (`printf '%s' "$PW" | npm run host:users -- add ann`);
//                          when standard input is a terminal, or with --generate, one is generated and printed once
//   list                   the names, one a line
//   remove <name>          the login stops working within a few seconds if `npm run host` is running (no restart)
import { readFileSync } from 'node:fs'
import { checkDisplayName, checkPassword, checkUserName, generatePassword, hashPassword, readUsers, usersFilePath, withUsersLock, writeUsers } from './host/users.ts'
import { asCommand, commandLine, UserError } from './lib/cli.ts'

const USAGE = 'usage: npm run host:users -- add <name> [--name "Ann Lee"] [--generate] | list | remove <name>'

function main() {
  const { values, positionals } = commandLine({
    allowPositionals: true,
    options: {
      generate: { type: 'boolean' },
      name: { type: 'string' },
    },
  })
  const generate = values.generate ?? false
  const [command, name, ...rest] = positionals
  if (rest.length)
    throw new UserError(`unexpected ${JSON.stringify(rest.join(' '))}\n${USAGE}`)
  const file = usersFilePath()

  if (command === 'list') {
    const users = readUsers(file)
    if (!users.size)
      console.error(`No directors in ${file} yet: npm run host:users -- add <name>`)
    for (const n of users.keys()) console.log(n)
    return
  }
  if (command === 'add') {
    if (!name)
      throw new UserError(USAGE)
    checkUserName(name)
    const shown = values.name === undefined
      ? undefined
      : checkDisplayName(values.name)
    let password: string
    const typed = !generate && !process.stdin.isTTY
    if (typed) {
      // One line from standard input; the line end a shell or a file adds is not part of the password.
      password = readFileSync(0, 'utf8').replace(/\r?\n$/, '')
      checkPassword(password, name, 'the password', shown)
    }
    else {
      password = generatePassword(name)
    }
    const hash = hashPassword(password)
    // Read, changed and written under the lock: a removal made meanwhile by another host:users is kept.
    withUsersLock(file, () => {
      const users = readUsers(file)
      if (users.has(name))
        throw new UserError(`"${name}" already has a login in ${file}; to change the password, remove it, then add it again`)
      users.set(name, shown
        ? `${hash}:${shown}`
        : hash)
      writeUsers(file, users)
    })
    console.log(`✓ "${name}" can log in (${file}). Their own copy of the pack is made when hosting starts, or within seconds if it is running.`)
    if (!typed)
      console.log(`  Password for ${name} (shown once, not stored anywhere): ${password}`)
    return
  }
  if (command === 'remove') {
    if (!name)
      throw new UserError(USAGE)
    checkUserName(name)
    withUsersLock(file, () => {
      const users = readUsers(file)
      if (!users.delete(name))
        throw new UserError(`"${name}" has no login in ${file} (npm run host:users -- list)`)
      writeUsers(file, users)
    })
    console.log(`✓ "${name}" removed from ${file}. A running host refuses them within seconds; no restart needed.`)
    return
  }
  throw new UserError(USAGE)
}

asCommand()
main()
