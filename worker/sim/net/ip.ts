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
  const base = parseIPv4(cidr.split('/')[0] ?? '')
  return base === undefined ? undefined : formatIPv4(base + 1)
}

export function formatIPv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.')
}

export function isLoopback(ip: string): boolean {
  return inCidr(ip, '127.0.0.0/8')
}
