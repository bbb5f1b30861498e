// `ls -R`: each directory below, depth first, headed by its path, a blank line between; as GNU ls
// (coreutils 9, checked on this machine) and busybox print it. It listed the top directory only.
import { beforeAll, describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import type { ClusterState } from '../../../worker/sim/state'
import { scenario, T0 } from './fixture'

let s: ClusterState
beforeAll(() => {
  s = scenario(7)
})
const sh = (line: string) => run(s, line, { now: T0 + 130_000, history: [] })

describe('ls -R', () => {
  it('lists every directory below, as ls prints them; a trailing slash is not doubled', () => {
    const r = sh(
      "kubectl exec access-pod -- sh -c 'mkdir -p /tmp/a/b; echo x > /tmp/a/f; echo y > /tmp/a/b/g; cd /tmp; ls -R a; ls -R a/; ls -R'",
    )
    const tree = (top: string, sub: string) => `${top}:\nb\nf\n\n${sub}:\ng\n`
    expect(r.stdout).toBe(
      tree('a', 'a/b') + tree('a/', 'a/b') + '.:\na\n\n./a:\nb\nf\n\n./a/b:\ng\n',
    )
  })

  it('with -l: each directory with its total', () => {
    const r = sh(
      "kubectl exec access-pod -- sh -c 'mkdir -p /tmp/d/e; echo hi > /tmp/d/e/f; ls -lR /tmp/d'",
    )
    expect(r.stdout).toBe(
      '/tmp/d:\ntotal 4\n' +
        'drwxr-xr-x 2 root root 4096 Nov 26 06:02 e\n\n' +
        '/tmp/d/e:\ntotal 4\n' +
        '-rw-r--r-- 1 root root 3 Nov 26 06:02 f\n',
    )
  })
})
