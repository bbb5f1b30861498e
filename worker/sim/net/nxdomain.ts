// Why a name did not resolve, in words: the workstation has no cluster DNS, a short name only
// searches the pod's own namespace, pod names are not DNS names, typos, ExternalName targets,
// headless Services without ready pods.

import type { Service } from '../objects/types'
import { CLUSTER_DNS_IP } from './ip'
import { usesClusterDns, type DnsAnswer } from './dns'
import { endpointsFor } from './endpoints'
import { whyNoEndpoints } from './why-no-endpoints'
import type { Walk } from './walk'
import { findPod } from './view'
import { editDistance } from './similar'
import { ingressHostHint } from './ingress-dns'

export interface Explanation {
  cause: string
  diagnosis: string
}

/** Explains an NXDOMAIN for `host` asked from the walk's origin. */
export function explainNxdomain(
  w: Walk,
  host: string,
  answer: DnsAnswer & { kind: 'NXDOMAIN' },
): Explanation {
  const name = host.toLowerCase().replace(/\.$/, '')
  if (name === '<pending>' || name === 'pending') return pendingName(w)
  const labels = name.split('.')
  const first = labels[0] ?? ''
  const pod = w.origin.kind === 'pod' ? findPod(w.v, w.origin.namespace, w.origin.name) : undefined
  const clusterDns = pod !== undefined && usesClusterDns(pod)
  if (!clusterDns) return noClusterDns(w, name, first)
  if (answer.noServer) {
    return {
      cause: 'dns-down',
      diagnosis: `The cluster DNS server (Service kube-dns in namespace kube-system, ${CLUSTER_DNS_IP}) has no ready endpoints: the CoreDNS pods are not running, so kube-proxy rejects every query and no name resolves inside pods. Check kubectl get pods -n kube-system -l k8s-app=kube-dns.`,
    }
  }
  const ns = w.origin.kind === 'pod' ? w.origin.namespace : 'default'
  const askedNs = labels.length >= 2 && labels[1] !== 'svc' ? (labels[1] ?? ns) : ns
  if (answer.cname) {
    return {
      cause: 'nxdomain',
      diagnosis: `${first} is an ExternalName Service: DNS answered with the CNAME ${answer.cname}, and that name does not resolve (this lab has no internet DNS for it).`,
    }
  }
  const here = w.v.services.find(
    (s) => s.metadata.name === first && s.metadata.namespace === askedNs,
  )
  if (here && here.spec.clusterIP === 'None') return headlessEmpty(w, here)
  const elsewhere = w.v.services.filter(
    (s) => s.metadata.name === first && s.metadata.namespace !== askedNs,
  )
  if (!here && elsewhere.length > 0 && labels.length <= 2)
    return crossNamespace(first, askedNs, elsewhere, labels.length)
  if (findPod(w.v, askedNs, first)) {
    return {
      cause: 'nxdomain',
      diagnosis: `${first} is the name of a pod, and pod names are not DNS names. Use a Service name, the pod's IP, or its DNS form <ip-with-dashes>.${askedNs}.pod.cluster.local.`,
    }
  }
  const near = w.v.services.filter(
    (s) => s.metadata.namespace === askedNs && editDistance(s.metadata.name, first) <= 2,
  )
  const hint =
    near.length > 0 ? ` Did you mean ${near.map((s) => s.metadata.name).join(' or ')}?` : ''
  return {
    cause: 'nxdomain',
    diagnosis: `No Service or host named ${name} exists (the resolver asked ${answer.tried.join(', ') || name}).${hint}`,
  }
}

function noClusterDns(w: Walk, name: string, first: string): Explanation {
  const svc = w.v.services.find((s) => s.metadata.name === first)
  const where =
    w.origin.kind === 'workstation'
      ? 'Your workstation is outside the cluster and'
      : 'This resolver'
  const node = w.v.nodes.find((n) => n.name === name)
  if (node) {
    return {
      cause: 'nxdomain',
      diagnosis: `${name} is a node name, and node names do not resolve on your workstation. Use the node's InternalIP ${node.ip} (kubectl get nodes -o wide).`,
    }
  }
  const ingress = ingressHostHint(w, name)
  if (ingress) return ingress
  if (!svc && !name.endsWith('.cluster.local') && !name.includes('.svc')) {
    return {
      cause: 'nxdomain',
      diagnosis: `${name} does not resolve here: ${where.toLowerCase()} knows no such host.`,
    }
  }
  const np = svc?.spec.ports?.find((p) => p.nodePort)?.nodePort
  const worker = w.v.nodes.find((n) => !n.name.endsWith('control-plane')) ?? w.v.nodes[0]
  const pf = svc
    ? `kubectl port-forward svc/${svc.metadata.name} ${svc.spec.ports?.[0]?.port ?? 8080}:${svc.spec.ports?.[0]?.port ?? 80}`
    : 'kubectl port-forward'
  const hint =
    np && worker
      ? `use its NodePort on a node IP, e.g. ${worker.ip}:${np}, or ${pf}`
      : `use ${pf}, or kubectl exec into a pod and ask from there`
  return {
    cause: 'no-cluster-dns',
    diagnosis: `${where} does not use the cluster DNS (${CLUSTER_DNS_IP}), so Service names only resolve inside pods. To reach ${svc ? `Service ${svc.metadata.name}` : name} from here, ${hint}.`,
  }
}

function crossNamespace(
  name: string,
  ns: string,
  elsewhere: Service[],
  nLabels: number,
): Explanation {
  const other = elsewhere[0] as Service
  const ons = other.metadata.namespace ?? 'default'
  const why =
    nLabels === 1
      ? `a short name only searches the pod's own namespace (${ns})`
      : `the name asks for namespace ${ns}`
  return {
    cause: 'dns-cross-namespace',
    diagnosis: `Service ${name} is in namespace ${ons}, and ${why}. Use ${name}.${ons} (or ${name}.${ons}.svc.cluster.local).`,
  }
}

function headlessEmpty(w: Walk, svc: Service): Explanation {
  const sp = svc.spec.ports?.[0] ?? { port: 0 }
  const why = whyNoEndpoints(w.v, svc, sp, endpointsFor(w.v, svc, sp))
  return {
    cause: why.cause,
    diagnosis: `${svc.metadata.name} is a headless Service (clusterIP: None): DNS answers with the IPs of its ready pods, and it has none. ${why.diagnosis}`,
  }
}

function pendingName(w: Walk): Explanation {
  const svc = w.v.services.find(
    (s) => s.spec.type === 'LoadBalancer' && !(s.status?.loadBalancer?.ingress ?? []).length,
  )
  return {
    cause: 'lb-pending',
    diagnosis: `<pending> is not an address: ${svc ? `Service ${svc.metadata.name}'s` : 'the'} EXTERNAL-IP is still pending because no load-balancer controller has assigned one. Use a node IP and the nodePort meanwhile.`,
  }
}
