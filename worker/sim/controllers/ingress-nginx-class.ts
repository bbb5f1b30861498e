// The ingress-nginx install the cluster models (INGRESS-FACTS I29, cloud manifest): its names, and
// which Ingresses its controller serves (I18, internal/ingress/controller/store/store.go
// GetIngressClass): class `nginx` through an IngressClass whose controller is
// k8s.io/ingress-nginx, or the legacy annotation; no --watch-ingress-without-class.

import type { Ingress, IngressClass, Pod, Service } from '../objects/types'
import { INGRESS_CLASS_ANNOTATION } from '../objects/ingress-types'
import { getObject, objectsOfKind, type ClusterState } from '../state'
import { isPodReady, matchesLabels } from './util'

export const INGRESS_NGINX = {
  namespace: 'ingress-nginx',
  deployment: 'ingress-nginx-controller',
  service: 'ingress-nginx-controller',
  admissionService: 'ingress-nginx-controller-admission',
  ingressClass: 'nginx',
  controllerClass: 'k8s.io/ingress-nginx',
  /** the event source of Sync events (store.go:280) */
  component: 'nginx-ingress-controller',
  version: '1.12.1',
  podLabels: {
    'app.kubernetes.io/component': 'controller',
    'app.kubernetes.io/instance': 'ingress-nginx',
    'app.kubernetes.io/name': 'ingress-nginx',
  } as Record<string, string>,
} as const

export type ServedVerdict =
  | { served: true; className: string }
  | {
      served: false
      /** no-class: neither field nor annotation; unknown-class: no such IngressClass; other-class: another controller's */
      reason: 'no-class' | 'unknown-class' | 'other-class' | 'other-annotation'
      /** the controller's own log text (store.go:436) */
      error: string
      className?: string
    }

/** Whether the nginx controller takes this Ingress (store.go GetIngressClass, I18). */
export function servedByNginx(s: ClusterState, ing: Ingress): ServedVerdict {
  const name = ing.spec?.ingressClassName
  if (name) {
    const cls = getObject<IngressClass>(s, 'IngressClass', undefined, name)
    if (!cls)
      return {
        served: false,
        reason: 'unknown-class',
        className: name,
        error: `no object matching key "${name}" in local store`,
      }
    if (cls.spec?.controller !== INGRESS_NGINX.controllerClass)
      return {
        served: false,
        reason: 'other-class',
        className: name,
        error: `no object matching key "${name}" in local store`,
      }
    return { served: true, className: name }
  }
  const annotation = ing.metadata.annotations?.[INGRESS_CLASS_ANNOTATION]
  if (annotation !== undefined) {
    if (annotation === INGRESS_NGINX.ingressClass) return { served: true, className: annotation }
    return {
      served: false,
      reason: 'other-annotation',
      className: annotation,
      error: 'ingress class annotation is not equal to the expected by Ingress Controller',
    }
  }
  return {
    served: false,
    reason: 'no-class',
    error: 'ingress does not contain a valid IngressClass',
  }
}

/** The controller's pods (by the Deployment's labels), ready ones first. */
export function controllerPods(s: ClusterState): Pod[] {
  const pods = objectsOfKind<Pod>(s, 'Pod', INGRESS_NGINX.namespace).filter((p) =>
    matchesLabels(INGRESS_NGINX.podLabels, p.metadata.labels),
  )
  return pods.sort((a, b) => Number(isPodReady(b)) - Number(isPodReady(a)))
}

/** The controller's LoadBalancer Service (the one --publish-service names). */
export function controllerService(s: ClusterState): Service | undefined {
  return getObject<Service>(s, 'Service', INGRESS_NGINX.namespace, INGRESS_NGINX.service)
}

/**
 * Whether an ingress-nginx controller is installed and running (a Ready controller pod): the
 * admission webhook answers only then (its Service selects the same pods).
 */
export function isIngressNginxRunning(s: ClusterState): boolean {
  return controllerPods(s).some((p) => isPodReady(p) && !p.metadata.deletionTimestamp)
}

/** Whether the cluster has the ingress-nginx install at all (its Deployment). */
export function isIngressNginxInstalled(s: ClusterState): boolean {
  return getObject(s, 'Deployment', INGRESS_NGINX.namespace, INGRESS_NGINX.deployment) !== undefined
}

/**
 * The controller's store order (ingress-nginx internal/ingress/controller/store/store.go
 * sortIngressSlice): oldest creationTimestamp first (seconds, as metav1.Time compares them), and on
 * a tie the reverse of `namespace/name` (upstream's `in > jn`). The first Ingress in this order
 * owns a duplicate host and path, in the nginx configuration and in the webhook's denial alike.
 */
export function byIngressStoreOrder(a: Ingress, b: Ingress): number {
  const ta = a.metadata.creationTimestamp ?? ''
  const tb = b.metadata.creationTimestamp ?? ''
  if (ta !== tb) return ta < tb ? -1 : 1
  const ka = `${a.metadata.namespace}/${a.metadata.name}`
  const kb = `${b.metadata.namespace}/${b.metadata.name}`
  return ka === kb ? 0 : ka > kb ? -1 : 1
}

/** Ingresses in document order. */
export function allIngresses(s: ClusterState): readonly Ingress[] {
  return objectsOfKind<Ingress>(s, 'Ingress')
}
