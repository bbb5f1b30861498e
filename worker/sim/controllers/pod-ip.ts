// Pod IPs as kind's CNI (kindnetd + host-local IPAM) hands them out: the node's /24, next
// address after the last one given (not the lowest free one), skipping addresses in use and
// ones released recently, so a recreated pod gets a new IP.

import { objectsOf } from './util'
import type { Node, Pod } from '../objects/types'
import { type ClusterState } from '../state'

/** How many released pod IPs are remembered (and not reused). */
export const RELEASED_IPS_MAX = 32

function prefixOf(node: Node): string | undefined {
  const cidr = node.spec.podCIDR
  if (!cidr) return undefined
  const base = cidr.split('/')[0] ?? ''
  return base.split('.').slice(0, 3).join('.')
}

/** The next pod IP on the node, or undefined when its /24 is exhausted. */
export function allocatePodIP(s: ClusterState, node: Node): string | undefined {
  const prefix = prefixOf(node)
  if (!prefix) return undefined
  const used = new Set<number>()
  let last = 1
  const consider = (ip: string | undefined, inUse: boolean) => {
    if (!ip?.startsWith(`${prefix}.`)) return
    const n = Number(ip.slice(prefix.length + 1))
    if (inUse) used.add(n)
    last = Math.max(last, n)
  }
  for (const p of objectsOf<Pod>(s, 'Pod'))
    if (p.spec.nodeName === node.metadata.name) consider(p.status?.podIP, true)
  for (const ip of s.runtime.releasedPodIPs) {
    consider(ip, false)
    if (ip.startsWith(`${prefix}.`)) used.add(Number(ip.slice(prefix.length + 1)))
  }
  for (let i = 1; i <= 253; i++) {
    const n = ((last - 2 + i) % 253) + 2
    if (!used.has(n)) return `${prefix}.${n}`
  }
  return undefined
}

/** Remembers a released IP so it is not handed out again soon (bounded list, newest last). */
export function releasePodIP(s: ClusterState, ip: string | undefined): void {
  if (!ip) return
  const list = s.runtime.releasedPodIPs.filter((x) => x !== ip)
  list.push(ip)
  if (list.length > RELEASED_IPS_MAX) list.splice(0, list.length - RELEASED_IPS_MAX)
  s.runtime.releasedPodIPs = list
}
