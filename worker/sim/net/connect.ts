// connect(): a bare TCP connection (nc -z, telnet, bash /dev/tcp, tcpSocket checks) walked like
// route() but ending at the SYN/ACK: no request is sent, so no access-log line is written.

import type { ClusterState } from '../state'
import type { Origin, RouteResult } from './types'
import { listeningContainer } from './images'
import { explainRefused } from './refused'
import { failure, podRef, walkTo } from './start'
import { podLabel } from './walk'

/** Opens a TCP connection to host:port from origin; `answered` means the handshake completed. */
export function connect(
  s: ClusterState,
  origin: Origin,
  host: string,
  port: number,
  opts: { now: number; probe?: boolean },
): RouteResult {
  const walked = walkTo(s, origin, host, port, opts)
  if ('done' in walked) return walked.done
  const { w, base, arrival } = walked
  if (arrival.kind === 'fail') return { ...base, ...failure(arrival) }
  if (arrival.kind === 'apiserver') {
    return { ...base, outcome: 'answered', timeMs: arrival.ms, clientIP: arrival.sourceIP }
  }
  const { pod } = arrival
  const label = podLabel(pod, arrival.port)
  const object = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name }
  if (!listeningContainer(pod, arrival.port) && !arrival.forwardedFrom) {
    w.hops.push({ kind: 'pod', label, object, ok: false, detail: 'connection refused' })
    const why = explainRefused(w, arrival)
    return { ...base, outcome: 'refused', pod: podRef(arrival), ...why, timeMs: arrival.ms }
  }
  w.hops.push({ kind: 'pod', label, object, ok: true })
  const clientIP = arrival.sourceIP
  return { ...base, outcome: 'answered', pod: podRef(arrival), timeMs: arrival.ms, clientIP }
}
