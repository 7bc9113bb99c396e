import { chromium, type Browser } from 'playwright-chromium'
import { inject } from 'vitest'
import { CHROMIUM_ARGS } from '../../scripts/install/chromium.ts'
import { serveStatic } from '../../scripts/lib/static-server.ts'
import { BASE, SITE_DIR } from './globalSetup'

export { BASE, SITE_DIR }

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromium'), args: CHROMIUM_ARGS })
}

export async function serveSite(): Promise<{ url: string; close: () => Promise<void> }> {
  return serveStatic(SITE_DIR, BASE)
}

export { openSlide } from '../../scripts/lib/browser.ts'
export { pdfBookmarks, pdfInfo, pdfPages, pdfText } from '../../scripts/lib/pdf.ts'

export const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
