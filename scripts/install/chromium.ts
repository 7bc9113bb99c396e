// Finds a Chromium for Playwright and `slidev export`: $CHROMIUM_PATH, then the standard paths.
// On Debian as root with none installed, installs Debian's `chromium` package (never a browser
// download from the network); elsewhere stops with the exact command to get one.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { UserError } from '../../data/errors.ts'
import { asCommand } from '../lib/cli.ts'
import { aptInstall, canAptInstall } from './apt.ts'

const STANDARD_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
]

/** Flags for a headless Chromium on a machine with no network beyond the package registries. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new UserError(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist`)
    return fromEnv
  }
  return STANDARD_PATHS.find(p => existsSync(p))
}

const hasPdfTools = () => ['/usr/bin/pdftotext', '/usr/bin/pdfinfo'].every(p => existsSync(p))

export function ensureChromium() {
  const found = findChromium()
  if (found && hasPdfTools())
    return found
  if (canAptInstall()) {
    console.log('Chromium or the PDF tools not found.')
    aptInstall(['chromium', 'poppler-utils', 'fonts-dejavu-core'])
    const now = findChromium()
    if (now)
      return now
    throw new UserError('Debian\'s chromium package installed, but no Chromium binary was found.')
  }
  if (found)
    throw new UserError('pdftotext/pdfinfo not found (the PDF tests need them): sudo apt-get install -y poppler-utils')
  throw new UserError(
    'No Chromium found. Install one and re-run, e.g.\n'
    + '  sudo apt-get update && sudo apt-get install -y chromium poppler-utils fonts-dejavu-core\n'
    + 'or point CHROMIUM_PATH at an existing Chromium/Chrome binary.',
  )
}

export function chromiumVersion(path: string): string {
  return execFileSync(path, ['--version'], { encoding: 'utf8' }).trim()
}

// `npx tsx scripts/install/chromium.ts` prints the path, installing if needed.
if (import.meta.url === `file://${process.argv[1]}`) {
  asCommand()
  console.log(ensureChromium())
}
