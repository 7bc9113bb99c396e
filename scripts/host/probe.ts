// Is the server on the port the nginx `npm run host` started? Its configuration answers one path, drawn at
// random for this run, with an answer also drawn for this run: another program on the port (an nginx left
// from before, a server answering every path) cannot give it, so the host never says "serving" for it.
import { randomBytes } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'

export interface Probe {
  path: string
  answer: string
}

export function newProbe(): Probe {
  return {
    path: `board-deck-probe-${randomBytes(12).toString('hex')}`,
    answer: randomBytes(18).toString('hex'),
  }
}

/** 'ours': the answer drawn for this run; 'other': something else answered; 'none': nothing listens yet. */
export function askServer(host: string, port: number, probe: Probe, tls: boolean): Promise<'ours' | 'other' | 'none'> {
  return new Promise((resolve) => {
    const request = tls ? httpsRequest : httpRequest
    const req = request({
      host: host.replace(/^\[(.*)\]$/, '$1'),
      port,
      path: `/${probe.path}`,
      timeout: 2000,
      // The certificate may name the public host, not the loopback address asked; the answer proves who it is.
      rejectUnauthorized: false,
    }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => {
        body += d
        if (body.length > 1000)
          req.destroy()
      })
      res.on('end', () => resolve(res.statusCode === 200 && body === probe.answer
        ? 'ours'
        : 'other'))
      res.on('error', () => resolve('other'))
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', (e: NodeJS.ErrnoException) => resolve(['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(e.code ?? '') || e.message === 'timeout'
      ? 'none'
      : 'other'))
    req.end()
  })
}
