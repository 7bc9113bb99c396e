// Telling a left-behind working folder from one in use: its watchdog's process is alive, or not. A watchdog killed
// with the command may linger as a zombie (ended, not yet collected by whoever adopted it), which still answers
// kill(pid, 0); it must count as gone, or the next start keeps the folder with the directors' packs in it.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { processAlive } from '../scripts/host/watchdog-pid.ts'

describe('a watchdog\'s process, alive or gone', () => {
  it('this process is alive; a process id no process has is gone', () => {
    expect(processAlive(process.pid)).toBe(true)
    expect(processAlive(2 ** 22 + 1)).toBe(false) // above Linux's largest process id
  })

  it('a zombie is gone', async () => {
    // `sleep 0` ends at once; its parent, the shell, becomes `sleep 30` by exec and never collects it.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    try {
      const pid = Number(await new Promise<string>(res => parent.stdout!.once('data', d => res(String(d)))))
      await expect.poll(() => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0]).toBe('Z')
      expect(() => process.kill(pid, 0)).not.toThrow() // still answers, as a living process would
      expect(processAlive(pid)).toBe(false)
    }
    finally {
      parent.kill('SIGKILL')
    }
  })
})
