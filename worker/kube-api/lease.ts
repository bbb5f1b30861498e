// A node's Lease (`GET /apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/<node>`),
// what `kubectl describe node` reads for its Lease section (describe.go describeNode). The
// simulation has no Lease objects: each node's is made from the node, held and renewed every 10 s
// by its kubelet, as the lab terminal's describe shows it. Nothing else about leases is served.

import type { Context } from 'hono'
import type { KubeEnv } from './auth'
import type { Node } from '../sim/objects/types'
import { getObject } from '../sim/state'
import { nodeLeaseRenewTime } from '../sim/kubectl/describe/cluster'
import { readCluster } from './cluster-io'
import type { ResourcePath } from './path'
import { KubeError, methodNotAllowed, noRoute } from './status'

const NODE_LEASE_NAMESPACE = 'kube-node-lease'

/** A metav1.MicroTime: RFC 3339 with microseconds. */
function microTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '.000000Z')
}

export function isNodeLease(rp: ResourcePath): boolean {
  return rp.group === 'coordination.k8s.io' && rp.version === 'v1' && rp.resource === 'leases'
}

export async function serveNodeLease(c: Context<KubeEnv>, rp: ResourcePath): Promise<Response> {
  if (rp.namespace !== NODE_LEASE_NAMESPACE || !rp.name || rp.subresource) throw noRoute()
  if (c.req.method !== 'GET') throw methodNotAllowed()
  const { state, now } = await readCluster(c, { keep: true })
  const node = getObject<Node>(state, 'Node', undefined, rp.name)
  if (!node)
    throw new KubeError('NotFound', `leases.coordination.k8s.io "${rp.name}" not found`, {
      name: rp.name,
      group: 'coordination.k8s.io',
      kind: 'leases',
    })
  const m = node.metadata
  return c.json({
    kind: 'Lease',
    apiVersion: 'coordination.k8s.io/v1',
    metadata: {
      name: m.name,
      namespace: NODE_LEASE_NAMESPACE,
      uid: [...(m.uid ?? '')].reverse().join(''),
      resourceVersion: String(state.rv),
      creationTimestamp: m.creationTimestamp,
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: m.name, uid: m.uid }],
    },
    spec: {
      holderIdentity: m.name,
      leaseDurationSeconds: 40,
      renewTime: microTime(nodeLeaseRenewTime(now)),
    },
  })
}
