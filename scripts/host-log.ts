// `npm run host:log`: the read log of `npm run host`, per director: first and last visit, each download
// (PDF, PowerPoint, CSV, JSON), then the failed logins. Reads BOARD_LOG_DIR/access.log (default
// ~/.local/state/board-deck/access.log), the folder nginx writes to across runs.
import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { formatSummary, parseLog, summarise } from './host/readlog.ts'
import { asCommand, commandLine, UserError } from './lib/cli.ts'

asCommand()
commandLine({ options: {} }) // BOARD_LOG_DIR comes from the environment

const dir = resolve(process.env.BOARD_LOG_DIR?.trim() || join(process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'board-deck'))
const file = join(dir, 'access.log')
if (!existsSync(file))
  throw new UserError(`No read log at ${file} (BOARD_LOG_DIR): nothing has been served from there yet.`)
const { entries, unreadable } = parseLog(readFileSync(file, 'utf8'))
console.log(`Read log: ${file}`)
console.log(formatSummary(summarise(entries)))
if (unreadable) {
  console.log(`(${unreadable} line${unreadable === 1
    ? ''
    : 's'} not in the read log's format, skipped)`)
}
