// Installing what the tests and scripts need from Debian's own packages (never a download from
// anywhere else): on Debian as root, `apt-get install`; elsewhere the caller says what to install.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { UserError } from '../../data/errors.ts'

export function isDebian() {
  return existsSync('/etc/debian_version') || /ID(_LIKE)?=.*debian/.test(existsSync('/etc/os-release')
    ? readFileSync('/etc/os-release', 'utf8')
    : '')
}
export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0
export const canAptInstall = () => isDebian() && isRoot()

/**
 * `apt-get update && apt-get install -y …`; throws if either fails. `noRecommends` keeps big suites
 * (LibreOffice) to what the tests use.
 */
export function aptInstall(packages: string[], { noRecommends = false } = {}): void {
  console.log(`Installing Debian's ${packages.join(', ')} …`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env })
  const install = update.status === 0 && spawnSync('apt-get', [
    'install',
    '-y',
    ...(noRecommends
      ? ['--no-install-recommends']
      : []),
    ...packages,
  ], { stdio: 'inherit', env })
  if (!install || install.status !== 0)
    throw new UserError(`Installing Debian's ${packages.join(', ')} failed; see the apt-get output above.`)
}

/**
 * The first of `paths` that exists; when none does, Debian's `pkg` installed (as root on Debian) and looked for
 * again. An operator's problem either way, in one line: what to install, or that the package brought no `what`.
 */
export function findOrInstall(paths: readonly string[], pkg: string, what: string): string {
  const find = () => paths.find(p => existsSync(p))
  const found = find()
  if (found)
    return found
  if (!canAptInstall())
    throw new UserError(`${what} not found. Install it (sudo apt-get install -y ${pkg}) and re-run.`)
  aptInstall([pkg])
  const now = find()
  if (!now)
    throw new UserError(`Debian's ${pkg} package installed, but still no ${what} was found.`)
  return now
}
