// Name resolution as a pod's resolver and CoreDNS's `kubernetes` plugin answer it (KUBERNETES-FACTS C8).
// Pods: /etc/hosts first, then the search list of resolv.conf with ndots:5. Nodes and the workstation
// have no cluster DNS. Names outside cluster.local go "upstream": see upstream.ts.

import type { Origin } from './types'
import type { Pod } from '../objects/types'
import type { ClusterState } from '../state'
import { CLUSTER_DOMAIN, isIPv4 } from './ip'
import { buildView, findPod, findService, type NetView } from './view'
import { endpointsFor } from './endpoints'
import { lookupClusterName } from './cluster-dns'
import { lookupUpstream } from './upstream'
import { checkingDocuments } from '../document-changed'

/** What a record points at, so callers can explain and route without resolving again. */
export type DnsTarget =
  | { kind: 'service'; namespace: string; name: string; headless: boolean }
  | { kind: 'pod-record'; namespace: string }
  | { kind: 'hostname'; namespace: string; name: string }
  | { kind: 'upstream' }
  | { kind: 'node'; name: string }
  | { kind: 'hosts-file' }
  | { kind: 'literal' }

export type DnsAnswer =
  | { kind: 'A'; ips: string[]; fqdn: string; cname?: string; target: DnsTarget; tried: string[] }
  | {
      kind: 'NXDOMAIN'
      tried: string[]
      cname?: string
      noServer?: boolean
      viaClusterDns?: boolean
    }

export type FqdnAnswer =
  | { kind: 'A'; ips: string[]; fqdn: string; cname?: string; target: DnsTarget }
  | { kind: 'NXDOMAIN'; cname?: string }

export const NDOTS = 5

/** `search` of the pod's resolv.conf (dnsPolicy ClusterFirst); empty for nodes, the workstation and dnsPolicy Default. */
export function searchDomains(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN]
}

/**
 * Resolves `name` from `origin` like getaddrinfo in a pod (hosts file, then search list + ndots:5,
 * a trailing dot makes it absolute). Leaves out AAAA, SRV and the resolver's retries.
 */
export function resolveName(s: ClusterState, origin: Origin, name: string): DnsAnswer {
  return resolveNameIn(buildView(s), origin, name)
}

/**
 * Answers kept per view (a view lasts until the document's next object write, and an answer reads
 * the view only): the same name asked again from the same place, as every curl of a loop or of a
 * learner's next line does, is not resolved again. In check mode (every Node test) a kept answer
 * is compared with a fresh one.
 */
const ANSWERS = new WeakMap<NetView, Map<string, DnsAnswer>>()

/** resolveName over an already built view (one index per request). */
export function resolveNameIn(v: NetView, origin: Origin, rawName: string): DnsAnswer {
  let kept = ANSWERS.get(v)
  if (!kept) ANSWERS.set(v, (kept = new Map()))
  const key = `${origin.kind}/${origin.kind === 'pod' ? origin.namespace : ''}/${origin.kind === 'workstation' ? '' : origin.name}|${rawName}`
  const hit = kept.get(key)
  if (hit !== undefined) {
    if (
      checkingDocuments() &&
      JSON.stringify(hit) !== JSON.stringify(answerName(v, origin, rawName))
    )
      throw new Error(
        `dns: a kept answer for ${rawName} differs (an object changed without a write)`,
      )
    return copyAnswer(hit)
  }
  if (kept.size > 256) kept.clear()
  const answer = answerName(v, origin, rawName)
  kept.set(key, answer)
  return copyAnswer(answer)
}

/** A kept answer's copy: callers keep its lists in their traces. */
function copyAnswer(a: DnsAnswer): DnsAnswer {
  return a.kind === 'A'
    ? { ...a, ips: [...a.ips], tried: [...a.tried] }
    : { ...a, tried: [...a.tried] }
}

function answerName(v: NetView, origin: Origin, rawName: string): DnsAnswer {
  const name = rawName.toLowerCase()
  if (isIPv4(name))
    return { kind: 'A', ips: [name], fqdn: name, target: { kind: 'literal' }, tried: [] }
  if (name === '' || name === '.' || name.includes('..') || !/^[a-z0-9._-]+$/.test(name)) {
    return { kind: 'NXDOMAIN', tried: [] }
  }
  const local = hostsFile(v, origin, name.replace(/\.$/, ''))
  if (local) return { ...local, tried: [] }
  const pod = origin.kind === 'pod' ? findPod(v, origin.namespace, origin.name) : undefined
  const clusterDns = pod !== undefined && usesClusterDns(pod)
  const search = origin.kind === 'pod' && clusterDns ? searchDomains(origin.namespace) : []
  const tried = candidates(name, search)
  if (clusterDns && !clusterDnsServing(v)) return { kind: 'NXDOMAIN', tried: [], noServer: true }
  let lastCname: string | undefined
  for (const fqdn of tried) {
    const answer = clusterDns ? lookupFqdnIn(v, fqdn) : lookupNoClusterDns(v, origin, fqdn)
    if (answer.kind === 'A') return { ...answer, tried: tried.slice(0, tried.indexOf(fqdn) + 1) }
    if (answer.cname) lastCname = answer.cname
  }
  return { kind: 'NXDOMAIN', tried, cname: lastCname }
}

/** The names the resolver asks for, in order (glibc: absolute first only when dots >= ndots). */
export function candidates(name: string, search: string[]): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)]
  const dots = name.split('.').length - 1
  const searched = search.map((d) => `${name}.${d}`)
  return dots >= NDOTS ? [name, ...searched] : [...searched, name]
}

/** One absolute name as CoreDNS in this cluster answers it (cluster.local zone, else upstream). */
export function lookupFqdn(s: ClusterState, fqdn: string): FqdnAnswer {
  return lookupFqdnIn(buildView(s), fqdn)
}

/** lookupFqdn over an already built view; follows an ExternalName CNAME inside the cluster zone. */
export function lookupFqdnIn(v: NetView, rawFqdn: string): FqdnAnswer {
  const fqdn = rawFqdn.toLowerCase().replace(/\.$/, '')
  if (fqdn === CLUSTER_DOMAIN || fqdn.endsWith(`.${CLUSTER_DOMAIN}`)) {
    const answer = lookupClusterName(v, fqdn)
    if (answer.kind !== 'cname') return answer
    const chased = lookupFqdnIn(v, answer.cname)
    if (chased.kind === 'NXDOMAIN') return { kind: 'NXDOMAIN', cname: answer.cname }
    return { kind: 'A', ips: chased.ips, fqdn, cname: answer.cname, target: answer.target }
  }
  return lookupUpstream(v, fqdn, true)
}

function lookupNoClusterDns(v: NetView, origin: Origin, fqdn: string): FqdnAnswer {
  // nodes (and dnsPolicy Default pods) ask docker's embedded DNS: it knows the node containers
  if (origin.kind === 'workstation') return { kind: 'NXDOMAIN' }
  return lookupUpstream(v, fqdn, true)
}

/**
 * Whether 10.96.0.10 answers: the kube-dns Service has a ready endpoint for UDP 53. Without one
 * kube-proxy REJECTs the queries and every lookup fails at once. Clusters without a kube-dns
 * Service (test fixtures) count as serving.
 */
export function clusterDnsServing(v: NetView): boolean {
  const svc = findService(v, 'kube-system', 'kube-dns')
  const sp = svc?.spec.ports?.find((p) => p.port === 53 && (p.protocol ?? 'TCP') === 'UDP')
  if (!svc || !sp) return true
  return endpointsFor(v, svc, sp).usable.length > 0
}

/** clusterDnsServing for callers holding the state (nslookup, dig). */
export function clusterDnsUp(s: ClusterState): boolean {
  return clusterDnsServing(buildView(s))
}

/** dnsPolicy: ClusterFirst (default) and ClusterFirstWithHostNet use CoreDNS; ClusterFirst on hostNetwork falls back to the node's. */
export function usesClusterDns(pod: Pod): boolean {
  const policy = pod.spec?.dnsPolicy ?? 'ClusterFirst'
  if (policy === 'ClusterFirst' && pod.spec?.hostNetwork === true) return false
  return policy === 'ClusterFirst' || policy === 'ClusterFirstWithHostNet'
}

/** /etc/hosts: localhost everywhere; in a pod its own hostname (kubelet's managed hosts file). */
function hostsFile(v: NetView, origin: Origin, name: string): FqdnAnswer | undefined {
  if (name === 'localhost' || name === 'localhost.localdomain' || name === 'ip6-localhost') {
    return { kind: 'A', ips: ['127.0.0.1'], fqdn: 'localhost', target: { kind: 'hosts-file' } }
  }
  if (origin.kind !== 'pod') return undefined
  const pod = findPod(v, origin.namespace, origin.name)
  const ip = pod?.status?.podIP
  if (!pod || !ip) return undefined
  const host = pod.spec?.hostname ?? pod.metadata.name
  const sub = pod.spec?.subdomain
  const long = sub ? `${host}.${sub}.${origin.namespace}.svc.${CLUSTER_DOMAIN}` : undefined
  if (name === host || name === long)
    return { kind: 'A', ips: [ip], fqdn: name, target: { kind: 'hosts-file' } }
  return undefined
}
