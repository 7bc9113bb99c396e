// A self-signed certificate and key for the hosting tests, made by openssl at test time (no key is committed).
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * `<dir>/<name>.crt` and `<dir>/<name>.key`: an EC P-256 certificate for localhost, valid for two days. With
 * `loopback`, it also names 127.0.0.1, so a client checking the name accepts it there.
 */
export function selfSignedCertificate(dir: string, name: string, { loopback = false } = {}): { cert: string, key: string } {
  mkdirSync(dir, { recursive: true })
  const cert = join(dir, `${name}.crt`)
  const key = join(dir, `${name}.key`)
  const r = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=localhost',
    ...(loopback
      ? ['-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1']
      : []),
    '-keyout',
    key,
    '-out',
    cert,
  ], { encoding: 'utf8' })
  if (r.status !== 0)
    throw new Error(`openssl could not make a certificate: ${r.stderr}`)
  return { cert, key }
}
