// The `scale` subresource of Deployments and ReplicaSets (autoscaling/v1 Scale), what
// `kubectl scale` reads and merge-patches: the replicas change goes through the same update as
// the lab terminal's `kubectl scale`.

import type { Context } from 'hono'
import type { Kind } from '../sim/objects/resources'
import type { KubeObject, LabelSelector } from '../sim/objects/types'
import { selectorString } from '../sim/kubectl/printers/labels'
import type { KubeEnv } from './auth'
import { readCluster } from './cluster-io'
import { readObjectBody } from './body'
import type { ResourcePath } from './path'
import { objectAt } from './resource-read'
import { applyPatch, readAppliedPatch, storeUpdate } from './resource-write'
import { KubeError, badRequest, methodNotAllowed } from './status'

interface Scalable {
  spec?: { replicas?: number; selector?: LabelSelector }
  status?: { replicas?: number }
}

export function scaleOf(obj: KubeObject) {
  const o = obj as KubeObject & Scalable
  const m = obj.metadata
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: m.name,
      namespace: m.namespace,
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp,
    },
    spec: { replicas: o.spec?.replicas ?? 1 },
    status: { replicas: o.status?.replicas ?? 0, selector: selectorString(o.spec?.selector) },
  }
}

function replicasOf(scale: unknown): number {
  const r = (scale as { spec?: { replicas?: unknown } } | null)?.spec?.replicas
  if (r === undefined) return 0
  if (typeof r !== 'number' || !Number.isInteger(r))
    throw badRequest('spec.replicas must be an integer')
  if (r < 0)
    throw new KubeError(
      'Invalid',
      `Scale.autoscaling "" is invalid: spec.replicas: Invalid value: ${r}: must be greater than or equal to 0`,
    )
  return r
}

export async function scale(c: Context<KubeEnv>, kind: Kind, rp: ResourcePath): Promise<Response> {
  if (c.req.method === 'GET') {
    const { state } = await readCluster(c)
    return c.json(scaleOf(objectAt(state, kind, rp)))
  }
  let change: (current: ReturnType<typeof scaleOf>) => unknown
  if (c.req.method === 'PUT') {
    const body = await readObjectBody(c)
    change = () => body
  } else if (c.req.method === 'PATCH') {
    // the apiserver applies all four patch types to a scale; server-side apply is refused with
    // the same 415 as on the object itself (not simulated)
    const { type, patch } = await readAppliedPatch(c)
    change = (cur) => applyPatch(cur as unknown as KubeObject, type, patch)
  } else throw methodNotAllowed()
  let replicas = 0
  const r = await storeUpdate(
    c,
    kind,
    rp,
    (cur) => {
      replicas = replicasOf(change(scaleOf(cur)))
      const o = structuredClone(cur) as KubeObject & Scalable
      o.spec = { ...o.spec, replicas }
      return o
    },
    {
      op: 'scaled',
      // the command itself, as the learner would have typed it
      line: (o) =>
        `kubectl scale ${kind.toLowerCase()} ${o.metadata.name} --replicas=${replicas}${o.metadata.namespace === 'default' ? '' : ` -n ${o.metadata.namespace}`} (API)`,
    },
  )
  return c.json(scaleOf(r.obj))
}
