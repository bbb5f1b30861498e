// DELETE of one object (registry store.Delete through the simulated API server): grace period, dry
// run and propagation from the DeleteOptions body or the query; a Pod that terminates gracefully
// or an owner deleted in the foreground is answered as the object (kubectl then waits for it),
// anything gone at once as a Status Success.

import type { Context } from 'hono'
import { RESOURCES, type Kind } from '../sim/objects/resources'
import type { KubeObject } from '../sim/objects/types'
import { deleteObject } from '../sim/objects'
import { getObject, type ClusterState } from '../sim/state'
import type { KubeEnv } from './auth'
import { readOptionalJson } from './body'
import { propagationOf } from './delete-options'
import { writeCluster } from './cluster-io'
import { historyLine } from './history-line'
import { deletedLine } from '../sim/kubectl/names'
import type { ResourcePath } from './path'
import { dryRun, refuseClusterWrites } from './resource-write'
import { badRequest, fromApiError } from './status'

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

interface DeleteBody {
  gracePeriodSeconds?: unknown
  dryRun?: unknown
  propagationPolicy?: unknown
  orphanDependents?: unknown
}

export async function remove(c: Context<KubeEnv>, kind: Kind, rp: ResourcePath): Promise<Response> {
  refuseClusterWrites(kind, 'delete', rp.name)
  const body = ((await readOptionalJson(c)) ?? {}) as DeleteBody
  if (!isObj(body)) throw badRequest('the delete options are not a JSON object')
  const grace = body.gracePeriodSeconds ?? c.req.query('gracePeriodSeconds')
  const graceSeconds = grace === undefined || grace === null ? undefined : Number(grace)
  if (graceSeconds !== undefined && !Number.isInteger(graceSeconds))
    throw badRequest('gracePeriodSeconds must be an integer')
  const dry = dryRun(c) || (Array.isArray(body.dryRun) && body.dryRun.includes('All'))
  const propagationPolicy = propagationOf(body, new URL(c.req.url).searchParams)
  let gone = true
  const obj = await writeCluster(c, (state, now) => {
    const r = deleteObject(state, kind, rp.namespace, rp.name ?? '', {
      now,
      gracePeriodSeconds: graceSeconds,
      dryRun: dry,
      propagationPolicy,
    })
    if (!r.ok) throw fromApiError(r.error, RESOURCES[kind])
    gone = !objectStillThere(state, kind, r.value)
    const name = r.value.metadata.name
    return {
      value: r.value,
      changed: !dry,
      line: historyLine(c, kind, name, r.value.metadata.namespace, 'deleted'),
      summary: deletedLine(kind, name, graceSeconds),
    }
  })
  if (!gone || dry) return c.json(obj)
  const group = RESOURCES[kind].group
  return c.json({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: {
      name: obj.metadata.name,
      ...(group ? { group } : {}),
      kind: RESOURCES[kind].plural,
      uid: obj.metadata.uid,
    },
  })
}

function objectStillThere(state: ClusterState, kind: Kind, obj: KubeObject): boolean {
  return getObject(state, kind, obj.metadata.namespace, obj.metadata.name) !== undefined
}
