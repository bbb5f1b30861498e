// Explains an empty endpoint list: the question kube-proxy cannot answer ("has no endpoints")
// but a learner needs answered. Reads the selector, the pods, their readiness and named ports
// (endpoints controller rules, KUBERNETES-FACTS C1-C3).

import type { Endpoints, Pod, Service, ServicePort } from '../objects/types'
import { formatLabels, isPodReady, matchesSelector, whyNotReady } from './pod-health'
import type { ServicePortEndpoints } from './endpoints'
import { nsName, type NetView } from './view'
import { editDistance } from './similar'

export interface Explanation {
  cause: string
  diagnosis: string
}

/** Why `svc` port `sp` has no usable endpoint, naming selector, pods, labels and ports. */
export function whyNoEndpoints(
  v: NetView,
  svc: Service,
  sp: ServicePort,
  eps: ServicePortEndpoints,
): Explanation {
  const head = `Service ${svc.metadata.name} has no ready endpoints for port ${sp.port}, so kube-proxy rejects the connection`
  if (eps.all.length === 0 && eps.otherPortNames.length > 0) {
    const theirs = eps.otherPortNames.map((n) => (n === '' ? '(unnamed)' : `"${n}"`)).join(', ')
    const ours = sp.name ? `"${sp.name}"` : '(unnamed)'
    const diagnosis = `${head}: its endpoints list port name ${theirs}, but the Service port is ${ours}. kube-proxy matches endpoint ports to Service ports by name; make the names equal.`
    return { cause: 'endpoint-port-name-mismatch', diagnosis }
  }
  if (eps.all.length > 0) {
    const ips = eps.all.map((e) => e.ip)
    return { cause: 'no-endpoints', diagnosis: `${head}: ${notReadyList(v, ips)}.` }
  }
  const selector = svc.spec.selector
  if (!selector || Object.keys(selector).length === 0) return manualEndpoints(v, svc, head)
  return fromSelector(v, svc, sp, selector, head)
}

/** The endpoint controllers' view: which pods the selector takes, which are Ready, which have the port. */
function fromSelector(
  v: NetView,
  svc: Service,
  sp: ServicePort,
  selector: Record<string, string>,
  head: string,
): Explanation {
  const ns = svc.metadata.namespace ?? 'default'
  const inNs = v.pods.filter((p) => (p.metadata.namespace ?? 'default') === ns && !isFinished(p))
  const selected = inNs.filter((p) => matchesSelector(selector, p.metadata.labels))
  const sel = formatLabels(selector)
  if (selected.length === 0) return selectorMatchesNothing(v, svc, head, sel, inNs)
  const ready = selected.filter((p) => isPodReady(p) && !p.metadata.deletionTimestamp)
  if (ready.length === 0) {
    const why = selected.slice(0, 3).map((p) => `${p.metadata.name}: ${whyNotReady(p)}`)
    const diagnosis = `${head}: the selector ${sel} matches ${count(selected.length, 'pod')} but none is Ready (${why.join('; ')}).`
    return { cause: 'no-endpoints', diagnosis }
  }
  const name = sp.targetPort
  if (typeof name === 'string' && !ready.some((p) => namedPort(p, name))) {
    const declared = ready.slice(0, 3).map((p) => `${p.metadata.name} declares ${declaredPorts(p)}`)
    const diagnosis = `${head}: its targetPort is the name "${name}", and no selected pod has a container port with that name (${declared.join('; ')}). Name the containerPort "${name}" or use a number.`
    return { cause: 'named-port-missing', diagnosis }
  }
  const diagnosis = `${head}: ${count(ready.length, 'Ready pod')} match the selector ${sel} but the endpoint controllers have not listed them.`
  return { cause: 'no-endpoints', diagnosis }
}

function isFinished(p: Pod): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed'
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function notReadyList(v: NetView, ips: string[]): string {
  const parts = [...new Set(ips)].slice(0, 3).map((ip) => {
    const pod = v.podsByIP.get(ip)
    return pod ? `${pod.metadata.name} (${ip}): ${whyNotReady(pod)}` : `${ip}: not ready`
  })
  return `its endpoints are all not ready (${parts.join('; ')})`
}

function selectorMatchesNothing(
  v: NetView,
  svc: Service,
  head: string,
  sel: string,
  inNs: Pod[],
): Explanation {
  const selector = svc.spec.selector ?? {}
  const ns = svc.metadata.namespace ?? 'default'
  const near = nearlyMatching(selector, inNs)
  let tail: string
  if (near.length > 0) tail = ` Pods that nearly match: ${near.join(', ')}.`
  else if (inNs.length === 0) tail = ` There are no pods in namespace ${ns}.`
  else tail = ` No pod in namespace ${ns} has any of these labels.`
  const elsewhere = v.pods.find(
    (p) => p.metadata.namespace !== ns && matchesSelector(selector, p.metadata.labels),
  )
  if (elsewhere) {
    tail += ` Pod ${elsewhere.metadata.name} in namespace ${elsewhere.metadata.namespace} matches, but a Service only selects pods in its own namespace.`
  }
  return {
    cause: 'no-endpoints',
    diagnosis: `${head}: its selector ${sel} matches no pod in namespace ${ns}.${tail}`,
  }
}

/** Pods closest to the selector, one entry per distinct label set: `web-x and 2 more (app=web)`. */
function nearlyMatching(selector: Record<string, string>, pods: Pod[]): string[] {
  const groups = new Map<string, { first: string; n: number; score: number }>()
  for (const p of pods) {
    const score = nearness(selector, p.metadata.labels)
    if (score === 0) continue
    const labels = formatLabels(p.metadata.labels)
    const g = groups.get(labels)
    if (g) g.n += 1
    else groups.set(labels, { first: p.metadata.name, n: 1, score })
  }
  return [...groups.entries()]
    .sort((a, b) => b[1].score - a[1].score)
    .slice(0, 3)
    .map(([labels, g]) => `${g.first}${g.n > 1 ? ` and ${g.n - 1} more` : ''} (${labels})`)
}

/** How close labels come to a selector: per selector pair, 4 when equal, 3 for a typo-close value, 1 for the key alone or the value under another key. */
function nearness(
  selector: Record<string, string>,
  labels: Record<string, string> | undefined,
): number {
  let score = 0
  for (const [k, val] of Object.entries(selector)) {
    const have = labels?.[k]
    if (have === val) score += 4
    else if (have !== undefined && editDistance(have, val) <= 2) score += 3
    else if (have !== undefined) score += 1
    else if (labels && Object.values(labels).includes(val)) score += 1
  }
  return score
}

function manualEndpoints(v: NetView, svc: Service, head: string): Explanation {
  const name = svc.metadata.name
  const ns = svc.metadata.namespace ?? 'default'
  const own = v.endpoints.get(nsName(ns, name))
  if (own) {
    return {
      cause: 'no-endpoints',
      diagnosis: `${head}: it has no selector and its Endpoints object ${name} lists no ready address for this port.`,
    }
  }
  const orphan = [...v.endpoints.values()].find((e) => isOrphan(v, e, ns))
  if (orphan) {
    return {
      cause: 'endpoints-name-mismatch',
      diagnosis: `${head}: it has no selector, and there is no Endpoints object named ${name}. Endpoints ${orphan.metadata.name} has addresses but no Service of that name; an Endpoints object belongs to the Service with the same name, so rename it to ${name}.`,
    }
  }
  return {
    cause: 'no-endpoints',
    diagnosis: `${head}: it has no selector, so Kubernetes does not fill its endpoints, and no Endpoints object named ${name} exists in namespace ${ns}. Create one (or add a selector).`,
  }
}

function isOrphan(v: NetView, e: Endpoints, ns: string): boolean {
  if ((e.metadata.namespace ?? 'default') !== ns) return false
  if (!(e.subsets ?? []).some((s) => (s.addresses ?? []).length > 0)) return false
  return !v.services.some(
    (s) => s.metadata.name === e.metadata.name && s.metadata.namespace === e.metadata.namespace,
  )
}

function namedPort(p: Pod, name: string): boolean {
  return (p.spec?.containers ?? []).some((c) =>
    (c.ports ?? []).some((cp) => cp.name === name && (cp.protocol ?? 'TCP') === 'TCP'),
  )
}

function declaredPorts(p: Pod): string {
  const ports = (p.spec?.containers ?? []).flatMap((c) => c.ports ?? [])
  if (ports.length === 0) return 'no ports'
  return ports
    .map((cp) => (cp.name ? `${cp.name}=${cp.containerPort}` : `${cp.containerPort} (unnamed)`))
    .join(', ')
}
