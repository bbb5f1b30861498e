// Probes as the kubelet's prober runs them (pkg/kubelet/prober): httpGet succeeds on 200-399,
// tcpSocket when something listens, exec when the command exits 0. What answers is decided by
// the image catalogue, so a probe on a port or path the image does not serve fails as it would.
// Left out for exec: running the real command; we judge by the binary and a few known commands.

import type { Container, Pod, Probe } from '../objects/types'
import { answerHttpAs } from './kubelet-serve'
import { containerTools } from '../net/images'
import type { ClusterState } from '../state'

export interface ProbeResult {
  ok: boolean
  /** the text after `Readiness probe failed: ` */
  message: string
}

function resolvePort(container: Container, port: number | string): number | undefined {
  if (typeof port === 'number') return port
  if (/^\d+$/.test(port)) return Number(port)
  return container.ports?.find((p) => p.name === port)?.containerPort
}

function httpProbe(
  pod: Pod,
  container: Container,
  probe: NonNullable<Probe['httpGet']>,
  now: number,
): ProbeResult {
  const ip = pod.status.podIP ?? ''
  const port = resolvePort(container, probe.port)
  const path = probe.path ?? '/'
  const url = `http://${ip}:${port ?? probe.port}${path}`
  if (port === undefined)
    return { ok: false, message: `Get "${url}": dial tcp: address ${probe.port}: invalid port` }
  const res = answerHttpAs(
    pod,
    port,
    {
      host: ip,
      port,
      method: 'GET',
      path,
      headers: {
        Host: `${ip}:${port}`,
        'User-Agent': 'kube-probe/1.32',
        Accept: '*/*',
        Connection: 'close',
      },
    },
    now,
  )
  if (res === 'refused')
    return {
      ok: false,
      message: `Get "${url}": dial tcp ${ip}:${port}: connect: connection refused`,
    }
  if (res === undefined) return { ok: false, message: `Get "${url}": EOF` }
  if (res.status >= 200 && res.status < 400) return { ok: true, message: '' }
  return { ok: false, message: `HTTP probe failed with statuscode: ${res.status}` }
}

function tcpProbe(
  pod: Pod,
  container: Container,
  probe: NonNullable<Probe['tcpSocket']>,
  now: number,
): ProbeResult {
  const ip = pod.status.podIP ?? ''
  const port = resolvePort(container, probe.port)
  if (port === undefined)
    return { ok: false, message: `dial tcp: address ${probe.port}: invalid port` }
  const res = answerHttpAs(
    pod,
    port,
    { host: ip, port, method: 'GET', path: '/', headers: {} },
    now,
  )
  if (res === 'refused')
    return { ok: false, message: `dial tcp ${ip}:${port}: connect: connection refused` }
  return { ok: true, message: '' }
}

function execProbe(
  s: ClusterState,
  pod: Pod,
  container: Container,
  command: string[],
): ProbeResult {
  const [bin = '', ...args] = command
  const tools = containerTools(s, pod, container)
  const name = bin.slice(bin.lastIndexOf('/') + 1)
  if (!(bin in tools) && !(name in tools)) {
    return {
      ok: false,
      message: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${bin}": executable file not found in $PATH: unknown`,
    }
  }
  if (name === 'false') return { ok: false, message: '' }
  if (
    name === 'cat' &&
    args[0] &&
    !['/etc/hostname', '/etc/hosts', '/etc/resolv.conf', '/etc/os-release'].includes(args[0])
  ) {
    return { ok: false, message: `cat: ${args[0]}: No such file or directory\n` }
  }
  if (name === 'test' || (name === 'ls' && args[0]?.startsWith('/tmp/')))
    return { ok: false, message: '' }
  return { ok: true, message: '' }
}

/** Runs one probe against the container as it is now. */
export function runProbe(
  s: ClusterState,
  pod: Pod,
  container: Container,
  probe: Probe,
  now: number,
): ProbeResult {
  if (probe.httpGet) return httpProbe(pod, container, probe.httpGet, now)
  if (probe.tcpSocket) return tcpProbe(pod, container, probe.tcpSocket, now)
  if (probe.exec) return execProbe(s, pod, container, probe.exec.command ?? [])
  return { ok: true, message: '' }
}
