// The file in nginx's working folder that names the watchdog owning it: while that process lives, the folder is
// in use; once it is gone, the folder was left behind (scripts/host.ts removes it at the next start).
import { readFileSync } from 'node:fs'

export const WATCHDOG_PID = 'watchdog.pid'

/**
 * Whether a process is running. One that has ended but not yet been reaped (a zombie: its parent was killed too,
 * and whoever adopted it has not collected it) still answers kill(pid, 0), so its state in /proc is read too.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  }
  catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' // alive, someone else's
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z' // "pid (name) S …"
  }
  catch {
    return true
  }
}
