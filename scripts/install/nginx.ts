// Finds Debian's nginx for `npm run host` and the hosting tests, installing the package when missing
// (as root on Debian), the same way scripts/install/chromium.ts gets Chromium.
import { asCommand } from '../lib/cli.ts'
import { findOrInstall } from './apt.ts'

const PATHS = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx']

export function ensureNginx() {
  return findOrInstall(PATHS, 'nginx', 'nginx')
}

const STREAM_MODULES = ['/usr/lib/nginx/modules/ngx_stream_module.so', '/usr/share/nginx/modules/ngx_stream_module.so']

/**
 * nginx's stream module (Debian's libnginx-mod-stream), which `npm run host` puts in front of the pages to
 * count connections per address as they are accepted; installed when missing, as nginx itself is.
 */
export function streamModule() {
  return findOrInstall(STREAM_MODULES, 'libnginx-mod-stream', 'nginx\'s stream module')
}

const SETPRIV_PATHS = ['/usr/bin/setpriv', '/bin/setpriv']

/**
 * util-linux's setpriv, which starts nginx with a parent-death signal (Linux's PR_SET_PDEATHSIG): when the
 * watchdog that started it dies, however it dies, the kernel sends nginx's master SIGTERM. Part of util-linux,
 * which every Debian system has.
 */
export function setpriv() {
  return findOrInstall(SETPRIV_PATHS, 'util-linux', 'setpriv')
}

// `node scripts/install/nginx.ts` prints the path, installing if needed.
if (import.meta.url === `file://${process.argv[1]}`) {
  asCommand()
  console.log(ensureNginx())
}
