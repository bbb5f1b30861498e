// curl --resolve / --connect-to, the usual way to try an Ingress host without DNS: the connection
// goes to the given address while the URL's host is sent as the Host header.
import { describe, expect, it } from 'vitest'
import { ingressCluster, LB, NOW } from './fixture'
import { run } from '../../../worker/sim/run'
import { parseCurlArgs } from '../../../worker/sim/shell/tools/curl/args'
import { connectTarget } from '../../../worker/sim/shell/tools/curl/connect-target'

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

  it('a later entry for the same HOST:PORT replaces an earlier one (lib/hostip.c)', () => {
    const r = curl(
      `-sv --resolve blue.example:80:10.9.9.9 --resolve blue.example:80:${LB} http://blue.example/ -o /dev/null`,
    )
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toContain(
      `* Added blue.example:80:10.9.9.9 to DNS cache\n* RESOLVE blue.example:80 - old addresses discarded\n* Added blue.example:80:${LB} to DNS cache\n* Hostname blue.example was found in DNS cache\n`,
    )
    expect(r.stderr).toContain(`* Connected to blue.example (${LB}) port 80`)
  })

  it('curl before 8.3 words the replacement `... is - old addresses discarded`', () => {
    const o = parseCurlArgs(['--resolve', 'a:80:1.1.1.1', '--resolve', 'A:80:2.2.2.2', 'http://a/'])
    if (!o.ok) throw new Error(o.error)
    const t = connectTarget(o.opts, 'a', 80, '7.88.1')
    expect(t.host).toBe('2.2.2.2')
    expect(t.verbose[1]).toBe('RESOLVE A:80 is - old addresses discarded')
  })
})
