// nginx's parent, so that nginx cannot outlive `npm run host`. Started by scripts/host.ts with a pipe on
// its standard input and in a session of its own (out of reach of the terminal's Ctrl-C and hang-up, which
// nginx would take as "stop at once" and "reload"). When that pipe closes, because the host stops in good
// order or because it was killed outright (SIGKILL closes its end too), nginx is stopped, the working
// folder removed, and the watchdog exits with nginx's status.
//   node --import tsx scripts/host/watchdog.ts <working folder> <nginx> <nginx args…>
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'

const [prefix, nginxPath, ...args] = process.argv.slice(2)
const nginx = spawn(nginxPath, args, {
  stdio: ['ignore', 'inherit', 'inherit'],
})

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

nginx.on('exit', (code, signal) => {
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
