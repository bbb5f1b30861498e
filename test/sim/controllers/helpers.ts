// Test helpers: a fresh cluster, objects created through the API server, time moved forward.
import { newCluster } from '../../../worker/sim/bootstrap'
import { settle } from '../../../worker/sim/controllers/settle'
import { createObject } from '../../../worker/sim/objects/create'
import { deleteObject } from '../../../worker/sim/objects/delete'
import type { KubeEvent, KubeObject, Pod } from '../../../worker/sim/objects/types'
import { listObjects, type ClusterState } from '../../../worker/sim/state'
import { parse } from 'yaml'

export const T0 = Date.parse('2026-11-26T06:00:00Z')

export class Lab {
  s: ClusterState
  now: number
  constructor(seed = 7) {
    this.now = T0
    this.s = newCluster(seed, this.now)
  }
  /** Creates objects from YAML (multi-doc) and settles. */
  create(yaml: string): KubeObject[] {
    const out: KubeObject[] = []
    for (const doc of yaml.split(/^---$/m)) {
      if (!doc.trim()) continue
      const obj = parse(doc) as Record<string, unknown>
      const meta = (obj.metadata ?? {}) as Record<string, unknown>
      if (meta.namespace === undefined && obj.kind !== 'Namespace') meta.namespace = 'default'
      obj.metadata = meta
      const res = createObject(this.s, obj, { now: this.now })
      if (!res.ok) throw new Error(res.error.message)
      out.push(res.value)
    }
    settle(this.s, this.now)
    return out
  }
  delete(kind: 'Pod' | 'Deployment' | 'Service' | 'Endpoints', name: string, ns = 'default'): void {
    const res = deleteObject(this.s, kind, ns, name, { now: this.now })
    if (!res.ok) throw new Error(res.error.message)
    settle(this.s, this.now)
  }
  /** Moves the clock forward by `seconds` and settles. */
  wait(seconds: number): this {
    this.s = JSON.parse(JSON.stringify(this.s)) as ClusterState
    this.now += seconds * 1000
    settle(this.s, this.now)
    return this
  }
  pods(ns = 'default'): Pod[] {
    return listObjects<Pod>(this.s, 'Pod', ns)
  }
  pod(prefix: string, ns = 'default'): Pod {
    const p = this.pods(ns).find((x) => x.metadata.name.startsWith(prefix))
    if (!p) throw new Error(`no pod ${prefix}`)
    return p
  }
  get<T extends KubeObject>(
    kind: Parameters<typeof listObjects>[1],
    name: string,
    ns = 'default',
  ): T | undefined {
    return listObjects<T>(this.s, kind, ns).find((o) => o.metadata.name === name)
  }
  /** `kubectl get pods` STATUS column, as printers.go computes it (simplified: one container). */
  status(p: Pod): string {
    if (p.metadata.deletionTimestamp) return 'Terminating'
    const cs = p.status.containerStatuses?.[0]
    return cs?.state.waiting?.reason ?? cs?.state.terminated?.reason ?? p.status.phase
  }
  events(name?: string): KubeEvent[] {
    return listObjects<KubeEvent>(this.s, 'Event').filter(
      (e) => name === undefined || e.involvedObject.name === name,
    )
  }
  messages(name?: string): string[] {
    return this.events(name)
      .sort((a, b) =>
        a.firstTimestamp < b.firstTimestamp
          ? -1
          : a.firstTimestamp > b.firstTimestamp
            ? 1
            : Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion),
      )
      .map((e) => `${e.type} ${e.reason} ${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`)
  }
}

export function deployment(name: string, image: string, replicas = 1, extra = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: main
        image: ${image}
${extra}`
}
