// `npm run host` says "serving" only for the nginx it started: the probe's path and answer are drawn for each
// run, so another server on the port, even one that answers every path with 200, is told apart.
import type { Server } from 'node:http'
import { createServer } from 'node:http'
import { afterAll, describe, expect, it } from 'vitest'
import { askServer, newProbe } from '../scripts/host/probe.ts'

const probe = newProbe()
async function serve(answer: (path: string) => string): Promise<{ server: Server, port: number }> {
  const server = createServer((req, res) => res.end(answer(req.url ?? '')))
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  return { server, port: (server.address() as { port: number }).port }
}
const servers: Server[] = []
afterAll(() => servers.forEach(s => s.close()))

describe('the probe', () => {
  it('a server answering every path with 200 is not ours; one giving this run\'s answer at this run\'s path is', async () => {
    const impostor = await serve(() => 'OK')
    const ours = await serve(path => path === `/${probe.path}`
      ? probe.answer
      : 'no')
    servers.push(impostor.server, ours.server)
    expect(await askServer('127.0.0.1', impostor.port, probe, false)).toBe('other')
    expect(await askServer('127.0.0.1', ours.port, probe, false)).toBe('ours')
    // Another run's answer, at another run's path, is not this run's.
    expect(await askServer('127.0.0.1', ours.port, newProbe(), false)).toBe('other')
  })

  it('nothing on the port is "none" (not up yet)', async () => {
    const closed = await serve(() => '')
    const port = closed.port
    await new Promise(r => closed.server.close(r))
    expect(await askServer('127.0.0.1', port, probe, false)).toBe('none')
  })
})
