// A tiny cluster for check-language tests: a Deployment `web` (2 nginx pods, app=web) behind
// Service `web`, a pod `client` (curl), and the learner's commands played 15 s apart.
import { route } from '../../../worker/sim/net/route'
import { run } from '../../../worker/sim/run'
import type { ClusterState } from '../../../worker/sim/state'
import type { Check } from '../../../worker/labs/format/check-schema'
import { buildStart } from '../../../worker/labs/format/compile'
import { evaluate, forgetOtherCluster } from '../../../worker/labs/format/evaluate'
import { labSchema } from '../../../worker/labs/format/lab-schema'
import type { CheckContext } from '../../../worker/labs/types'

export const START = Date.UTC(2026, 10, 26, 9, 0, 0)

export const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.25
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 8080
    targetPort: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: client
  labels:
    role: client
spec:
  containers:
  - name: client
    image: curlimages/curl
    command: ["sleep", "infinity"]
`

export const doc = labSchema.parse({
  format: 1,
  title: 'Test',
  summary: 'A test lab.',
  estimatedMinutes: 5,
  instructions: '# Test',
  start: { manifests: [WEB] },
  tasks: [],
})

export function startState(): ClusterState {
  const built = buildStart(doc, 7, START, undefined)
  if ('problem' in built) throw new Error(built.problem.message)
  return built.state
}

/** Plays commands and answers a judge for the checks after each one (memory kept across lines). */
export class Session {
  state = startState()
  now = START
  memory: Record<string, unknown> = {}
  ctx!: CheckContext

  play(command: string, stdin?: string): this {
    this.now += 15_000
    const r = run(this.state, command, { now: this.now, stdin })
    this.state = r.state
    const state = r.state
    const now = this.now
    this.ctx = {
      state,
      now,
      last: { command, stdin, ...r },
      memory: this.memory,
      probe: (origin, req) =>
        route(
          state,
          origin,
          { method: 'GET', path: '/', headers: {}, ...req },
          { now, probe: true },
        ),
    }
    forgetOtherCluster(this.ctx)
    return this
  }

  holds(check: Check): boolean {
    return evaluate(check, this.ctx)
  }
}
