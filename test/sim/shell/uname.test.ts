import { beforeAll, describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import type { ClusterState } from '../../../worker/sim/state'
import { scenario, T0 } from './fixture'

let s: ClusterState
beforeAll(() => {
  s = scenario(7)
})
const sh = (line: string) => run(s, line, { now: T0 + 130_000, history: [] })
const KERNEL = '6.8.0-49-generic #49-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov  4 02:06:24 UTC 2024'

describe('uname', () => {
  it('-a names the node kernel with its build date; the tail depends on the userland', () => {
    // Ubuntu's coreutils reports processor and platform; busybox (glibc build) leaves them out;
    // Alpine's busybox is built with the OS name "Linux"
    expect(sh('kubectl exec access-pod -- uname -a').stdout).toBe(
      `Linux access-pod ${KERNEL} x86_64 x86_64 x86_64 GNU/Linux\n`,
    )
    expect(sh('kubectl exec bb -- uname -a').stdout).toBe(`Linux bb ${KERNEL} x86_64 GNU/Linux\n`)
    expect(sh('kubectl exec cc -- uname -a').stdout).toBe(`Linux cc ${KERNEL} x86_64 Linux\n`)
  })

  it('single fields in kernel order, and a bad option refused', () => {
    expect(sh('uname -mrs').stdout).toBe('Linux 6.8.0-49-generic x86_64\n')
    expect(sh('uname').stdout).toBe('Linux\n')
    expect(sh('uname -x')).toMatchObject({
      stderr: "uname: invalid option -- 'x'\nTry 'uname --help' for more information.\n",
      exitCode: 1,
    })
  })
})
