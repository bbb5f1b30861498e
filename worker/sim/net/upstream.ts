// Names outside cluster.local. CoreDNS forwards them to the node's resolver (docker's embedded DNS
// in kind), which knows the node containers and the public internet. The lab cluster has no
// internet access, so public names get a stable fake address from TEST-NET-3 (203.0.113.0/24)
// that nothing answers on; reserved or unknown top-level domains (`.invalid`, `.local`, typos) are
// NXDOMAIN.

import type { FqdnAnswer } from './dns'
import type { NetView } from './view'
import { formatIPv4, parseIPv4 } from './ip'

/** Top-level domains treated as existing. A name under any other TLD does not resolve. */
const PUBLIC_TLDS = new Set(
  (
    'com net org io dev app edu gov mil int info biz co me ai cloud sh xyz tech online site ' +
    'us uk de fr nl be ch at it es pt se no dk fi pl cz eu ru ua in cn jp kr au nz ca br mx za ' +
    'tv ly gg to so fm'
  ).split(' '),
)

export const FAKE_PUBLIC_NET = '203.0.113.0/24'

/** Answers a name the cluster forwards upstream; `withNodes` when the asker sees docker's DNS. */
export function lookupUpstream(v: NetView, fqdn: string, withNodes: boolean): FqdnAnswer {
  if (withNodes) {
    const node = v.nodes.find((n) => n.name === fqdn)
    if (node) return { kind: 'A', ips: [node.ip], fqdn, target: { kind: 'node', name: node.name } }
  }
  const labels = fqdn.split('.')
  const tld = labels[labels.length - 1] ?? ''
  if (labels.length < 2 || !PUBLIC_TLDS.has(tld) || labels.some((l) => l === ''))
    return { kind: 'NXDOMAIN' }
  return { kind: 'A', ips: [fakePublicIP(fqdn)], fqdn, target: { kind: 'upstream' } }
}

/** A stable address in 203.0.113.0/24 for a public name (FNV-1a of the name). */
export function fakePublicIP(fqdn: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < fqdn.length; i++) {
    h ^= fqdn.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  const base = parseIPv4('203.0.113.0') ?? 0
  return formatIPv4(base + 1 + (h % 254))
}
