// How every command reads its arguments and fails. Arguments go through Node's own parseArgs (an unknown
// or malformed option is refused by name). A failure the user can fix (bad input, a bad setting, a missing
// file) is a UserError: printed as one "✗ …" message, exit code 2, no stack. Anything else is a bug or a
// tool that broke, and keeps its stack (exit 1), so the two can be told apart by a script that runs us.
import type { ParseArgsConfig } from 'node:util'
import { parseArgs } from 'node:util'
import { USER_ERROR_EXIT, UserError } from '../../data/errors.ts'

export { USER_ERROR_EXIT, UserError }

/** parseArgs over this command's arguments; its own messages ("Unknown option '--ot'") become UserErrors. */
export function commandLine<const T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs<T>({
      args: process.argv.slice(2),
      ...config,
    })
  }
  catch (e) {
    throw new UserError((e as Error).message)
  }
}

/**
 * A command this one ran failed; it has printed its own message. Ends this command with one line and the same
 * exit code (a user's problem in the child stays a user's problem).
 */
export class CommandFailed extends Error {
  override name = 'CommandFailed'
  constructor(message: string, public readonly code: number) {
    super(message)
  }
}

/**
 * Called first by every command: from then on a UserError, thrown anywhere (top-level await included), ends
 * the command with its message and USER_ERROR_EXIT; any other error prints its stack and exits 1. A command
 * calls it in its own body, never on import, so tests can import a command's functions without it.
 */
export function asCommand(): void {
  const fail = (e: unknown) => {
    if (e instanceof UserError) {
      console.error(`✗ ${e.message}`)
      process.exit(USER_ERROR_EXIT)
    }
    if (e instanceof CommandFailed) {
      console.error(`✗ ${e.message}`)
      process.exit(e.code)
    }
    console.error(e)
    process.exit(1)
  }
  process.on('uncaughtException', fail)
  process.on('unhandledRejection', fail)
}
