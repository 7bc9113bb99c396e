// `npm run host` as the hosting tests run it: a clean environment (no BOARD_ setting leaks in from the shell), the
// command started, its output kept, the wait for "serving", and a stop that ends the run even when stopping is
// what broke. Shared by tests/browser/hosting.test.ts and tests/browser/hosting.limits.test.ts.
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { BASE, SITE_DIR } from './helpers'

export interface Host {
  proc: ChildProcess
  port: number
  origin: string
  /** nginx's private working folder, and its master's pid. */
  prefix: string
  nginxPid: number
  output: () => string
  exited: Promise<number | null>
}

/** The test's environment with none of the host's settings from the shell, then the built site and `extra`. */
export function hostEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BOARD_|HOST$|PORT$|FRAME_ANCESTORS$)/.test(k)))
  return {
    ...clean,
    BASE,
    SITE_DIR,
    ...extra,
  }
}

/** `npm run host`'s command (npm adds nothing but a parent process). */
export function spawnHost(env: NodeJS.ProcessEnv, stdin: 'pipe' | 'ignore' = 'ignore'): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/host.ts'], {
    env,
    stdio: [stdin, 'pipe', 'pipe'],
  })
}

/** Waits until the started host says "serving" (it does only once nginx answers) and names nginx's working folder. */
export async function hostServing(proc: ChildProcess, port: number): Promise<Host> {
  let output = ''
  proc.stdout!.on('data', d => (output += d))
  proc.stderr!.on('data', d => (output += d))
  const exited = new Promise<number | null>(r => proc.once('exit', code => r(code)))
  await new Promise<void>((resolve, reject) => {
    const check = () => output.includes('✓ serving') && /working folder: \S+/.test(output) && resolve()
    proc.stdout!.on('data', check)
    exited.then(code => reject(new Error(`npm run host exited (${code}) before serving:\n${output}`)))
  })
  const prefix = /working folder: (\S+)/.exec(output)![1]
  return {
    proc,
    port,
    origin: `http://127.0.0.1:${port}`,
    prefix,
    nginxPid: Number(readFileSync(join(prefix, 'nginx.pid'), 'utf8')),
    output: () => output,
    exited,
  }
}

export function alive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  }
  catch {
    return false
  }
}

/** Stops a host with SIGTERM; if it has not ended in 30 s (a broken stop), kills it, so the run ends either way. */
export async function stopHost(h: Host) {
  if (h.proc.exitCode !== null || h.proc.signalCode !== null)
    return
  h.proc.kill('SIGTERM')
  const ended = await Promise.race([
    h.exited.then(() => true),
    new Promise(r => setTimeout(r, 30_000, false)),
  ])
  if (!ended)
    h.proc.kill('SIGKILL')
}
