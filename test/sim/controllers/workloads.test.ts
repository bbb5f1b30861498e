import { describe, expect, it } from 'vitest'
import { Lab, deployment } from './helpers'
import type { Deployment, ReplicaSet } from '../../../worker/sim/objects/types'
import { putObject, listObjects } from '../../../worker/sim/state'
import { settle } from '../../../worker/sim/controllers/settle'
import { computeHash, safeEncodeString } from '../../../worker/sim/controllers/hash'
import { podGoneAt } from '../../../worker/sim/controllers/kubelet'

describe('deployment and replicaset controllers', () => {
  it('names the ReplicaSet <deploy>-<pod-template-hash> and pods <rs>-<5 chars>', () => {
    const lab = new Lab()
    lab.create(deployment('web', 'nginx:1.19', 3))
    const rs = listObjects<ReplicaSet>(lab.s, 'ReplicaSet', 'default')
    expect(rs).toHaveLength(1)
    const hash = rs[0]?.metadata.labels?.['pod-template-hash'] ?? ''
    expect(hash).toMatch(/^[bcdfg456789]{6,10}$/)
    expect(rs[0]?.metadata.name).toBe(`web-${hash}`)
    expect(rs[0]?.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash })
    expect(rs[0]?.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    })
    for (const p of lab.pods())
      expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`))
    expect(lab.messages('web')).toEqual([
      `Normal ScalingReplicaSet Scaled up replica set web-${hash} from 0 to 3`,
    ])
    expect(lab.messages(`web-${hash}`)).toHaveLength(3)
  })

  it('encodes the hash with the SafeEncodeString alphabet', () => {
    expect(safeEncodeString('0123456789')).toBe('45678bcdf'.slice(0, 0) + '456789bcdf')
    expect(computeHash({ spec: { containers: [] } })).toMatch(/^[456789bcdf]+$/)
  })

  it('scales up and down, deleting surplus pods gracefully', () => {
    const lab = new Lab()
    lab.create(deployment('web', 'nginx:1.19', 2))
    lab.wait(30)
    const d = lab.get<Deployment>('Deployment', 'web') as Deployment
    d.spec.replicas = 4
    d.metadata.generation = 2
    putObject(lab.s, d)
    settle(lab.s, lab.now)
    lab.wait(30)
    expect(lab.pods().filter((p) => p.status.phase === 'Running')).toHaveLength(4)
    const st = (lab.get<Deployment>('Deployment', 'web') as Deployment).status
    expect(st).toMatchObject({
      replicas: 4,
      updatedReplicas: 4,
      readyReplicas: 4,
      availableReplicas: 4,
      observedGeneration: 2,
    })
    d.spec.replicas = 1
    d.metadata.generation = 3
    putObject(lab.s, d)
    settle(lab.s, lab.now)
    expect(lab.pods().filter((p) => p.metadata.deletionTimestamp)).toHaveLength(3)
    lab.wait(2)
    expect(lab.pods()).toHaveLength(1)
    const hash = listObjects<ReplicaSet>(lab.s, 'ReplicaSet', 'default')[0]?.metadata.labels?.[
      'pod-template-hash'
    ]
    expect(lab.messages('web')).toContain(
      `Normal ScalingReplicaSet Scaled down replica set web-${hash} from 4 to 1`,
    )
  })

  it('rolls out a template change to a new ReplicaSet and scales the old one to 0', () => {
    const lab = new Lab()
    lab.create(deployment('web', 'nginx:1.19', 4))
    lab.wait(30)
    const d = lab.get<Deployment>('Deployment', 'web') as Deployment
    const first = listObjects<ReplicaSet>(lab.s, 'ReplicaSet', 'default')[0] as ReplicaSet
    ;(d.spec.template.spec.containers[0] as { image: string }).image = 'nginx:1.25'
    d.metadata.generation = 2
    putObject(lab.s, d)
    settle(lab.s, lab.now)
    let sets = listObjects<ReplicaSet>(lab.s, 'ReplicaSet', 'default')
    expect(sets).toHaveLength(2)
    const second = sets.find((r) => r.metadata.uid !== first.metadata.uid) as ReplicaSet
    expect(second.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2')
    // maxSurge 25% of 4 = 1, maxUnavailable 25% of 4 = 1: new 1, old 3, then new 2 (5 pods at most)
    expect(second.spec.replicas).toBe(2)
    expect(first.spec.replicas).toBe(3)
    expect(lab.messages('web')).toEqual(
      expect.arrayContaining([
        `Normal ScalingReplicaSet Scaled up replica set ${second.metadata.name} from 0 to 1`,
        `Normal ScalingReplicaSet Scaled down replica set ${first.metadata.name} from 4 to 3`,
        `Normal ScalingReplicaSet Scaled up replica set ${second.metadata.name} from 1 to 2`,
      ]),
    )
    lab.wait(30).wait(30).wait(30).wait(30)
    sets = listObjects<ReplicaSet>(lab.s, 'ReplicaSet', 'default')
    expect(sets.find((r) => r.metadata.uid === first.metadata.uid)?.spec.replicas).toBe(0)
    expect(sets.find((r) => r.metadata.uid === second.metadata.uid)?.spec.replicas).toBe(4)
    expect(lab.pods().every((p) => p.spec.containers[0]?.image === 'nginx:1.25')).toBe(true)
    const dep = lab.get<Deployment>('Deployment', 'web') as Deployment
    expect(dep.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2')
    expect(dep.status.conditions?.map((c) => `${c.type} ${c.reason} ${c.message}`)).toEqual([
      'Available MinimumReplicasAvailable Deployment has minimum availability.',
      `Progressing NewReplicaSetAvailable ReplicaSet "${second.metadata.name}" has successfully progressed.`,
    ])
  })

  it('a rollout to a broken image stops at maxUnavailable and keeps old pods serving', () => {
    const lab = new Lab()
    lab.create(deployment('web', 'nginx:1.19', 4))
    lab.wait(30)
    const d = lab.get<Deployment>('Deployment', 'web') as Deployment
    ;(d.spec.template.spec.containers[0] as { image: string }).image = 'nginx:1.999'
    d.metadata.generation = 2
    putObject(lab.s, d)
    settle(lab.s, lab.now)
    lab.wait(60)
    const ready = lab.pods().filter((p) => p.status.containerStatuses?.[0]?.ready)
    expect(ready).toHaveLength(3)
    lab.wait(600)
    const dep = lab.get<Deployment>('Deployment', 'web') as Deployment
    expect(dep.status.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe(
      'ProgressDeadlineExceeded',
    )
  })

  it('replaces a deleted pod: Terminating, then a new pod with a new IP in the same node range', () => {
    const lab = new Lab()
    lab.create(deployment('web', 'nginx:1.19', 1))
    lab.wait(30)
    const old = lab.pod('web-')
    lab.delete('Pod', old.metadata.name)
    expect(podGoneAt(lab.pod(old.metadata.name))).toBe(lab.now + 1000)
    const after = lab.pods()
    expect(after).toHaveLength(2)
    expect(lab.status(lab.pod(old.metadata.name))).toBe('Terminating')
    lab.wait(1)
    expect(lab.pods().find((p) => p.metadata.name === old.metadata.name)).toBeUndefined()
    expect(lab.s.runtime.releasedPodIPs).toContain(old.status.podIP)
    lab.wait(30)
    const fresh = lab.pod('web-')
    expect(fresh.metadata.name).not.toBe(old.metadata.name)
    expect(fresh.status.podIP).toBeDefined()
    expect(fresh.status.podIP).not.toBe(old.status.podIP)
    const prefix = fresh.spec.nodeName === 'lab-worker' ? '10.244.1.' : '10.244.2.'
    expect(fresh.status.podIP?.startsWith(prefix)).toBe(true)
    expect(lab.messages(old.metadata.name)).toContain('Normal Killing Stopping container main')
  })

  it('a sleep pod ignores SIGTERM and terminates only after the grace period', () => {
    const lab = new Lab()
    lab.create(`apiVersion: v1
kind: Pod
metadata:
  name: sleeper
spec:
  containers:
  - name: sleeper
    image: ubuntu:latest
    command: ["sh", "-c", "sleep 3600"]
`)
    lab.wait(20)
    const uid = lab.pod('sleeper').metadata.uid
    expect(Object.keys(lab.s.runtime.containers)).toContain(`${uid}/sleeper`)
    lab.delete('Pod', 'sleeper')
    expect(podGoneAt(lab.pod('sleeper'))).toBe(lab.now + 30_000)
    lab.wait(29)
    expect(lab.status(lab.pod('sleeper'))).toBe('Terminating')
    lab.wait(1)
    expect(lab.pods()).toHaveLength(0)
    expect(Object.keys(lab.s.runtime.containers).filter((k) => k.startsWith(uid))).toEqual([])
  })

  it('schedules around the control-plane taint and reports unschedulable pods', () => {
    const lab = new Lab()
    lab.create(deployment('web', 'nginx:1.19', 6))
    expect(new Set(lab.pods().map((p) => p.spec.nodeName))).toEqual(
      new Set(['lab-worker', 'lab-worker2']),
    )
    lab.create(`apiVersion: v1
kind: Pod
metadata:
  name: picky
spec:
  nodeSelector:
    disk: ssd
  containers:
  - name: picky
    image: nginx
`)
    const p = lab.pod('picky')
    expect(p.spec.nodeName).toBeUndefined()
    expect(lab.messages('picky')).toEqual([
      "Warning FailedScheduling 0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    ])
  })
})

describe('quota', () => {
  it('the ReplicaSet controller reports FailedCreate when the pod quota is used up', () => {
    const lab = new Lab()
    lab.create(
      [
        deployment('a', 'nginx', 10),
        deployment('b', 'nginx', 10),
        deployment('c', 'nginx', 10),
      ].join('---\n'),
    )
    lab.create(deployment('d', 'nginx', 2))
    const live = lab.pods().filter((p) => !p.metadata.deletionTimestamp)
    expect(live).toHaveLength(30)
    const rs = listObjects<ReplicaSet>(lab.s, 'ReplicaSet', 'default').find((r) =>
      r.metadata.name.startsWith('d-'),
    ) as ReplicaSet
    const failed = lab.events(rs.metadata.name).filter((e) => e.reason === 'FailedCreate')
    expect(failed).toHaveLength(1)
    expect(failed[0]?.type).toBe('Warning')
    expect(failed[0]?.message).toMatch(
      /^Error creating: pods "d-[a-z0-9]+-[a-z0-9]{5}" is forbidden: exceeded quota: service-lab, requested: pods=1, used: pods=30, limited: pods=30$/,
    )
    const json = JSON.stringify(lab.s)
    settle(lab.s, lab.now)
    expect(JSON.stringify(lab.s)).toBe(json)
  })
})
