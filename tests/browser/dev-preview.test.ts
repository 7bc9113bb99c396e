// The live preview (`npm run dev`) refuses bad data: an edit to the plan that breaks its rules, or that does not
// parse, shows Vite's error overlay naming the field or the line, never a wrong number on a slide; fixing the file
// brings the slide back with the new value. Run against a copy of the repo, so the checkout is never edited.
import type { ChildProcess } from 'node:child_process'
import type { Browser, Page } from 'playwright-chromium'
import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatMoney, PLAN } from '../../data/plan'
import { freePort, launch } from './helpers'

const REPO = resolve('.')
const LEFT_OUT = /^(?:node_modules|\.git|test-results|dist[^/]*|exports|screenshots)(?:\/|$)/

/** Resolves once Slidev says it is listening (it prints the address after the server listens); fails if it stops first. */
function serverListening(server: ChildProcess, url: string, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.stdout!.on('data', () => {
      if (stripVTControlCharacters(log()).includes(url))
        resolve()
    })
    server.once('exit', code => reject(new Error(`the dev server stopped (exit ${code}):\n${log()}`)))
  })
}

describe('npm run dev refuses bad data', () => {
  const work = mkdtempSync(join(tmpdir(), 'deck-dev-'))
  const planFile = join(work, 'data/plan.ts')
  let server: ChildProcess
  let browser: Browser
  let page: Page
  let url: string
  let original: string
  const cap = PLAN.asks.find(a => a.id === 'pilot')!.cap!
  const source = (amount: number) => `amount: ${amount.toLocaleString('en-GB').replace(/,/g, '_')}`
  const capSource = source(cap.amount)
  const raised = Math.round(cap.amount * 1.2) // a valid edit: a fifth more than the cap

  beforeAll(async () => {
    cpSync(REPO, work, {
      recursive: true,
      filter: src => !LEFT_OUT.test(relative(REPO, src)),
    })
    symlinkSync(join(REPO, 'node_modules'), join(work, 'node_modules'))
    original = readFileSync(planFile, 'utf8')
    expect(original).toContain(capSource)
    const port = await freePort()
    let log = ''
    server = spawn('npx', [
      'slidev',
      'slides.md',
      '--port',
      String(port),
      '--open',
      'false',
    ], {
      cwd: work,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const keep = (d: Buffer) => {
      log += d
    }
    server.stdout!.on('data', keep)
    server.stderr!.on('data', keep)
    url = `http://localhost:${port}/`
    await serverListening(server, url, () => log)
    browser = await launch()
    page = await browser.newPage({
      viewport: { width: 1280, height: 720 },
    })
  })

  afterAll(async () => {
    await browser?.close()
    if (server?.pid)
      process.kill(-server.pid, 'SIGTERM')
    rmSync(work, { recursive: true, force: true })
  })

  const slideText = async () => (await page.locator('body').innerText().catch(() => '')).replace(/\s+/g, ' ')
  const overlay = async () => (await page.locator('vite-error-overlay').count()
    ? page.locator('vite-error-overlay').evaluate(e => e.shadowRoot?.textContent ?? '')
    : '')
  const edit = (from: string, to: string) => writeFileSync(planFile, original.replace(from, to))

  it('shows the asks with the plan\'s cap', async () => {
    await page.goto(`${url}#/2`)
    await expect.poll(slideText, { timeout: 60_000 }).toContain(`up to ${formatMoney(cap)}`)
    expect(await overlay()).toBe('')
  })

  it('a negative cap: the overlay names the field, and no slide shows the number', async () => {
    edit(capSource, source(-raised))
    await expect.poll(overlay, { timeout: 30_000 }).toContain(`asks[0] (pilot).cap.amount must be a positive amount, got -${raised}`)
    expect(await slideText()).not.toContain(formatMoney({ ...cap, amount: raised }))
    // A reload does not get round it: the page stops at the same message.
    await page.reload()
    await expect.poll(overlay, { timeout: 30_000 }).toContain('asks[0] (pilot).cap.amount')
    expect(await slideText()).not.toContain(formatMoney({ ...cap, amount: raised }))
  })

  it('fixed, the overlay goes and the slide shows the new cap', async () => {
    edit(capSource, source(raised))
    await expect.poll(slideText, { timeout: 60_000 }).toContain(`up to ${formatMoney({ ...cap, amount: raised })}`)
    expect(await overlay()).toBe('')
  })

  it('two saves moments apart (an editor, then its formatter): the slide shows the second, whatever the gap', async () => {
    // Vite's watcher alone drops a second change within 50 ms of the first; whether the first was read before the
    // second landed is a race, so several gaps are tried.
    for (const [i, gap] of [5, 10, 20, 30, 40].entries()) {
      const first = raised + 1000 * (2 * i + 1)
      const second = first + 1000
      edit(capSource, source(first))
      await new Promise(r => setTimeout(r, gap))
      edit(capSource, source(second))
      await expect.poll(slideText, { timeout: 30_000 }).toContain(`up to ${formatMoney({ ...cap, amount: second })}`)
    }
  })

  it('a meeting date that is not a day, and a cap typed with commas, are refused in words', async () => {
    const date = `date: '${PLAN.meetings.proposed.date}'`
    edit(date, 'date: \'2026-13-10\'')
    await expect.poll(overlay, { timeout: 30_000 }).toContain('meetings.proposed.date must be a real day YYYY-MM-DD, got "2026-13-10"')
    expect(await slideText()).not.toContain('NaN')
    edit(capSource, `amount: ${raised.toLocaleString('en-GB')}`)
    await expect.poll(overlay, { timeout: 30_000 }).toMatch(/The data cannot be read at data\/plan\.ts:\d+:\d+: .*thousands separators/)
    writeFileSync(planFile, original)
    await expect.poll(slideText, { timeout: 60_000 }).toContain(`up to ${formatMoney(cap)}`)
    expect(await overlay()).toBe('')
  })
})
