// Instructor insights: which well-known misunderstanding a command's outcome reveals. Reads the
// network's cause ids (worker/sim/net, RouteResult.cause), its diagnoses where one cause id covers
// several situations, and the exact error texts of the API server, kubectl and the container runtime.

import type { TraceEntry } from '../sim/net/types'
import type { CheckedCommand } from './types'

export type MisconceptionId =
  | 'clusterip-from-outside'
  | 'port-vs-targetport'
  | 'selector-matches-nothing'
  | 'endpoints-stale-or-wrong-port'
  | 'endpoints-name-mismatch'
  | 'nodeport-out-of-range'
  | 'nodeport-on-clusterip'
  | 'dns-cross-namespace'
  | 'curl-missing'
  | 'pod-not-ready'
  | 'ingress-no-class'
  | 'ingress-host-header'

/** Learner-facing titles, in the order an instructor dashboard lists them. */
export const MISCONCEPTIONS: { id: MisconceptionId; title: string }[] = [
  {
    id: 'clusterip-from-outside',
    title: 'Reaching a ClusterIP, pod IP or Service name from outside the cluster',
  },
  { id: 'port-vs-targetport', title: "Mixing up a Service's port and its targetPort" },
  { id: 'selector-matches-nothing', title: 'A Service selector that matches no pod' },
  {
    id: 'endpoints-stale-or-wrong-port',
    title: 'Hand-written Endpoints with old pod IPs or the wrong port',
  },
  { id: 'endpoints-name-mismatch', title: 'Endpoints named differently from their Service' },
  { id: 'nodeport-out-of-range', title: 'A nodePort outside 30000-32767' },
  {
    id: 'nodeport-on-clusterip',
    title: 'Using the nodePort on the ClusterIP (or a node port a Service does not open)',
  },
  { id: 'dns-cross-namespace', title: 'A short Service name used from another namespace' },
  { id: 'curl-missing', title: 'Running curl or wget in an image that does not have it' },
  { id: 'pod-not-ready', title: 'Expecting traffic to reach pods that are not Ready' },
  { id: 'ingress-no-class', title: 'An Ingress without an ingressClassName no controller serves' },
  {
    id: 'ingress-host-header',
    title: "Reaching an Ingress without its host: no Host header, or the host's name from outside",
  },
]

/** Cause ids of the network that map one-to-one (worker/sim/net: reach, kube-proxy, nxdomain, ...). */
const BY_CAUSE: Record<string, MisconceptionId> = {
  'clusterip-from-outside': 'clusterip-from-outside',
  'podip-from-outside': 'clusterip-from-outside',
  'port-not-on-service': 'port-vs-targetport',
  'wrong-target-port': 'port-vs-targetport',
  'headless-port': 'port-vs-targetport',
  'named-port-missing': 'port-vs-targetport',
  'selector-mismatch': 'selector-matches-nothing',
  'selector-matches-nothing': 'selector-matches-nothing',
  'manual-endpoints-stale': 'endpoints-stale-or-wrong-port',
  'endpoint-port-name-mismatch': 'endpoints-stale-or-wrong-port',
  'endpoints-name-mismatch': 'endpoints-name-mismatch',
  'nodeport-on-clusterip': 'nodeport-on-clusterip',
  'dns-cross-namespace': 'dns-cross-namespace',
  'pod-not-ready': 'pod-not-ready',
  'pods-not-ready': 'pod-not-ready',
  'ingress-no-class': 'ingress-no-class',
  'ingress-unknown-class': 'ingress-no-class',
  'ingress-no-host-header': 'ingress-host-header',
  'ingress-host-no-dns': 'ingress-host-header',
  'ingress-backend-port': 'port-vs-targetport',
  'ingress-upstream-refused': 'port-vs-targetport',
}

/**
 * A refused connection on another port than the Service's numeric targetPort: the endpoint port did
 * not come from the targetPort, so someone wrote the Endpoints by hand (with the wrong port).
 */
function endpointPortDiffers(why: string): boolean {
  const m = /targetPort (\d+)\b.*?listens on (\d+)\b/.exec(why)
  return m !== null && m[1] !== m[2]
}

function fromTrace(t: TraceEntry): MisconceptionId | undefined {
  const cause = t.cause ?? ''
  const why = t.diagnosis ?? ''
  if (cause === 'no-cluster-dns' && t.from.kind === 'workstation') return 'clusterip-from-outside'
  if (cause === 'no-endpoints' || cause === 'no-listener') {
    if (/matches no pod/.test(why)) return 'selector-matches-nothing'
    if (/not ready|none is Ready|not running|no running container/i.test(why)) {
      return 'pod-not-ready'
    }
    if (/no selector/.test(why)) return 'endpoints-stale-or-wrong-port'
  }
  if (cause === 'wrong-target-port' && (/has no selector/.test(why) || endpointPortDiffers(why))) {
    return 'endpoints-stale-or-wrong-port'
  }
  if (cause === 'stale-pod-ip' && /Service \S+ (has no selector|sent)/.test(why)) {
    return 'endpoints-stale-or-wrong-port'
  }
  return BY_CAUSE[cause]
}

const CURL_MISSING = [
  /exec: "(curl|wget)": executable file not found in \$PATH/,
  /(^|\n)(sh|bash|\/bin\/sh)(: \d+)?: (curl|wget): (command )?not found/,
]

const POD_NOT_READY = [
  /unable to upgrade connection: container not found/,
  /cannot exec into a container in a completed pod/,
  /container not found \(/,
  /pod \S+ does not have a host assigned/,
]

/** The misconceptions a command's outcome shows, without duplicates, in MISCONCEPTIONS order. */
export function classifyCommand(last: CheckedCommand): MisconceptionId[] {
  const found = new Set<MisconceptionId>()
  for (const t of last.trace ?? []) {
    const id = fromTrace(t)
    if (id) found.add(id)
  }
  const err = last.stderr ?? ''
  if (err.includes('provided port is not in the valid range')) found.add('nodeport-out-of-range')
  if (/nodePort: Forbidden: may not be used when `type` is 'ClusterIP'/.test(err))
    found.add('nodeport-on-clusterip')
  // with `kubectl exec -it` the runtime's and the shell's complaints arrive on the terminal (stdout)
  const shown = `${last.stdout ?? ''}\n${err}`
  if (CURL_MISSING.some((re) => re.test(shown))) found.add('curl-missing')
  if (POD_NOT_READY.some((re) => re.test(err))) found.add('pod-not-ready')
  return MISCONCEPTIONS.map((m) => m.id).filter((id) => found.has(id))
}
