// Finds Debian's nginx for `npm run host` and the hosting tests, installing the package when missing
// (as root on Debian), the same way scripts/install/chromium.ts gets Chromium.
import { existsSync } from 'node:fs'
import { UserError } from '../../data/errors.ts'
import { asCommand } from '../lib/cli.ts'
import { aptInstall, canAptInstall } from './apt.ts'

const PATHS = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx']

export function ensureNginx() {
  const found = PATHS.find(p => existsSync(p))
  if (found)
    return found
  if (!canAptInstall())
    throw new UserError('nginx not found. Install it (sudo apt-get install -y nginx) and re-run.')
  console.log('nginx not found.')
  aptInstall(['nginx'])
  const now = PATHS.find(p => existsSync(p))
  if (!now)
    throw new UserError('Debian\'s nginx package installed, but no nginx binary was found.')
  return now
}

const STREAM_MODULES = ['/usr/lib/nginx/modules/ngx_stream_module.so', '/usr/share/nginx/modules/ngx_stream_module.so']

/**
 * nginx's stream module (Debian's libnginx-mod-stream), which `npm run host` puts in front of the pages to
 * count connections per address as they are accepted; installed when missing, as nginx itself is.
 */
export function streamModule() {
  const found = STREAM_MODULES.find(p => existsSync(p))
  if (found)
    return found
  if (!canAptInstall())
    throw new Error('nginx\'s stream module not found. Install it (sudo apt-get install -y libnginx-mod-stream) and re-run.')
  aptInstall(['libnginx-mod-stream'])
  const now = STREAM_MODULES.find(p => existsSync(p))
  if (!now)
    throw new Error('Debian\'s libnginx-mod-stream package installed, but no ngx_stream_module.so was found.')
  return now
}

const SETPRIV_PATHS = ['/usr/bin/setpriv', '/bin/setpriv']

/**
 * util-linux's setpriv, which starts nginx with a parent-death signal (Linux's PR_SET_PDEATHSIG): when the
 * watchdog that started it dies, however it dies, the kernel sends nginx's master SIGTERM. Part of util-linux,
 * which every Debian system has.
 */
export function setpriv() {
  const found = SETPRIV_PATHS.find(p => existsSync(p))
  if (found)
    return found
  if (!canAptInstall())
    throw new UserError('setpriv not found. Install util-linux (sudo apt-get install -y util-linux) and re-run.')
  aptInstall(['util-linux'])
  const now = SETPRIV_PATHS.find(p => existsSync(p))
  if (!now)
    throw new UserError('Debian\'s util-linux package installed, but no setpriv was found.')
  return now
}

// `node scripts/install/nginx.ts` prints the path, installing if needed.
if (import.meta.url === `file://${process.argv[1]}`) {
  asCommand()
  console.log(ensureNginx())
}
