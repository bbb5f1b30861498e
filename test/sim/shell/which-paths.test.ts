// `which` answers where the image installs a program: the docker busybox image links every applet
// into /bin (and /usr/bin/env), Alpine's busybox puts each applet in its own directory (wget and
// nslookup in /usr/bin, ping and ls in /bin, ip in /sbin), Debian/Ubuntu and the workstation in
// /usr/bin (merged /usr).
import { describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { scenario, T0 } from './fixture'

const s = scenario(7)
const sh = (line: string) => run(s, line, { now: T0 + 130_000 })

describe('which', () => {
  it.each([
    ['bb', 'which wget nslookup ls sh', '/bin/wget\n/bin/nslookup\n/bin/ls\n/bin/sh\n'],
    ['bb', 'which env', '/usr/bin/env\n'],
    ['bb', 'command -v ping', '/bin/ping\n'],
    ['cc', 'which wget nslookup', '/usr/bin/wget\n/usr/bin/nslookup\n'],
    ['cc', 'which ping ls sh ip curl', '/bin/ping\n/bin/ls\n/bin/sh\n/sbin/ip\n/usr/bin/curl\n'],
    ['cc', 'type ip', 'ip is /sbin/ip\n'],
    ['access-pod', 'which ls sh', '/usr/bin/ls\n/usr/bin/sh\n'],
  ])('in %s: %s', (pod, line, want) => {
    const r = sh(`kubectl exec ${pod} -- sh -c '${line}'`)
    expect(r.stdout).toBe(want)
    expect(r.exitCode).toBe(0)
  })

  it('on the workstation', () => {
    expect(sh('which kubectl curl').stdout).toBe('/usr/local/bin/kubectl\n/usr/bin/curl\n')
  })
})
