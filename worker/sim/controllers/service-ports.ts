// Which pods back a Service and on which port (endpointslice util.go findPort / podToEndpoint):
// a numeric targetPort is used as is; a named one is looked up per pod among its container
// ports with the same name and protocol, and pods without it are left out for that port.

import type { Pod, Service, ServicePort } from '../objects/types'
import { matchesLabels } from './util'

/** A selector that selects: set and non-empty (an empty map is dropped by the API as no selector). */
export function hasSelector(svc: Service): boolean {
  return (
    svc.spec.type !== 'ExternalName' &&
    svc.spec.selector !== undefined &&
    svc.spec.selector !== null &&
    Object.keys(svc.spec.selector).length > 0
  )
}

/** findPort: the pod-side port for a service port, or undefined when the pod lacks the named port. */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port
  if (typeof target === 'number') return target
  if (/^\d+$/.test(target)) return Number(target)
  const protocol = sp.protocol ?? 'TCP'
  for (const c of pod.spec.containers) {
    for (const p of c.ports ?? [])
      if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort
  }
  return undefined
}

/** Pods the selector matches that can be endpoints: scheduled with an IP, not terminal. */
export function selectedPods(svc: Service, pods: readonly Pod[]): Pod[] {
  return pods.filter(
    (p) =>
      p.metadata.namespace === svc.metadata.namespace &&
      matchesLabels(svc.spec.selector, p.metadata.labels) &&
      !!p.status?.podIP &&
      p.status.phase !== 'Succeeded' &&
      p.status.phase !== 'Failed',
  )
}

/** Orders dotted IPv4 addresses numerically. */
export function compareIP(a: string, b: string): number {
  const va = quadValue(a)
  const vb = quadValue(b)
  // sort() reads only the sign, which is the first differing part's (each part < 1000)
  if (va >= 0 && vb >= 0) return va - vb
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0)
  return 0
}

/** Four parts of one to three digits as one number (parts base 1000), else -1: no split per call. */
function quadValue(ip: string): number {
  let value = 0
  let part = 0
  let digits = 0
  let parts = 0
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i)
    if (c >= 48 && c <= 57 && digits < 3) {
      part = part * 10 + (c - 48)
      digits++
    } else if (c === 46 && digits > 0 && parts < 3) {
      value = value * 1000 + part
      parts++
      part = 0
      digits = 0
    } else return -1
  }
  return digits > 0 && parts === 3 ? value * 1000 + part : -1
}
