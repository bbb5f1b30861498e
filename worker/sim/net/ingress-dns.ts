// A host name of an Ingress rule asked where no DNS knows it (the workstation): the name only
// exists in the rule, so the request must go to the controller's address with that Host header.

import type { Ingress, Service } from '../objects/types'
import { objectsOfKind } from '../state'
import { INGRESS_NGINX } from '../controllers/ingress-nginx-class'
import { findService } from './view'
import type { Walk } from './walk'

/** The explanation when `name` is a host of some Ingress rule, else undefined. */
export function ingressHostHint(
  w: Walk,
  name: string,
): { cause: string; diagnosis: string } | undefined {
  const ing = objectsOfKind<Ingress>(w.s, 'Ingress').find((i) =>
    (i.spec?.rules ?? []).some((r) => r.host === name),
  )
  if (!ing) return undefined
  const svc: Service | undefined = findService(w.v, INGRESS_NGINX.namespace, INGRESS_NGINX.service)
  const ip =
    svc?.status?.loadBalancer?.ingress?.[0]?.ip ?? '<EXTERNAL-IP of ingress-nginx-controller>'
  return {
    cause: 'ingress-host-no-dns',
    diagnosis: `${name} is a host of Ingress ${ing.metadata.name}, but no DNS server knows it: an Ingress host is only a rule the controller matches against the Host header. Send the request to the controller's load balancer and name the host in the header: curl -H 'Host: ${name}' http://${ip}/.`,
  }
}
