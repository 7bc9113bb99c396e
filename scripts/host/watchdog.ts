// nginx's parent, so that nginx cannot outlive `npm run host`. Started by scripts/host.ts with a pipe on
// its standard input and in a session of its own (out of reach of the terminal's Ctrl-C and hang-up, which
// nginx would take as "stop at once" and "reload"). When that pipe closes, because the host stops in good
// order or because it was killed outright (SIGKILL closes its end too), nginx is stopped, the working
// folder removed, and the watchdog exits with nginx's status.
// nginx runs in a process group of its own, so that its workers can be reached when its master is gone:
// workers do not notice a master killed outright, and would keep the port.
// And if the watchdog itself is killed outright while the host is gone too (both SIGKILLed, as an
// out-of-memory killer or `kill -9` of the whole tree may do), no one is left to stop nginx: so nginx is
// started through util-linux's setpriv with a parent-death signal (Linux's PR_SET_PDEATHSIG, kept across
// the exec): the kernel sends its master SIGTERM the moment the watchdog dies, and the master stops its
// workers and frees the port.
// It also keeps the read log to its size: past the limit, the log is copied to access.log.1 (replacing the
// one before) and emptied in place. nginx keeps writing to the same open file (it appends), so no signal
// is needed and no worker has to reopen a file in a folder it may not enter.
//   node --import tsx scripts/host/watchdog.ts <working folder> <read log> <max bytes> <setpriv> <nginx> <nginx args…>
import { spawn } from 'node:child_process'
import { copyFileSync, rmSync, statSync, truncateSync, watch, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { WATCHDOG_PID } from './watchdog-pid.ts'

const [prefix, logFile, rawMax, setprivPath, nginxPath, ...args] = process.argv.slice(2)
const logMax = Number(rawMax)
// Where the next `npm run host` looks to tell a folder left behind from one in use.
writeFileSync(join(prefix, WATCHDOG_PID), String(process.pid))
// setpriv execs nginx in its own place: the pid is nginx's master's.
const nginx = spawn(setprivPath, [
  '--pdeathsig',
  'TERM',
  '--',
  nginxPath,
  ...args,
], {
  stdio: ['ignore', 'inherit', 'inherit'],
  detached: true,
})

/** Every process left in nginx's group (its workers), at once; none left is fine. */
function killGroup(signal: NodeJS.Signals) {
  try {
    process.kill(-nginx.pid!, signal)
  }
  catch {}
}

let stopping = false
function stop() {
  if (stopping)
    return
  stopping = true
  nginx.kill('SIGQUIT') // graceful: open downloads finish (bounded by worker_shutdown_timeout)
}
process.stdin.on('end', stop)
process.stdin.on('close', stop)
process.stdin.on('error', stop)
process.stdin.resume()
// Only the pipe says when to stop; a stray signal stops nginx the same orderly way.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop)

function rotate() {
  try {
    if (statSync(logFile).size <= logMax)
      return
    copyFileSync(logFile, `${logFile}.1`)
    truncateSync(logFile, 0)
  }
  catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      console.error(`! the read log could not be rotated: ${(e as Error).message}`)
  }
}
// Checked as nginx writes (inotify), so a flood overshoots the limit by a few lines only; and four times a
// second, which also sets the watch up once nginx has created the file (and again if it is replaced).
let watcher: ReturnType<typeof watch> | undefined
function watchLog() {
  try {
    watcher = watch(logFile, { persistent: false }, rotate)
    watcher.on('error', () => watcher = undefined)
  }
  catch {}
}
watchLog()
const rotation = setInterval(() => {
  if (!watcher)
    watchLog()
  rotate()
}, 250)

nginx.on('exit', (code, signal) => {
  clearInterval(rotation)
  watcher?.close()
  killGroup('SIGKILL')
  rmSync(prefix, { recursive: true, force: true })
  process.exit(code ?? (signal === 'SIGQUIT'
    ? 0
    : 1))
})
nginx.on('error', (e) => {
  console.error(`✗ nginx could not be started: ${e.message}`)
  rmSync(prefix, { recursive: true, force: true })
  process.exit(1)
})
