// LibreOffice Impress, the independent reader the PowerPoint tests open the deck with, and the Inter
// font it should set the deck in: found, or installed from Debian's packages (as root on Debian), the
// same way scripts/install/chromium.ts gets Chromium.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { UserError } from '../../data/errors.ts'
import { asCommand } from '../lib/cli.ts'
import { aptInstall, canAptInstall } from './apt.ts'

const SOFFICE = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/usr/local/bin/soffice']
const findSoffice = () => SOFFICE.find(p => existsSync(p))
function hasInter() {
  const r = spawnSync('fc-list', [':family=Inter'], { encoding: 'utf8' })
  return r.status === 0 && r.stdout.trim() !== ''
}

export function ensureLibreOffice() {
  const found = findSoffice()
  if (found && hasInter())
    return found
  if (!canAptInstall()) {
    if (!found)
      throw new UserError('LibreOffice not found. Install it (sudo apt-get install -y --no-install-recommends libreoffice-impress fonts-inter) and re-run.')
    throw new UserError('The Inter font is not installed for LibreOffice: sudo apt-get install -y fonts-inter')
  }
  aptInstall(['libreoffice-impress', 'fonts-inter'], { noRecommends: true })
  const now = findSoffice()
  if (!now)
    throw new UserError('Debian\'s libreoffice-impress installed, but no soffice binary was found.')
  return now
}

/**
 * Converts a document to PDF with LibreOffice, headless, in a profile of its own (a shared profile
 * can be locked by another soffice). Returns the PDF's path; throws with LibreOffice's output if it fails.
 */
export function convertToPdf(input: string, outDir: string): string {
  const soffice = ensureLibreOffice()
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'))
  try {
    const r = spawnSync(soffice, [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      input,
    ], {
      encoding: 'utf8',
      timeout: 180_000,
    })
    const pdf = join(outDir, basename(input).replace(/\.[^.]+$/, '.pdf'))
    if (r.status !== 0 || !existsSync(pdf))
      throw new Error(`LibreOffice could not convert ${input} (exit ${r.status}):\n${r.stdout}\n${r.stderr}`)
    return pdf
  }
  finally {
    rmSync(profile, { recursive: true, force: true })
  }
}

// `npx tsx scripts/install/libreoffice.ts` prints the path, installing if needed.
if (import.meta.url === `file://${process.argv[1]}`) {
  asCommand()
  console.log(ensureLibreOffice())
}
