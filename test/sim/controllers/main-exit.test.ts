import { describe, expect, it } from 'vitest'
import { newCluster, run } from '../../../worker/sim'
import { settle } from '../../../worker/sim/controllers/settle'
import { exitMainProcess } from '../../../worker/sim/controllers/kubelet-main-exit'
import { getObject } from '../../../worker/sim/state'
import type { Pod } from '../../../worker/sim/objects/types'

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0)
const POD = (policy: string) => `apiVersion: v1
kind: Pod
metadata:
  name: bb
spec:
  restartPolicy: ${policy}
  containers:
  - name: bb
    image: busybox
    command: [sh]
    stdin: true
    stdinOnce: true
    tty: true
`

describe('an attached shell exiting ends the container', () => {
  it('with restartPolicy Never the pod fails with the exit code', () => {
    const s = run(newCluster(3, T0), 'kubectl apply -f -', { now: T0, stdin: POD('Never') }).state
    settle(s, T0 + 20_000)
    const pod = getObject<Pod>(s, 'Pod', 'default', 'bb')!
    expect(pod.status.phase).toBe('Running')
    expect(exitMainProcess(s, pod, 'bb', 3, T0 + 21_000)).toBe(true)
    settle(s, T0 + 21_000)
    const after = getObject<Pod>(s, 'Pod', 'default', 'bb')!
    expect(after.status.phase).toBe('Failed')
    expect(after.status.containerStatuses?.[0]?.state.terminated).toMatchObject({
      exitCode: 3,
      reason: 'Error',
    })
    expect(exitMainProcess(s, after, 'bb', 0, T0 + 22_000)).toBe(false)
  })

  it('with restartPolicy Always the kubelet starts it again', () => {
    const s = run(newCluster(3, T0), 'kubectl apply -f -', { now: T0, stdin: POD('Always') }).state
    settle(s, T0 + 20_000)
    exitMainProcess(s, getObject<Pod>(s, 'Pod', 'default', 'bb')!, 'bb', 0, T0 + 21_000)
    settle(s, T0 + 40_000)
    const st = getObject<Pod>(s, 'Pod', 'default', 'bb')!.status.containerStatuses?.[0]
    expect(st?.restartCount).toBe(1)
    expect(st?.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
  })
})
