// Reaching an Ingress host by name the way tutorials do it: an /etc/hosts line for the
// controller's address. getaddrinfo reads /etc/hosts before DNS, so curl and wget connect to that
// address and send the name as Host.
import { describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { cloneJSON } from '../../../worker/sim/state'
import { ingressCluster, LB, NOW } from './fixture'

const sh = (line: string) => run(cloneJSON(ingressCluster()), line, { now: NOW })
const ADD = `echo '${LB} echo.example' | sudo tee -a /etc/hosts >/dev/null`

describe('/etc/hosts on the workstation', () => {
  it('tee -a and >> append to the existing file', () => {
    expect(sh(`${ADD}; cat /etc/hosts`).stdout).toBe(
      `127.0.0.1 localhost\n127.0.1.1 workstation\n${LB} echo.example\n`,
    )
    expect(sh(`echo '1.2.3.4 foo' >> /etc/hosts; cat /etc/hosts`).stdout).toBe(
      '127.0.0.1 localhost\n127.0.1.1 workstation\n1.2.3.4 foo\n',
    )
  })
  it('curl and wget resolve a name from it and reach the host rule', () => {
    expect(sh(`${ADD}; curl -s echo.example/hostname`).stdout).toMatch(
      /^echo-[a-z0-9]+-[a-z0-9]{5}$/,
    )
    expect(sh(`${ADD}; wget -qO- http://ECHO.example/hostname`).stdout).toMatch(
      /^echo-[a-z0-9]+-[a-z0-9]{5}$/,
    )
  })
  it('curl -v says where the name resolved to', () => {
    const r = sh(`${ADD}; curl -sv echo.example/hostname`)
    expect(r.stderr).toContain(
      `* Host echo.example:80 was resolved.\n* IPv6: (none)\n* IPv4: ${LB}\n*   Trying ${LB}:80...\n`,
    )
  })
  it('without the line the name is unknown', () => {
    expect(sh('curl -sS echo.example/hostname').stderr).toBe(
      'curl: (6) Could not resolve host: echo.example\n',
    )
  })
  it('getent hosts reads it too (the workstation has getent, as Ubuntu does)', () => {
    const r = sh(`${ADD}; getent hosts echo.example`)
    expect(r.stdout).toBe(`${LB.padEnd(15)} echo.example\n`)
    expect(sh('getent hosts nosuch.example').exitCode).toBe(2)
    // a line's canonical name first, then its aliases, whichever was asked for (glibc)
    const two = `echo '1.2.3.4 blue.example green.example' >> /etc/hosts; getent hosts green.example`
    expect(sh(two).stdout).toBe(`${'1.2.3.4'.padEnd(15)} blue.example green.example\n`)
  })
})

describe('/etc/hosts in a pod', () => {
  it('nc connects to the address it gives, as curl and wget do', () => {
    const pod = run(cloneJSON(ingressCluster()), 'kubectl run bb --image=busybox -- sleep 3600', {
      now: NOW,
    })
    const line = `echo '${LB} echo.example' >> /etc/hosts; nc -zv echo.example 80`
    const r = run(pod.state, `kubectl exec bb -- sh -c "${line}"`, { now: NOW + 60_000 })
    expect(r.stderr).toBe(`echo.example (${LB}:80) open\n`)
    expect(r.exitCode).toBe(0)
  })
})
