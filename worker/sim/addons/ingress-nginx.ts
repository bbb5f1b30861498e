// Installing ingress-nginx into a cluster, as `kubectl create -f deploy.yaml` of its cloud manifest
// would (objects through the API server, so they get its defaults, a ClusterIP, NodePorts and a
// health-check nodePort), without the last-applied annotation `kubectl apply` would add: a
// platform-made install, and bytes the stored document does not need.

import { createObject } from '../objects/create'
import { parseManifests } from '../objects/manifest-parse'
import type { ClusterState } from '../state'
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
