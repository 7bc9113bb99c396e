import type { Page } from 'playwright-chromium'
export function openSlide(page: Page, siteUrl: string, no: number | string, opts?: { timeout?: number }): Promise<void>
