// `npm run host`: serves the built site with Debian's nginx, one login per director, with the headers of
// deploy/headers.ts, in the foreground (Ctrl-C stops it). Settings, all from the environment, each checked
// against a strict pattern before anything is written (scripts/host/settings.ts):
//   BOARD_USERS     the users file (default ~/.config/board-deck/users), managed with `npm run host:users`
//   BOARD_PASSWORD  instead of a users file, a one-person trial; BOARD_USER names it (default "board")
//   BOARD_LOG_DIR   the read log's folder (default ~/.local/state/board-deck); `npm run host:log` reads it
//   BOARD_PPTX      who may download the PowerPoint, stamped with their name: off (default), all, or names ("ceo-office,secretary")
//   BASE            the subfolder, as for `npm run build` (default "/board/")
//   PORT, HOST      where to listen (default 8080 on 127.0.0.1; beyond loopback, TLS is required)
//   BOARD_TLS_CERT, BOARD_TLS_KEY  HTTPS on PORT with this certificate (PEM) and key; plain HTTP there is redirected
//   BOARD_TLS_PROXY the TLS proxy in front (its address or network): its X-Forwarded-For is believed, no one else's
//   BOARD_LOG_MAX   the read log's size before it is rotated (default 50M; one previous file is kept)
//   FRAME_ANCESTORS origins allowed to embed the deck, e.g. a board portal (default: none)
//   SITE_DIR        the built site (default dist/; built first if missing or built for another BASE)
import type { ChildProcess } from 'node:child_process'
import type { HostSettings } from './host/settings.ts'
import type { Users } from './host/users.ts'
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chownSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unwatchFile, watchFile, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { CACHE_CONFIDENTIAL, inlineScriptHashes, nginxHeaderLines, ROBOTS_TXT } from '../deploy/headers.ts'
import { DECK_NAME } from '../shared/deck-name.ts'
import { stampPack, stampPowerPoint } from './host/packs.ts'
import { askServer, newProbe } from './host/probe.ts'
import { hostSettings } from './host/settings.ts'
import { displayName, formatUsers, hashPassword, parseUsers } from './host/users.ts'
import { processAlive, WATCHDOG_PID } from './host/watchdog-pid.ts'
import { ensureNginx, setpriv, streamModule } from './install/nginx.ts'
import { asCommand, UserError } from './lib/cli.ts'

asCommand()

// Progress, as numbered steps with the time since the start: building the site can take minutes.
const started = Date.now()
const STEPS = 4
let step = 0
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`
function progress(what: string) {
  step++
  console.log(`[${step}/${STEPS}] ${what} (${elapsed()})`)
}

/** Debian's account for web servers (www-data), or nobody. */
function workerAccount() {
  for (const name of ['www-data', 'nobody']) {
    const id = (flag: string) => spawnSync('id', [flag, name], { encoding: 'utf8' })
    const uid = id('-u')
    if (uid.status === 0) {
      return {
        name,
        uid: Number(uid.stdout),
        gid: Number(id('-g').stdout),
      }
    }
  }
  throw new UserError('running as root, but there is neither a www-data nor a nobody account for the nginx workers')
}

/** Is something already listening there? Checked before anything is written, so the error is plain. */
function portTaken(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer()
    probe.once('error', (e: NodeJS.ErrnoException) => done(e.code === 'EADDRINUSE'))
    probe.listen(port, host.replace(/^\[(.*)\]$/, '$1'), () => probe.close(() => done(false)))
  })
}

// 1. Every setting, and the logins, checked before anything is written.
progress('checking the settings and the logins')
const settings: HostSettings = hostSettings()
let users: Users
if (settings.login.kind === 'trial') {
  users = new Map([
    [
      settings.login.user,
      hashPassword(settings.login.password),
    ],
  ])
}
else {
  const file = settings.login.file
  if (!existsSync(file)) {
    throw new UserError(`No users file at ${file} (BOARD_USERS). Add the first director with: npm run host:users -- add <name>\n  (or set BOARD_PASSWORD for a one-person trial)`)
  }
  const parsed = parseUsers(readFileSync(file, 'utf8'), file)
  if (parsed.problems.length)
    throw new UserError(`BOARD_USERS: ${parsed.problems.join('\n  ')}`)
  if (!parsed.users.size)
    throw new UserError(`BOARD_USERS: ${file} lists no director yet: npm run host:users -- add <name>`)
  users = parsed.users
}
const { listenHost, probeHost, port, base, ancestors, login, logDir, pptx, tls, tlsProxy, logMax } = settings
for (const w of settings.warnings) console.warn(`! ${w}`)
if (await portTaken(listenHost, port))
  throw new UserError(`PORT ${port} on ${listenHost} is already taken by another program: stop it, or choose another PORT`)

// 2. The site: built for this base, or built now.
const site = resolve(process.env.SITE_DIR ?? 'dist')
const index = join(site, 'index.html')
if (!existsSync(index) || !readFileSync(index, 'utf8').includes(`${base}assets/`)) {
  progress(`building the site for ${base} into ${site} (a few minutes)`)
  const build = spawn('npx', ['tsx', 'scripts/build.ts'], {
    stdio: 'inherit',
    env: { ...process.env, BASE: base, OUT_DIR: site },
  })
  const ticker = setInterval(() => console.log(`      still building (${elapsed()})`), 15_000)
  const status = await new Promise<number | null>(done => build.on('exit', done))
  clearInterval(ticker)
  if (status !== 0)
    throw new UserError('the build failed; see above')
}
else {
  progress(`using the site built for ${base} in ${site}`)
}
const deckPdf = readFileSync(join(site, `${DECK_NAME}.pdf`))
const deckPptx = readFileSync(join(site, `${DECK_NAME}.pptx`))

let nginx: string
let parentDeath: string
let stream = ''
try {
  nginx = ensureNginx()
  parentDeath = setpriv()
  if (!tlsProxy)
    stream = streamModule()
}
catch (e) {
  throw new UserError((e as Error).message)
}

// Started as root, nginx runs its workers as an unprivileged user; that user alone may read the folder.
const worker = process.getuid?.() === 0
  ? workerAccount()
  : undefined
const own = (path: string) => worker && chownSync(path, worker.uid, worker.gid)

/** The first folder on the way to `path` that `account` may not pass through (no search permission), if any. */
function closedTo(account: { uid: number, gid: number }, path: string): string | undefined {
  for (let dir = path; ; dir = dirname(dir)) {
    const { mode, uid, gid } = statSync(dir)
    const search = uid === account.uid
      ? mode & 0o100
      : gid === account.gid
        ? mode & 0o010
        : mode & 0o001
    if (!search)
      return dir
    if (dir === dirname(dir))
      return undefined
  }
}
// The workers read the folder made below: a TMPDIR they cannot pass through would give every director an error.
const closed = worker && closedTo(worker, settings.tmpDir)
if (worker && closed)
  throw new UserError(`TMPDIR: nginx's workers run as ${worker.name} and cannot pass through ${closed} (mode ${(statSync(closed).mode & 0o777).toString(8)}); set TMPDIR to a folder they can (the default, /tmp, is)`)

// 3. A private folder for this run: config, the users file's copy, the packs, and a copy of the site.
// Removed when nginx stops (by the watchdog, whichever way the host ends).
const PREFIX_NAME = 'board-deck-nginx-'
// A folder left by a run whose watchdog was killed with the command (nginx stopped by the kernel, no one left to
// remove it) holds the directors' packs: removed now. Only one whose watchdog is gone (scripts/host/watchdog.ts
// writes its pid there); a run still starting has no watchdog yet.
// Only a real folder (not a link), private, and this account's or its nginx workers' (who own it when run as root),
// as a run leaves it: never another user's.
for (const entry of readdirSync(settings.tmpDir).filter(f => f.startsWith(PREFIX_NAME))) {
  const left = join(settings.tmpDir, entry)
  try {
    const folder = lstatSync(left)
    const ours = folder.uid === process.getuid?.() || folder.uid === worker?.uid
    if (!folder.isDirectory() || !ours || (folder.mode & 0o077))
      continue
    const pid = Number(readFileSync(join(left, WATCHDOG_PID), 'utf8'))
    if (pid > 0 && !processAlive(pid))
      rmSync(left, { recursive: true, force: true })
  }
  catch {}
}
const prefix = mkdtempSync(join(settings.tmpDir, PREFIX_NAME))
// Until the watchdog owns the folder, a Ctrl-C removes it here.
function early() {
  rmSync(prefix, { recursive: true, force: true })
  process.exit(130)
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, early)
function cleanUpAndFail(message: string): never {
  rmSync(prefix, { recursive: true, force: true })
  throw new UserError(message)
}
/** Written whole, then renamed into place: nginx never reads half a file. */
function writeAtomically(path: string, data: string | Uint8Array) {
  const tmp = `${path}.tmp`
  writeFileSync(tmp, data, { mode: 0o600 })
  own(tmp)
  renameSync(tmp, path)
}
for (const dir of ['empty', 'packs', 'pptx']) mkdirSync(join(prefix, dir))
// nginx serves a copy of the site inside that folder, never the checkout: a checkout in a folder only its owner
// may enter (a home folder, `mktemp -d`) would answer 403 to the workers, password or not. The PDF and the
// PowerPoint are left out of the copy: they are served per director (packs/, pptx/).
const served = join(prefix, 'site')
cpSync(site, served, {
  recursive: true,
  filter: src => ![`${DECK_NAME}.pdf`, `${DECK_NAME}.pptx`].includes(src.slice(site.length + 1)),
})
if (worker) {
  for (const f of [
    '',
    'empty',
    'packs',
    'pptx',
    'site',
    ...readdirSync(served, { recursive: true }).map(f => join('site', String(f))),
  ]) own(join(prefix, f))
}
// The read log's folder, kept across runs; nginx's master opens the log before it hands over to its workers.
mkdirSync(logDir, { recursive: true, mode: 0o700 })

/**
 * The logins nginx checks (a copy of the users file, readable by the workers), each director's pack, and
 * the PowerPoint, stamped the same way, for those BOARD_PPTX names. Called at start and whenever the users file changes.
 */
const stamped = new Set<string>()
async function applyUsers(next: Users) {
  // A new director's pack first, then their login: they never log in to find no pack.
  for (const name of next.keys()) {
    if (stamped.has(name))
      continue
    writeAtomically(join(prefix, 'packs', `${name}.pdf`), await stampPack(deckPdf, displayName(next, name)))
    if (pptx === 'all' || (Array.isArray(pptx) && pptx.includes(name)))
      writeAtomically(join(prefix, 'pptx', `${name}.pptx`), await stampPowerPoint(deckPptx, displayName(next, name)))
    stamped.add(name)
  }
  // The logins: a removed director is refused from the next request on; then their files go.
  writeAtomically(join(prefix, 'htpasswd'), formatUsers(next))
  for (const name of [...stamped]) {
    if (next.has(name))
      continue
    rmSync(join(prefix, 'packs', `${name}.pdf`), { force: true })
    rmSync(join(prefix, 'pptx', `${name}.pptx`), { force: true })
    stamped.delete(name)
  }
}
progress(`stamping each director's pack (${users.size})`)
await applyUsers(users)
writeFileSync(join(prefix, 'headers.conf'), `${nginxHeaderLines({
  scriptHashes: inlineScriptHashes(readFileSync(index, 'utf8')),
  ancestors,
  hsts: Boolean(tls),
})}\n`)

let conf = readFileSync(new URL('../deploy/nginx.conf', import.meta.url), 'utf8')
if (base === '/') {
  // The site is "/" itself: no "Anything else" location, no "/board" redirect.
  conf = conf.replace(/\n {4}# Anything else[\s\S]*?\n {4}\}\n/, '\n').replace(/\n {4}# "\/board" is[\s\S]*?\n {4}\}\n/, '\n')
}
// The front door. Served here: a relay (nginx's stream module) takes each connection on PORT, counts it
// against its address at once (a client holding many connections open without finishing a request can
// hold 64 at most), and hands it, with the client's address, to the page server on a private socket.
// Behind a TLS proxy the page server listens on PORT itself and believes X-Forwarded-For from that proxy only.
const socket = join(prefix, 'http.sock')
const probe = newProbe()
// The mark of a browser that has logged in during this run (deploy/nginx.conf: who gets the larger allowance
// of password checks). Sent only with a successful answer (add_header without "always").
const loginCookie = randomBytes(24).toString('hex')
writeFileSync(join(prefix, 'login-cookie.conf'), `add_header Set-Cookie "board_login=${loginCookie}; Path=/; HttpOnly; SameSite=Strict${tls ? '; Secure' : ''}";\n`)
if (tls) {
  writeAtomically(join(prefix, 'tls.crt'), tls.cert)
  writeAtomically(join(prefix, 'tls.key'), tls.key)
}
const front = tlsProxy
  ? {
      MODULES: '',
      STREAM: '',
      LISTEN: `listen ${listenHost}:${port};`,
      REAL_IP: `set_real_ip_from ${tlsProxy};\n  real_ip_header X-Forwarded-For;`,
    }
  : {
      MODULES: `load_module ${stream};`,
      STREAM: [
        'stream {',
        '  limit_conn_zone $binary_remote_addr zone=connections_per_address:1m;',
        '  server {',
        `    listen ${listenHost}:${port};`,
        '    limit_conn connections_per_address 64;',
        '    limit_conn_log_level warn;',
        '    proxy_protocol on;',
        `    proxy_pass unix:${socket};`,
        '    proxy_connect_timeout 5s;',
        '    proxy_timeout 30s;',
        '  }',
        '}',
      ].join('\n'),
      LISTEN: `listen unix:${socket} proxy_protocol${tls ? ' ssl' : ''};`,
      REAL_IP: 'set_real_ip_from unix:;\n  real_ip_header proxy_protocol;',
    }
const tlsLines = tls
  ? [
      `ssl_certificate ${prefix}/tls.crt;`,
      `ssl_certificate_key ${prefix}/tls.key;`,
      'ssl_protocols TLSv1.2 TLSv1.3;',
      'ssl_session_cache shared:tls:1m;',
      // Plain HTTP sent to the HTTPS port: sent on to the same address over HTTPS.
      `error_page 497 =301 https://$host:${port}$request_uri;`,
    ].join('\n    ')
  : ''
// After a 429 for too many tries: room again for six tries of one name (deploy/nginx.conf: one every 10 s).
const RETRY_AFTER_SECONDS = 60
// Every value below was checked against a strict pattern (settings.ts) or is the project's own constant.
const values: Record<string, string> = {
  ...front,
  TLS: tlsLines,
  LOGIN_COOKIE: loginCookie,
  PROBE_PATH: probe.path,
  PROBE_ANSWER: probe.answer,
  PREFIX: prefix,
  SITE: served,
  BASE: base,
  BASE_NO_SLASH: base.replace(/\/$/, ''),
  DECK: DECK_NAME,
  PORT: String(port),
  HOST: listenHost,
  LOG_DIR: logDir,
  USER: worker
    ? `user ${worker.name};`
    : '',
  CACHE_CONFIDENTIAL,
  RETRY_AFTER: String(RETRY_AFTER_SECONDS),
  ROBOTS_TXT: ROBOTS_TXT.replace(/\n/g, '\\n'), // nginx reads "\n" in a quoted string as a line end
}
conf = conf.replace(/\{\{(\w+)\}\}/g, (_, k: string) => {
  if (!(k in values))
    cleanUpAndFail(`deploy/nginx.conf names an unknown setting {{${k}}}`)
  return values[k]
})
writeFileSync(join(prefix, 'nginx.conf'), conf)

const args = [
  '-p',
  prefix,
  '-c',
  join(prefix, 'nginx.conf'),
]
if (spawnSync(nginx, ['-t', '-q', ...args], { stdio: 'inherit' }).status !== 0)
  cleanUpAndFail('nginx refused the configuration; see above')

// 4. nginx, owned by the watchdog (scripts/host/watchdog.ts): it stops nginx and removes the folder when
// this process ends, however it ends. And the other way round: if the watchdog is killed, this process
// stops nginx (its whole process group, workers included) before it exits.
progress('starting nginx')
const watchdog: ChildProcess = spawn(process.execPath, [
  '--import',
  'tsx',
  new URL('./host/watchdog.ts', import.meta.url).pathname,
  prefix,
  join(logDir, 'access.log'),
  String(logMax),
  parentDeath,
  nginx,
  ...args,
  '-g',
  'daemon off;',
], {
  stdio: ['pipe', 'inherit', 'inherit'],
  detached: true,
})
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.off(signal, early)
let stopping = false
/** nginx's master, once its pid file is there: the leader of nginx's own process group. */
let nginxPid: number | undefined
function readNginxPid() {
  try {
    nginxPid ??= Number(readFileSync(join(prefix, 'nginx.pid'), 'utf8')) || undefined
  }
  catch {}
  return nginxPid
}
function groupAlive(pid: number) {
  try {
    process.kill(-pid, 0)
    return true
  }
  catch {
    return false
  }
}
/** The watchdog is gone without stopping nginx (killed outright): stop nginx's group here, then the folder. */
async function stopOrphan() {
  const pid = readNginxPid()
  if (pid && groupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGTERM')
    }
    catch {}
    for (let i = 0; i < 50 && groupAlive(pid); i++) await new Promise(r => setTimeout(r, 100))
    try {
      process.kill(-pid, 'SIGKILL')
    }
    catch {}
  }
  rmSync(prefix, { recursive: true, force: true })
}
watchdog.on('exit', async (code, signal) => {
  if (stopping) {
    console.log(`✓ stopped (${elapsed()} after start)`)
    process.exit(0)
  }
  await stopOrphan()
  console.error(signal
    ? `✗ nginx's watchdog was killed (${signal}); nginx was stopped with it`
    : `✗ nginx stopped (exit ${code}); see above`)
  process.exit(1)
})
function stop() {
  if (stopping)
    return
  stopping = true
  console.log('  stopping nginx …')
  unwatchFile(login.kind === 'file'
    ? login.file
    : '')
  watchdog.stdin!.end() // the watchdog stops nginx gracefully and removes the folder
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
// A closed terminal: nginx is out of its reach (own session), and stops with us.
process.on('SIGHUP', stop)

// "Serving" only once the nginx started here answers on the port: the probe path and answer drawn for this
// run (scripts/host/probe.ts), so another server on the port is never taken for it.
const deadline = Date.now() + 30_000
for (;;) {
  const answer = await askServer(probeHost, port, probe, Boolean(tls))
  if (answer === 'ours' && readNginxPid())
    break
  if (stopping)
    await new Promise(() => {}) // the exit handler ends the process
  if (answer === 'other' || Date.now() > deadline) {
    stop()
    throw new UserError(answer === 'other'
      ? `another server answers on ${probeHost}:${port}, not the nginx started here: nothing is served; stop it, or choose another PORT`
      : `nginx did not answer on ${probeHost}:${port} within 30 s`)
  }
  await new Promise(r => setTimeout(r, 200))
}

const who = login.kind === 'trial'
  ? `a one-person trial, user "${login.user}"`
  : `${users.size} director${users.size === 1
    ? ''
    : 's'} from ${login.file}`
const scheme = tls ? 'https' : 'http'
const behind = tlsProxy
  ? ` (behind the TLS proxy at ${tlsProxy})`
  : ''
console.log(`✓ serving ${site} at ${scheme}://${listenHost}:${port}${base}${behind} behind a login (${who}); Ctrl-C stops (${elapsed()})`)
console.log(`  read log: ${join(logDir, 'access.log')} (npm run host:log); nginx's working folder: ${prefix}`)

// 5. The users file, watched: an added director can log in (with their pack) and a removed one is refused
// within seconds, without a restart. A file that breaks a rule keeps only its good lines (the bad ones are
// named), so a mistake locks someone out rather than in.
if (login.kind === 'file') {
  let queue = Promise.resolve()
  watchFile(login.file, { interval: 1000 }, () => {
    queue = queue.then(async () => {
      if (stopping)
        return
      const text = existsSync(login.file)
        ? readFileSync(login.file, 'utf8')
        : ''
      const { users: next, problems } = parseUsers(text, login.file)
      for (const p of problems) console.error(`! ${p} (line ignored)`)
      if (!existsSync(login.file))
        console.error(`! ${login.file} was removed: no director can log in until it is back`)
      await applyUsers(next)
      console.log(`  logins now: ${[
        ...next.keys(),
      ].join(', ') || 'none'}`)
    }).catch(e => console.error(`! could not apply ${login.file}: ${(e as Error).message}`))
  })
}
