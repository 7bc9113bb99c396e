// Finds a Chromium for Playwright and `slidev export`: $CHROMIUM_PATH, then the standard paths.
// On Debian as root with none installed, installs Debian's `chromium` package (never a browser
// download from the network); elsewhere stops with the exact command to get one.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'

const STANDARD_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium']

/** Flags for a headless Chromium on a machine with no network beyond the package registries. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist`)
    return fromEnv
  }
  return STANDARD_PATHS.find((p) => existsSync(p))
}

const isDebian = () => existsSync('/etc/debian_version') || /ID(_LIKE)?=.*debian/.test(existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '')
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0

const hasPdfTools = () => ['/usr/bin/pdftotext', '/usr/bin/pdfinfo'].every((p) => existsSync(p))

export function ensureChromium() {
  const found = findChromium()
  if (found && hasPdfTools()) return found
  if (isDebian() && isRoot()) {
    console.log('Chromium or the PDF tools not found: installing Debian\'s chromium and poppler-utils packages …')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env })
    const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', 'chromium', 'poppler-utils', 'fonts-dejavu-core'], { stdio: 'inherit', env })
    const now = findChromium()
    if (install && install.status === 0 && now) return now
    throw new Error('Installing Debian\'s chromium package failed; see the apt-get output above.')
  }
  if (found) throw new Error('pdftotext/pdfinfo not found (the PDF tests need them): sudo apt-get install -y poppler-utils')
  throw new Error(
    'No Chromium found. Install one and re-run, e.g.\n' +
      '  sudo apt-get update && sudo apt-get install -y chromium poppler-utils fonts-dejavu-core\n' +
      'or point CHROMIUM_PATH at an existing Chromium/Chrome binary.',
  )
}

export function chromiumVersion(path) {
  return execFileSync(path, ['--version'], { encoding: 'utf8' }).trim()
}

// `node scripts/lib/chromium.mjs` prints the path, installing if needed.
if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium())
