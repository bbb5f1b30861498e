// The pod and container a `pods/<name>/log`, `exec` or `attach` request reaches, with the
// apiserver's refusals (pkg/registry/core/pod/strategy.go getContainer / ResourceLocation).

import type { Pod } from '../sim/objects/types'
import { getObject, type ClusterState } from '../sim/state'
import { KubeError, badRequest } from './status'

/** The pod, and the container asked for or the pod's only one; several need a name. */
export function podContainer(
  s: ClusterState,
  namespace: string | undefined,
  name: string,
  wanted: string | undefined,
): { pod: Pod; container: string } {
  const pod = getObject<Pod>(s, 'Pod', namespace, name)
  if (!pod) throw new KubeError('NotFound', `pods "${name}" not found`, { name, kind: 'pods' })
  const names = pod.spec.containers.map((c) => c.name)
  if (wanted) {
    if (!names.includes(wanted))
      throw badRequest(`container ${wanted} is not valid for pod ${name}`)
    return { pod, container: wanted }
  }
  if (names.length === 1) return { pod, container: names[0] as string }
  throw badRequest(
    `a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]`,
  )
}
