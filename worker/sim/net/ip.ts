// IPv4 arithmetic and the address plan of the kind-like cluster (DESIGN.md "The virtual cluster").

/** The pod network: one /24 per node inside it (kindnet). */
export const POD_CIDR = '10.244.0.0/16'
/** The Service network (kube-apiserver --service-cluster-ip-range). */
export const SERVICE_CIDR = '10.96.0.0/12'
/** Where the load-balancer controller hands out ingress IPs. */
export const LB_POOL = '172.18.255.200/27'
/** The cluster DNS Service (kube-dns) ClusterIP. */
export const CLUSTER_DNS_IP = '10.96.0.10'
/** The learner's workstation on the kind docker network (the bridge gateway). */
export const WORKSTATION_IP = '172.18.0.1'
export const CLUSTER_DOMAIN = 'cluster.local'

/** The 32-bit value of a dotted quad, or undefined when it is not one. */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.')
  if (parts.length !== 4) return undefined
  let n = 0
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined
    const v = Number(p)
    if (v > 255) return undefined
    n = n * 256 + v
  }
  return n
}

/** A dotted quad (no IPv6: the cluster is single-stack IPv4). */
export function isIPv4(text: string): boolean {
  return parseIPv4(text) !== undefined
}

/** True when `ip` lies in `cidr` (both IPv4). */
export function inCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/')
  const a = parseIPv4(ip)
  const b = parseIPv4(base ?? '')
  const bits = Number(bitsText)
  if (a === undefined || b === undefined || !(bits >= 0 && bits <= 32)) return false
  const size = 2 ** (32 - bits)
  return Math.floor(a / size) === Math.floor(b / size)
}

/** The first host address of a CIDR: kindnet's gateway on each node (`10.244.1.1`). */
export function gatewayOf(cidr: string): string | undefined {
  const slash = cidr.indexOf('/')
  const base = slash < 0 ? cidr : cidr.slice(0, slash)
  const dot = base.lastIndexOf('.')
  const last = Number(base.slice(dot + 1))
  if (dot < 0 || !(last >= 0 && last < 255)) return undefined
  return `${base.slice(0, dot)}.${last + 1}`
}

/** The dotted quad of a 32-bit value. */
export function formatIPv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.')
}

/** 127.0.0.0/8: the host itself (the pod's own network namespace inside a pod). */
export function isLoopback(ip: string): boolean {
  return ip.startsWith('127.') && isIPv4(ip)
}
