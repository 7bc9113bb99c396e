// A plain static file server with no rewrites, like the simplest static host: serves `root`
// under the URL prefix `base`. Used by the browser tests and the screenshot script.
import type { AddressInfo } from 'node:net'
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { gzipSync } from 'node:zlib'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain',
}

const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/

/** `gzip: true` compresses text as a host does (nginx's gzip_types), for a browser that asks for it. */
export interface StaticServer { url: string, close: () => Promise<void> }

export function serveStatic(root: string, base = '/', { gzip = false } = {}): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    let path = decodeURIComponent(url.pathname)
    if (!path.startsWith(base)) {
      res.writeHead(404).end('not found')
      return
    }
    path = normalize(path.slice(base.length))
    if (path.startsWith('..')) {
      res.writeHead(403).end()
      return
    }
    let file = join(root, path)
    if (existsSync(file) && statSync(file).isDirectory())
      file = join(file, 'index.html')
    if (!existsSync(file)) {
      res.writeHead(404).end('not found')
      return
    }
    const type = TYPES[extname(file) as keyof typeof TYPES] ?? 'application/octet-stream'
    if (gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'vary': 'accept-encoding' })
      res.end(gzipSync(readFileSync(file), { level: 6 }))
      return
    }
    res.writeHead(200, { 'content-type': type })
    createReadStream(file).pipe(res)
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://127.0.0.1:${port}${base}`,
        close: () => new Promise<void>(r => server.close(() => r())),
      })
    })
  })
}
