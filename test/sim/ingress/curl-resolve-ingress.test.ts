// curl --resolve the way ingress tutorials reach a host rule without DNS: curl connects to the
// pinned address and still sends the name in Host (lib/hostip.c Curl_loadhostpairs). The option
// is curl/connect-target.ts's; curl-resolve.test.ts tests it too, with --connect-to.
import { describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { cloneJSON } from '../../../worker/sim/state'
import { ingressCluster, LB, NOW } from './fixture'

const curl = (args: string) => run(cloneJSON(ingressCluster()), `curl ${args}`, { now: NOW })

describe('curl --resolve host:port:addr', () => {
  it('reaches the host rule through the pinned address', () => {
    const r = curl(`-s --resolve echo.example:80:${LB} http://echo.example/hostname`)
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toMatch(/^echo-[a-z0-9]+-[a-z0-9]{5}$/)
  })
  it('-v shows the cache entry, the connection to the address and Host: <name>', () => {
    const r = curl(`-sv --resolve Echo.example:80:${LB} http://echo.example/hostname`)
    const lines = r.stderr.split(/\r?\n/)
    expect(lines.slice(0, 5)).toEqual([
      `* Added Echo.example:80:${LB} to DNS cache`,
      '* Hostname echo.example was found in DNS cache',
      `*   Trying ${LB}:80...`,
      `* Connected to echo.example (${LB}) port 80`,
      '> GET /hostname HTTP/1.1',
    ])
    expect(lines).toContain('> Host: echo.example')
  })
  it('an entry for another name or port changes nothing', () => {
    expect(curl(`-s --resolve echo.example:8080:${LB} http://echo.example/`).exitCode).toBe(6)
    expect(curl(`-s --resolve other.example:80:${LB} http://echo.example/`).exitCode).toBe(6)
  })
})
