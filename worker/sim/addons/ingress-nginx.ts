// Installing ingress-nginx into a cluster, as `kubectl create -f deploy.yaml` of its cloud manifest
// would (objects through the API server, so they get its defaults, a ClusterIP, NodePorts and a
// health-check nodePort), without the last-applied annotation `kubectl apply` would add: a
// platform-made install, and bytes the stored document does not need.

import { newCluster } from '../bootstrap'
import { NODES } from '../bootstrap-nodes'
import { settle } from '../controllers/settle'
import { startPodNow } from '../controllers/kubelet'
import { controllerPods } from '../controllers/ingress-nginx-class'
import type { Node } from '../objects/types'
import { createObject } from '../objects/create'
import { parseManifests } from '../objects/manifest-parse'
import { getObject, listObjects, removeObject, type ClusterState } from '../state'
import {
  INGRESS_NGINX_CLASS,
  INGRESS_NGINX_DEPLOYMENT,
  INGRESS_NGINX_NAMESPACE,
  INGRESS_NGINX_SERVICES,
} from './ingress-nginx-manifest'

export { isIngressNginxInstalled, isIngressNginxRunning } from '../controllers/ingress-nginx-class'

/** Creates the install's objects at `at`; the caller settles. A refused object is a bug. */
export function installIngressNginx(s: ClusterState, at: number): void {
  const texts = [
    INGRESS_NGINX_NAMESPACE,
    INGRESS_NGINX_SERVICES,
    INGRESS_NGINX_DEPLOYMENT,
    INGRESS_NGINX_CLASS,
  ]
  for (const text of texts) {
    const parsed = parseManifests(text, 'ingress-nginx.yaml')
    if (parsed.error) throw new Error(`ingress-nginx manifest does not parse: ${parsed.error}`)
    for (const obj of parsed.objects) {
      const res = createObject(s, obj, { now: at })
      if (!res.ok) throw new Error(`ingress-nginx manifest refused: ${res.error.message}`)
    }
  }
}

/** How long before `now` a cluster with ingress-nginx was made (its pod is Ready by then). */
export const INSTALL_LEAD_MS = 30_000

/**
 * newCluster with ingress-nginx already running at `now`, as if installed with the cluster: the
 * controller pod Running and Ready (image on its node, no start-up wait), its Service's load
 * balancer assigned; the install's events dropped like the bootstrap's, to keep the document small.
 */
export function newClusterWithIngressNginx(seed: number, now: number): ClusterState {
  // made a little earlier, so the readiness probe's initialDelaySeconds (10) has passed at `now`
  const at = now - INSTALL_LEAD_MS
  const s = newCluster(seed, at)
  const before = new Set(listObjects(s, 'Event').map((e) => e.metadata.name))
  installIngressNginx(s, at)
  settle(s, at)
  for (const pod of controllerPods(s)) {
    const node = getObject<Node>(s, 'Node', undefined, pod.spec.nodeName ?? NODES[1]?.name ?? '')
    if (node) startPodNow(s, pod, node, at)
  }
  settle(s, at)
  settle(s, now)
  for (const ev of listObjects(s, 'Event'))
    if (!before.has(ev.metadata.name))
      removeObject(s, 'Event', ev.metadata.namespace, ev.metadata.name)
  return s
}
