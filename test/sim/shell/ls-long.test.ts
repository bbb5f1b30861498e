import { beforeAll, describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import type { ClusterState } from '../../../worker/sim/state'
import { scenario, T0 } from './fixture'

let s: ClusterState
beforeAll(() => {
  s = scenario(7)
})
/** two minutes and ten seconds after the scenario started: 06:02 UTC */
const sh = (line: string) => run(s, line, { now: T0 + 130_000, history: [] })
const startOf = (pod: string) => sh(`kubectl get pod ${pod} -o jsonpath={.status.startTime}`).stdout

describe('ls -l', () => {
  it('GNU: columns as wide as the listing needs, total in 1K blocks, files written now by root', () => {
    expect(startOf('access-pod')).toMatch(/^2026-11-26T06:00:0\dZ$/)
    const r = sh(
      "kubectl exec access-pod -- sh -c 'cd /tmp; echo hello > a; mkdir sub; ls -l; ls -l a /etc/hostname'",
    )
    expect(r.stdout).toBe(
      'total 8\n' +
        '-rw-r--r-- 1 root root    6 Nov 26 06:02 a\n' +
        'drwxr-xr-x 2 root root 4096 Nov 26 06:02 sub\n' +
        '-rw-r--r-- 1 root root 11 Nov 26 06:00 /etc/hostname\n' +
        '-rw-r--r-- 1 root root  6 Nov 26 06:02 a\n',
    )
  })

  it('-a adds . and .., -d lists the directory itself, -h sizes in K', () => {
    const r = sh(
      "kubectl exec access-pod -- sh -c 'cd /tmp; echo hi > f; ls -la; ls -ld /tmp /root; ls -lh'",
    )
    expect(r.stdout).toBe(
      'total 12\n' +
        'drwxrwxrwt 2 root root 4096 Nov 26 06:00 .\n' +
        'drwxr-xr-x 2 root root 4096 Nov 26 06:00 ..\n' +
        '-rw-r--r-- 1 root root    3 Nov 26 06:02 f\n' +
        'drwx------ 2 root root 4096 Nov 26 06:00 /root\n' +
        'drwxrwxrwt 2 root root 4096 Nov 26 06:00 /tmp\n' +
        'total 4\n' +
        '-rw-r--r-- 1 root root 3 Nov 26 06:02 f\n',
    )
  })

  it('busybox: fixed-width columns', () => {
    const r = sh("kubectl exec bb -- sh -c 'echo hi > /tmp/f; ls -l /tmp'")
    expect(r.stdout).toBe('total 4\n-rw-r--r--    1 root     root             3 Nov 26 06:02 f\n')
  })

  it("on the workstation, files in the home directory are the learner's", () => {
    const r = sh('echo x > notes.txt; ls -l; ls -ld ~ /home')
    expect(r.stdout).toBe(
      'total 4\n' +
        '-rw-r--r-- 1 learner learner 2 Nov 26 06:02 notes.txt\n' +
        'drwxr-xr-x 2 root    root    4096 Nov 26 06:00 /home\n' +
        'drwxr-xr-x 2 learner learner 4096 Nov 26 06:00 /home/learner\n',
    )
  })
})

describe('ls without -l', () => {
  it('hides dot files unless -a or -A, and -d names the directory instead of its contents', () => {
    const r = sh(
      "kubectl exec access-pod -- sh -c 'cd /tmp; echo > .hidden; echo > shown; ls; ls -A; ls -a; ls -d /tmp'",
    )
    expect(r.stdout).toBe('shown\n.hidden\nshown\n.\n..\n.hidden\nshown\n/tmp\n')
  })
})

describe('a shell started by kubectl exec', () => {
  it('after cd, the programs it runs work from the new directory (PWD is exported)', () => {
    const r = sh("kubectl exec access-pod -- sh -c 'cd /tmp; echo x > y; cat y; ls; sh -c pwd'")
    expect(r).toMatchObject({ stdout: 'x\ny\n/tmp\n', stderr: '', exitCode: 0 })
    expect(sh("kubectl exec bb -- sh -c 'cd /etc && cat hostname'").stdout).toBe('bb\n')
  })
})

describe('base64 in the images', () => {
  it('GNU coreutils and busybox both ship it', () => {
    expect(sh("kubectl exec access-pod -- sh -c 'echo hi | base64'").stdout).toBe('aGkK\n')
    expect(sh("kubectl exec bb -- sh -c 'echo aGkK | base64 -d'").stdout).toBe('hi\n')
  })
})
