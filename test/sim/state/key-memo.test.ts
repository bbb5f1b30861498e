// The controllers' per-key skip (controllers/key-memo.ts: a Deployment, ReplicaSet or Service
// whose inputs are as they were when its sync last found nothing to do is not synced again) must
// never change the outcome. Beside the settle-skip property (which turns this skip off with
// settle's), lines here reach what each key's inputs must name: slices edited or deleted by hand,
// pods relabelled out of (and back into) their ReplicaSet and Service, orphaned ReplicaSets
// adopted again, a Recreate rollout, minReadySeconds, the pod quota refusing creates.
import { afterEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { skipQuietControllers } from '../../../worker/sim/controllers/settle-memo'
import { settle } from '../../../worker/sim/controllers/settle'
import { run } from '../../../worker/sim/run'
import { objectsOfKind, parseTimestamp, type ClusterState } from '../../../worker/sim/state'
import type { KubeEvent } from '../../../worker/sim/objects/types'
import { expectSameOnAndOff, LINES, playLines, seededJSON, T0, type Line } from './change-sequences'

afterEach(() => skipQuietControllers(true))

const RECREATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: recreate
spec:
  replicas: 2
  minReadySeconds: 10
  strategy: { type: Recreate }
  selector:
    matchLabels: { app: recreate }
  template:
    metadata:
      labels: { app: recreate }
    spec:
      containers:
      - name: nginx
        image: nginx:1.28
`

const HAND_ENDPOINTS = `apiVersion: v1
kind: Endpoints
metadata:
  name: my-blue-service
subsets:
- addresses: [{ ip: 10.244.9.9 }]
  ports: [{ port: 80 }]
`

const STRAY_REPLICA_SET = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: stray
  labels: { app: nginx-1.0 }
spec:
  replicas: 1
  selector:
    matchLabels: { app: nginx-1.0 }
  template:
    metadata:
      labels: { app: nginx-1.0 }
    spec:
      containers:
      - name: nginx
        image: nginx:1.26
`

const MY_SERVICE_ENDPOINTS = `apiVersion: v1
kind: Endpoints
metadata:
  name: my-service
subsets:
- addresses:
  - ip: 10.244.0.7
  ports:
  - port: 80
`

/** Edge cases, each a short sequence whose last line is the edge (the others set it up). */
const EDGES: Line[][] = [
  [{ command: 'kubectl delete endpointslices -l kubernetes.io/service-name=my-blue-service' }],
  [
    {
      command:
        'kubectl label endpointslices -l kubernetes.io/service-name=my-blue-service extra=yes --overwrite',
    },
  ],
  [{ command: 'kubectl label pod -l app=nginx-1.1 app=moved --overwrite' }],
  [
    { command: 'kubectl label pod -l app=nginx-1.1 app=moved --overwrite' },
    { command: 'kubectl label pod -l app=moved app=nginx-1.1 --overwrite' },
  ],
  [{ command: 'kubectl label pod -l color=blue color=green --overwrite' }],
  [{ command: 'kubectl delete replicaset -l app=nginx-1.0 --cascade=orphan' }],
  [{ command: 'kubectl delete replicaset -l color=blue --cascade=orphan' }],
  [{ command: 'kubectl scale replicaset -l app=nginx-1.1 --replicas=1' }],
  [{ command: 'kubectl apply -f -', stdin: RECREATE }],
  [
    { command: 'kubectl apply -f -', stdin: RECREATE },
    { command: 'kubectl set image deployment/recreate nginx=nginx:1.27' },
  ],
  [{ command: 'kubectl apply -f -', stdin: HAND_ENDPOINTS }],
  [{ command: 'kubectl scale deployment --all --replicas=9' }],
  [{ command: 'kubectl scale deployment --all --replicas=1' }],
  [{ command: 'kubectl delete pod -l app=nginx-1.1 --grace-period=0 --force' }],
  [{ command: 'kubectl set image deployment/nginx-deployment-3 nginx=nginx:1.28' }],
  [{ command: 'kubectl annotate deployment nginx-deployment-3 note=x --overwrite' }],
  [{ command: 'kubectl delete service my-blue-service' }],
  // the mirrored slices of a selector-less Service's hand-written Endpoints
  [{ command: 'kubectl apply -f -', stdin: MY_SERVICE_ENDPOINTS }],
  [
    {
      command:
        'kubectl delete endpointslices -l endpointslice.kubernetes.io/managed-by=endpointslicemirroring-controller.k8s.io',
    },
  ],
  // an orphan ReplicaSet the Deployment adopts, an orphan pod a ReplicaSet adopts
  [{ command: 'kubectl apply -f -', stdin: STRAY_REPLICA_SET }],
  [
    {
      command:
        'kubectl run adoptee --image=nginx:1.27 --labels=app=nginx-1.0,pod-template-hash=74f5dbf788',
    },
  ],
  // a Service's only pod starts terminating, nothing else changes
  [
    { command: 'kubectl run solo --image=nginx:1.27 --labels=app=solo' },
    { command: 'kubectl expose pod solo --port=80' },
    { command: 'kubectl delete pod solo --wait=false' },
  ],
]

const GAPS = [0, 1_000, 5_000, 15_000, 120_000]

const arbEdgeLines = fc
  .array(
    fc.tuple(
      fc.constantFrom(...EDGES, ...EDGES, ...LINES.map((l) => [l])),
      fc.constantFrom(...GAPS),
    ),
    { minLength: 1, maxLength: 10 },
  )
  .map((groups) => groups.flatMap(([lines, gap]) => lines.map((l): [Line, number] => [l, gap])))

describe("controllers' per-key skip", () => {
  it('leaves the same documents and output as syncing every key, over edge-case sequences', () => {
    expectSameOnAndOff(skipQuietControllers, arbEdgeLines, playLines, { numRuns: 60 })
  })

  it('reaches the edges it is about (each edge line succeeds and changes the cluster)', () => {
    for (const group of EDGES) {
      const steps = [...playLines(group.map((l): [Line, number] => [l, 1_000]))]
      const last = steps[steps.length - 1]
      const what = group.map((l) => l.command).join(' && ')
      expect(last?.output, what).not.toMatch(/^error|Error from server|not found/m)
      expect(last?.documentChanged, what).toBe(true)
    }
  })

  it('lets events expire at the second their hour is up while nothing is written', () => {
    // settle skips pruneEvents until the oldest event can expire (event-expiry.ts)
    const steps = (skip: boolean) => {
      skipQuietControllers(skip)
      const s = JSON.parse(seededJSON()) as ClusterState
      run(s, 'kubectl get pods', { now: T0 + 120_000, owned: true })
      const events = () => objectsOfKind<KubeEvent>(s, 'Event')
      const oldest = Math.min(...events().map((e) => parseTimestamp(e.lastTimestamp)))
      const counts: number[] = []
      for (let now = oldest + 3_600_000 - 2_000; counts.length < 40; now += 250) {
        settle(s, now)
        counts.push(events().length)
      }
      return { counts, doc: JSON.stringify(s) }
    }
    const skipped = steps(true)
    expect(skipped).toEqual(steps(false))
    // not vacuous: events expired along the way
    expect(new Set(skipped.counts).size).toBeGreaterThan(1)
  })
})
