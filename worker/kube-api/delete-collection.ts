// DELETE on a collection (deletecollection): every object the label/field selectors match, each
// through the simulated API server's delete, in one write. Answers the list of deleted objects.

import type { Context } from 'hono'
import { RESOURCES, apiVersionOf, type Kind } from '../sim/objects/resources'
import type { KubeObject } from '../sim/objects/types'
import { deleteObject } from '../sim/objects'
import type { KubeEnv } from './auth'
import { writeCluster } from './cluster-io'
import { propagationOf } from './delete-options'
import { historyLine } from './history-line'
import { deletedLine } from '../sim/kubectl/names'
import type { ResourcePath } from './path'
import { selectObjects } from './resource-read'
import { refuseClusterWrites } from './resource-write'
import { fromApiError } from './status'

export async function deleteCollection(
  c: Context<KubeEnv>,
  kind: Kind,
  rp: ResourcePath,
): Promise<Response> {
  refuseClusterWrites(kind, 'deletecollection')
  const q = new URL(c.req.url).searchParams
  const dry = q.getAll('dryRun').includes('All')
  const propagationPolicy = propagationOf({}, q)
  const items = await writeCluster(c, (state, now) => {
    const deleted: KubeObject[] = []
    for (const o of selectObjects(state, kind, rp.namespace, q)) {
      const r = deleteObject(state, kind, o.metadata.namespace, o.metadata.name, {
        now,
        dryRun: dry,
        propagationPolicy,
      })
      if (!r.ok) throw fromApiError(r.error, RESOURCES[kind])
      deleted.push(r.value)
    }
    const what = q.get('labelSelector') ? ` -l ${q.get('labelSelector')}` : ' --all'
    return {
      value: deleted,
      changed: !dry && deleted.length > 0,
      line: historyLine(c, kind, `*${what}`, rp.namespace, 'deleted'),
      summary: deleted.map((o) => deletedLine(kind, o.metadata.name)).join('\n'),
    }
  })
  return c.json({ kind: `${kind}List`, apiVersion: apiVersionOf(kind), metadata: {}, items })
}
