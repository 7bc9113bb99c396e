#!/usr/bin/env node
// `BOARD_PASSWORD=… npm run host`: serves the built site with Debian's nginx, behind a login, with the
// headers of deploy/headers.mjs, in the foreground (Ctrl-C stops it). Settings, all from the environment:
//   BOARD_PASSWORD  required; the password readers type (never written anywhere but a hashed file)
//   BOARD_USER      the user name (default "board")
//   BASE            the subfolder, as for `npm run build` (default "/board/")
//   PORT, HOST      where to listen (default 8080 on 127.0.0.1; put TLS in front before exposing it)
//   FRAME_ANCESTORS origins allowed to embed the deck, e.g. a board portal (default: none)
//   SITE_DIR        the built site (default dist/; built first if missing or built for another BASE)
import { spawn, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CACHE_HASHED, CACHE_PAGE, ROBOTS_TXT, frameAncestors, inlineScriptHashes, nginxHeaderLines } from '../deploy/headers.mjs'
import { normaliseBase } from './lib/base.ts'
import { ensureNginx } from './lib/nginx.mjs'

/** Debian's account for web servers (www-data), or nobody. */
function workerAccount() {
  for (const name of ['www-data', 'nobody']) {
    const id = (flag) => spawnSync('id', [flag, name], { encoding: 'utf8' })
    const uid = id('-u')
    if (uid.status === 0) return { name, uid: Number(uid.stdout), gid: Number(id('-g').stdout) }
  }
  fail('running as root, but there is neither a www-data nor a nobody account for the nginx workers')
}

function fail(message) {
  console.error(`✗ ${message}`)
  process.exit(2)
}

const password = process.env.BOARD_PASSWORD ?? ''
if (!password) fail('Set BOARD_PASSWORD: the deck is confidential and is never served without a login.')
const user = process.env.BOARD_USER || 'board'
if (/[:\s]/.test(user)) fail(`BOARD_USER may not contain ":" or spaces: "${user}"`)
const port = Number(process.env.PORT || 8080)
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a port number: "${process.env.PORT}"`)
const host = process.env.HOST || '127.0.0.1'
let base, ancestors
try {
  base = normaliseBase(process.env.BASE ?? '/board/')
  ancestors = frameAncestors()
} catch (e) {
  fail(e.message)
}

// The site: built for this base, or built now.
const site = resolve(process.env.SITE_DIR ?? 'dist')
const index = join(site, 'index.html')
if (!existsSync(index) || !readFileSync(index, 'utf8').includes(`${base}assets/`)) {
  console.log(`Building the site for ${base} into ${site} …`)
  const build = spawnSync('npx', ['tsx', 'scripts/build.ts'], { stdio: 'inherit', env: { ...process.env, BASE: base, OUT_DIR: site } })
  if (build.status !== 0) fail('the build failed; see above')
}

const nginx = ensureNginx()

// A private folder for this run: config, password file, logs and a copy of the site. Removed when nginx stops.
const prefix = mkdtempSync(join(tmpdir(), 'board-deck-nginx-'))
mkdirSync(join(prefix, 'empty'))
// Started as root, nginx runs its workers as an unprivileged user; that user alone may read the folder.
const asRoot = process.getuid?.() === 0
const worker = asRoot ? workerAccount() : undefined
// nginx serves a copy of the site inside that folder, never the checkout: a checkout in a folder only its owner
// may enter (a home folder, \`mktemp -d\`) would answer 403 to the workers, password or not.
const served = join(prefix, 'site')
cpSync(site, served, { recursive: true })
// Salted SHA-1 ({SSHA}), a scheme nginx reads; only the hash is written, readable by this user alone.
const salt = randomBytes(8)
const digest = createHash('sha1').update(password).update(salt).digest()
writeFileSync(join(prefix, 'htpasswd'), `${user}:{SSHA}${Buffer.concat([digest, salt]).toString('base64')}\n`, { mode: 0o600 })
if (worker) {
  for (const f of ['', 'empty', 'htpasswd', 'site', ...readdirSync(served, { recursive: true }).map((f) => join('site', f))]) chownSync(join(prefix, f), worker.uid, worker.gid)
}
writeFileSync(join(prefix, 'headers.conf'), nginxHeaderLines({ scriptHashes: inlineScriptHashes(readFileSync(index, 'utf8')), ancestors }) + '\n')

let conf = readFileSync(new URL('../deploy/nginx.conf', import.meta.url), 'utf8')
if (base === '/') conf = conf.replace(/\n {4}# Anything else[\s\S]*?\n {4}\}\n/, '\n') // the site is "/" itself
const values = {
  PREFIX: prefix,
  SITE: served,
  BASE: base,
  PORT: String(port),
  HOST: host,
  USER: worker ? `user ${worker.name};` : '',
  CACHE_HASHED,
  CACHE_PAGE,
  ROBOTS_TXT: ROBOTS_TXT.replace(/\n/g, '\\n'), // nginx reads "\n" in a quoted string as a line end
}
conf = conf.replace(/\{\{(\w+)\}\}/g, (_, k) => {
  if (!(k in values)) fail(`deploy/nginx.conf names an unknown setting {{${k}}}`)
  return values[k]
})
writeFileSync(join(prefix, 'nginx.conf'), conf)

const args = ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;']
const check = spawnSync(nginx, ['-t', '-q', ...args.slice(0, 4)], { stdio: 'inherit' })
if (check.status !== 0) {
  rmSync(prefix, { recursive: true, force: true })
  fail('nginx refused the configuration; see above')
}

console.log(`✓ serving ${site} at http://${host}:${port}${base} behind a login (user "${user}"); Ctrl-C stops`)
const server = spawn(nginx, args, { stdio: 'inherit' })
const stop = () => server.kill('SIGQUIT') // graceful: finish open requests
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
// A closed terminal: nginx would take its own SIGHUP as "reload" and outlive us, so pass on a stop instead.
process.on('SIGHUP', stop)
server.on('exit', (code, signal) => {
  rmSync(prefix, { recursive: true, force: true })
  process.exit(code ?? (signal === 'SIGQUIT' ? 0 : 1))
})
