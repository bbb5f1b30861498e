// curl --resolve / --connect-to, the usual way to try an Ingress host without DNS: the connection
// goes to the given address while the URL's host is sent as the Host header.
import { describe, expect, it } from 'vitest'
import { ingressCluster, LB, NOW } from './fixture'
import { run } from '../../../worker/sim/run'

const curl = (args: string) => run(ingressCluster(), `curl ${args}`, { now: NOW })

describe('curl --resolve and --connect-to on the workstation', () => {
  it('--resolve HOST:PORT:LB reaches the rule for HOST', () => {
    const r = curl(`-s --resolve blue.example:80:${LB} http://blue.example/`)
    expect(r.exitCode).toBe(0)
    expect(r.stdout).not.toContain('404 Not Found')
    // the same page as with the Host header set by hand
    expect(r.stdout).toBe(curl(`-s -H 'Host: blue.example' http://${LB}/`).stdout)
  })

  it('-v says where the address came from, and connects to the name with that address', () => {
    const r = curl(`-sv --resolve blue.example:80:${LB} http://blue.example/ -o /dev/null`)
    expect(r.stderr).toContain(`* Added blue.example:80:${LB} to DNS cache\n`)
    expect(r.stderr).toContain('* Hostname blue.example was found in DNS cache\n')
    expect(r.stderr).toContain(`* Connected to blue.example (${LB}) port 80`)
    expect(r.stderr).toContain('> Host: blue.example\r\n')
  })

  it('an entry for another port or host leaves DNS to answer (no cluster DNS here)', () => {
    const r = curl(`-sS --resolve blue.example:8080:${LB} http://blue.example/`)
    expect(r.exitCode).toBe(6)
    expect(r.stderr).toBe('curl: (6) Could not resolve host: blue.example\n')
  })

  it('--connect-to ::LB: sends every request to the load balancer', () => {
    const r = curl(`-s --connect-to ::${LB}: http://magic.example/`)
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe(curl(`-s -H 'Host: magic.example' http://${LB}/`).stdout)
  })
})
