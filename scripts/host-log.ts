// `npm run host:log`: the read log of `npm run host`, per director: first and last visit, each download
// (PDF, PowerPoint, CSV, JSON), who has not opened the paper or downloaded their pack yet (from the users
// file, BOARD_USERS, when it is there), then the failed logins. Reads BOARD_LOG_DIR/access.log.1 (the
// rotated part, if any) and access.log (default ~/.local/state/board-deck/), the folder nginx writes to
// across runs; line by line, so a log of any size takes the same memory.
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { formatSummary, summariseFiles } from './host/readlog.ts'
import { readUsers, usersFilePath } from './host/users.ts'
import { asCommand, commandLine, UserError } from './lib/cli.ts'

asCommand()
commandLine({ options: {} }) // BOARD_LOG_DIR and BOARD_USERS come from the environment

const dir = resolve(process.env.BOARD_LOG_DIR?.trim() || join(process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'board-deck'))
const file = join(dir, 'access.log')
if (!existsSync(file))
  throw new UserError(`No read log at ${file} (BOARD_LOG_DIR): nothing has been served from there yet.`)
const files = [`${file}.1`, file].filter(f => existsSync(f))
const summary = await summariseFiles(files)
// The directors, to say who has not read the paper yet: the users file, if there is one (a one-person trial has none).
const usersFile = usersFilePath()
const directors = existsSync(usersFile)
  ? [
      ...readUsers(usersFile).keys(),
    ]
  : undefined
console.log(`Read log: ${files.join(' and ')}`)
console.log(formatSummary(summary, directors))
function plural(n: number) {
  return n === 1
    ? ''
    : 's'
}
if (summary.unreadable)
  console.log(`(${summary.unreadable} line${plural(summary.unreadable)} not in the read log's format, skipped)`)
if (summary.older) {
  console.log(`(${summary.older} line${plural(summary.older)} written by an earlier version of the host, which logged any name sent: a name there counts as a reader only on a page or file it served after the login)`)
}
