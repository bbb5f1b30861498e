// Files the kubelet and the container runtime write into every pod: /etc/resolv.conf
// (containerd's layout: search, nameserver, options) and the kubelet-managed /etc/hosts
// (pkg/kubelet/kubelet_pods.go managedHostsFileContent). hostNetwork pods are left out.

import type { Pod } from '../objects/types'
import { CLUSTER_DNS_IP, CLUSTER_DOMAIN } from './ip'
import { searchDomains, usesClusterDns } from './dns'

/** /etc/resolv.conf of a pod: cluster DNS for ClusterFirst, the node's (docker DNS via kind) for dnsPolicy Default; empty for None (dnsConfig is not modelled). */
export function resolvConf(pod: Pod): string {
  if (pod.spec?.dnsPolicy === 'None') return ''
  // kind points each node's resolv.conf at the node's own IP, forwarded to docker's embedded DNS
  if (!usesClusterDns(pod))
    return `nameserver ${pod.status?.hostIP ?? '172.18.0.1'}\noptions ndots:0\n`
  const ns = pod.metadata.namespace ?? 'default'
  return `search ${searchDomains(ns).join(' ')}\nnameserver ${CLUSTER_DNS_IP}\noptions ndots:5\n`
}

interface HostAlias {
  ip: string
  hostnames?: string[]
}

/** /etc/hosts of a pod as the kubelet writes it; hostAliases are appended in their own block. */
export function etcHosts(pod: Pod): string {
  let out =
    '# Kubernetes-managed hosts file.\n' +
    '127.0.0.1\tlocalhost\n' +
    '::1\tlocalhost ip6-localhost ip6-loopback\n' +
    'fe00::0\tip6-localnet\n' +
    'fe00::0\tip6-mcastprefix\n' +
    'fe00::1\tip6-allnodes\n' +
    'fe00::2\tip6-allrouters\n'
  const ip = pod.status?.podIP
  const host = pod.spec?.hostname ?? pod.metadata.name
  const sub = pod.spec?.subdomain
  const ns = pod.metadata.namespace ?? 'default'
  if (ip) {
    out += sub ? `${ip}\t${host}.${sub}.${ns}.svc.${CLUSTER_DOMAIN}\t${host}\n` : `${ip}\t${host}\n`
  }
  const aliases = (pod.spec?.hostAliases ?? []) as HostAlias[]
  if (aliases.length > 0) {
    out += '\n# Entries added by HostAliases.\n'
    for (const a of aliases) out += `${a.ip}\t${(a.hostnames ?? []).join('\t')}\n`
  }
  return out
}

/** The hostname a pod's processes see (`hostname`): spec.hostname, else the pod name (truncated to 63). */
export function podHostname(pod: Pod): string {
  return (pod.spec?.hostname ?? pod.metadata.name).slice(0, 63)
}
