// Why a pod refused a connection: nothing in its network namespace listens on that port. Tells
// apart a Service whose targetPort misses the container's real port, a headless Service used with
// its Service port, a container that is not running, and a plain wrong port.

import type { Pod } from '../objects/types'
import { isPodRunning, listeningPorts, whyNotReady } from './pod-health'
import type { Arrival, Via, Walk } from './walk'

export interface Explanation {
  cause: string
  diagnosis: string
}

/** Explains a RST from `arrival.pod` on `arrival.port`. */
export function explainRefused(w: Walk, arrival: Arrival & { kind: 'pod' }): Explanation {
  const { pod, port, via } = arrival
  const name = pod.metadata.name
  if (!isPodRunning(pod)) {
    return {
      cause: 'no-listener',
      diagnosis: `Pod ${name} (${pod.status?.podIP}) has no running container to accept the connection: ${whyNotReady(pod)}.`,
    }
  }
  const listens = describeListeners(pod)
  if (via) return wrongPort(via, pod, port, listens)
  if (w.headless) {
    const svc = w.headless
    const sp = (svc.spec.ports ?? []).find((p) => p.port === port)
    const hint =
      sp && sp.targetPort !== undefined && sp.targetPort !== sp.port
        ? ` Ask port ${sp.targetPort} (its targetPort) instead.`
        : ''
    return {
      cause: 'headless-port',
      diagnosis: `${svc.metadata.name} is a headless Service (clusterIP: None): DNS returned the pod IPs directly and no kube-proxy rule translates ports, so port ${port} reached pod ${name} unchanged, and ${listens}.${hint}`,
    }
  }
  if (arrival.forwardedFrom) {
    return {
      cause: 'port-forward-no-listener',
      diagnosis: `kubectl port-forward ${arrival.forwardedFrom} accepted the connection and passed it to pod ${name} port ${port}, but nothing listens there (${listens}), so kubectl closed it without an answer and printed an error. Forward to the port the container listens on.`,
    }
  }
  return {
    cause: 'no-listener',
    diagnosis: `Nothing in pod ${name} listens on port ${port}: ${listens}.`,
  }
}

/** A Service rule delivered to a port nothing binds: the targetPort, or a hand-written Endpoints port. */
function wrongPort(via: Via, pod: Pod, port: number, listens: string): Explanation {
  const svc = via.svc.metadata.name
  const name = pod.metadata.name
  const sp = via.sp
  const declared = declaredPorts(pod).includes(port)
    ? ` (the pod spec declares containerPort ${port}, but that is only documentation: what counts is the port the process binds)`
    : ''
  const selector = via.svc.spec.selector
  if (!selector || Object.keys(selector).length === 0) {
    return {
      cause: 'wrong-target-port',
      diagnosis: `Service ${svc} has no selector, so its port ${sp.port} goes to the addresses and port of Endpoints ${svc} (its targetPort plays no part): port ${port}. Nothing in pod ${name} listens on ${port}${declared}: ${listens}. Fix the port in Endpoints ${svc}.`,
    }
  }
  const tp = sp.targetPort ?? sp.port
  const named = typeof tp === 'string' ? ` (= ${port} in this pod)` : ''
  return {
    cause: 'wrong-target-port',
    diagnosis: `Service ${svc} forwards port ${sp.port} to targetPort ${tp}${named}, but nothing in pod ${name} listens on ${port}${declared}: ${listens}. Set the Service's targetPort to the port the container listens on.`,
  }
}

function describeListeners(pod: Pod): string {
  const ports = listeningPorts(pod)
  if (ports.length === 0) return 'its containers do not listen on any port'
  return ports.map((p) => `container ${p.container} (${p.image}) listens on ${p.port}`).join(', ')
}

function declaredPorts(pod: Pod): number[] {
  return (pod.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => p.containerPort))
}
