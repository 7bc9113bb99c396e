// The one error type for a failure the user can fix: bad input, a bad setting, a missing file. Commands
// print its message alone ("✗ …") and exit with USER_ERROR_EXIT (scripts/lib/cli.ts); any other error is a
// bug or a broken tool and keeps its stack. It lives in data/, the lowest layer, so the data modules' checks
// can throw it too.
export const USER_ERROR_EXIT = 2

export class UserError extends Error {
  override name = 'UserError'
}
