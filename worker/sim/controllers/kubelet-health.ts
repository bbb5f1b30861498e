// Readiness and liveness over time (pkg/kubelet/prober/worker.go): the first probe runs after
// initialDelaySeconds, then every periodSeconds; a container is killed after failureThreshold
// consecutive liveness failures. Results are judged against the image, so they are fixed for
// one run of a container and the times follow from startedAt.

import type { Container, Pod, Probe } from '../objects/types'
import type { MainProcess } from '../images/process'
import type { ClusterState } from '../state'
import { recordEvent } from './events'
import type { ContainerCtx } from './kubelet-container'
import { runProbe } from './kubelet-probes'
import { NEVER } from './kubelet-record'

function firstProbeAt(probe: Probe, startedAt: number): number {
  return startedAt + (probe.initialDelaySeconds ?? 0) * 1000
}

/** When the liveness probe kills this run, or undefined when it passes (or there is none). */
export function livenessKillAt(
  c: ContainerCtx,
  _process: MainProcess,
  startedAt: number,
): number | undefined {
  const probe = c.container.livenessProbe
  if (!probe) return undefined
  const result = runProbe(c.s, c.pod, c.container, probe, startedAt)
  if (result.ok) return undefined
  const period = (probe.periodSeconds ?? 10) * 1000
  const threshold = probe.failureThreshold ?? 3
  const first = firstProbeAt(probe, startedAt)
  const killAt = first + period * (threshold - 1)
  for (let i = 0; i < threshold; i++) {
    const input = {
      type: 'Warning' as const,
      reason: 'Unhealthy',
      message: `Liveness probe failed: ${result.message}`.trimEnd(),
      source: { component: 'kubelet', host: c.node.metadata.name },
      fieldPath: `spec.containers{${c.container.name}}`,
    }
    recordEvent(c.s, c.pod, input, first + period * i)
  }
  return killAt
}

export interface Readiness {
  /** when readiness may change next while the container keeps running */
  nextCheck: number
  ready: boolean
  /** when it became ready (valid when ready) */
  since: number
  /** a failing readiness probe: message and the times of its first and latest failure */
  failing?: { message: string; first: number; last: number; count: number }
}

/** Readiness of a running container at `now` (no probe: ready as soon as it runs). */
export function readinessAt(
  s: ClusterState,
  pod: Pod,
  container: Container,
  startedAt: number,
  now: number,
): Readiness {
  const probe = container.readinessProbe
  if (!probe) return { ready: true, since: startedAt, nextCheck: NEVER }
  const first = firstProbeAt(probe, startedAt)
  if (now < first) return { ready: false, since: 0, nextCheck: first }
  const result = runProbe(s, pod, container, probe, now)
  if (result.ok) return { ready: true, since: first, nextCheck: NEVER }
  const period = (probe.periodSeconds ?? 10) * 1000
  const count = Math.floor((now - first) / period) + 1
  const last = first + (count - 1) * period
  return {
    ready: false,
    since: 0,
    nextCheck: last + period,
    failing: { message: result.message, first, last, count },
  }
}
