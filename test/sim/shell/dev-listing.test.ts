// A container's /dev as `ls` and `test` see it: runc's devices and links, the kubelet's
// termination-log, dated when the container started.

import { beforeAll, describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import type { ClusterState } from '../../../worker/sim/state'
import { scenario, T0 } from './fixture'

let s: ClusterState
beforeAll(() => {
  s = scenario(7)
})
const sh = (line: string) => run(s, line, { now: T0 + 130_000, history: [] })

const NAMES =
  'core fd full mqueue null ptmx pts random shm stderr stdin stdout termination-log tty urandom zero'

describe('ls /dev', () => {
  it('lists the devices, links and mounts of a container', () => {
    expect(sh('kubectl exec bb -- ls /dev').stdout).toBe(NAMES.split(' ').join('\n') + '\n')
    expect(sh('kubectl exec access-pod -- ls /dev').stdout.split('\n')).toContain('urandom')
  })

  it('in columns on the workstation, which has no termination-log', () => {
    expect(sh('ls /dev').stdout).toBe(
      'core  full    null  pts     shm     stdin   tty      zero\n' +
        'fd    mqueue  ptmx  random  stderr  stdout  urandom\n',
    )
  })

  it('ls -l /dev/null: a character device, major 1 minor 3 (GNU)', () => {
    expect(sh('kubectl exec access-pod -- ls -l /dev/null').stdout).toBe(
      'crw-rw-rw- 1 root root 1, 3 Nov 26 06:00 /dev/null\n',
    )
  })

  it('busybox prints major and minor as %4u, %3u', () => {
    expect(sh('kubectl exec bb -- ls -l /dev/null /dev/urandom').stdout).toBe(
      'crw-rw-rw-    1 root     root        1,   3 Nov 26 06:00 /dev/null\n' +
        'crw-rw-rw-    1 root     root        1,   9 Nov 26 06:00 /dev/urandom\n',
    )
  })

  it('ls -l /dev: links with their targets, sizes and devices in one column, total 0', () => {
    const lines = sh('kubectl exec access-pod -- ls -l /dev').stdout.split('\n')
    expect(lines[0]).toBe('total 0')
    expect(lines).toContain('lrwxrwxrwx 1 root root   11 Nov 26 06:00 core -> /proc/kcore')
    expect(lines).toContain('crw-rw-rw- 1 root root 1, 5 Nov 26 06:00 zero')
    expect(lines).toContain('drwxrwxrwt 2 root root   40 Nov 26 06:00 shm')
    expect(lines).toContain('-rw-rw-rw- 1 root root    0 Nov 26 06:00 termination-log')
    expect(lines).toContain('lrwxrwxrwx 1 root root   15 Nov 26 06:00 stdin -> /proc/self/fd/0')
  })

  it('an entry that /dev does not have is still missing', () => {
    const r = sh('kubectl exec access-pod -- ls /dev/sda')
    expect(r.stderr).toBe(
      "ls: cannot access '/dev/sda': No such file or directory\ncommand terminated with exit code 2\n",
    )
  })
})

describe('test on /dev', () => {
  it.each([
    ['[ -c /dev/null ]', 0],
    ['[ -e /dev/urandom ]', 0],
    ['test -c /dev/zero', 0],
    ['[ -h /dev/stdin ]', 0],
    ['[ -d /dev/pts ]', 0],
    ['[ -s /dev/null ]', 1],
    ['[ -f /dev/null ]', 1],
    ['[ -c /etc/hosts ]', 1],
    ['[ -e /dev/sda ]', 1],
  ])('%s exits %i', (line, code) => {
    expect(sh(line).exitCode).toBe(code)
    expect(sh(`kubectl exec bb -- sh -c '${line}'`).exitCode).toBe(code)
  })
})
