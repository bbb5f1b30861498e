// The Containers section of describe pod and of pod templates (describe.go describeContainers
// and friends): ports, command, state, readiness, probes, environment and mounts.

import type {
  Container,
  ContainerState,
  ContainerStatus,
  KubeObject,
  Probe,
} from '../../objects/types'
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, rfc1123z } from './writer'

type Env = { name: string; value?: string; valueFrom?: Record<string, Record<string, unknown>> }
type Ref = { name?: string; optional?: boolean }
type EnvFrom = { prefix?: string; configMapRef?: Ref; secretRef?: Ref }
type Mount = { name: string; mountPath: string; readOnly?: boolean; subPath?: string }

/** describeContainers; statuses undefined for templates (no ID, state or restart count). */
export function writeContainers(
  w: DescribeWriter,
  label: string,
  containers: Container[],
  statuses: ContainerStatus[] | undefined,
  space: string,
  pod?: KubeObject,
): void {
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`)
  for (const c of containers) {
    const st = statuses?.find((s) => s.name === c.name)
    writeBasicInfo(w, c, st, space)
    writeCommand(w, c)
    if (st) writeState(w, st)
    writeResources(w, c.resources as Record<string, Record<string, string>> | undefined)
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`)
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`)
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe as Probe)}\n`)
    if (Array.isArray(c.envFrom) && c.envFrom.length > 0) writeEnvFrom(w, c.envFrom as EnvFrom[])
    writeEnv(w, (c.env ?? []) as Env[], pod)
    writeMounts(w, (c.volumeMounts as Mount[] | undefined) ?? [])
  }
}

function writeBasicInfo(
  w: DescribeWriter,
  c: Container,
  st: ContainerStatus | undefined,
  space: string,
): void {
  w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`)
  if (st) w.write(LEVEL_2, `Container ID:\t${st.containerID ?? ''}\n`)
  w.write(LEVEL_2, `Image:\t${c.image}\n`)
  if (st) w.write(LEVEL_2, `Image ID:\t${st.imageID ?? ''}\n`)
  const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? ''}`).join(', ')
  w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`)
  const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ')
  w.write(
    LEVEL_2,
    hostPorts.includes(',')
      ? `Host Ports:\t${hostPorts}\n`
      : `Host Port:\t${hostPorts || '<none>'}\n`,
  )
}

function writeCommand(w: DescribeWriter, c: Container): void {
  for (const [title, list] of [
    ['Command', c.command],
    ['Args', c.args],
  ] as const) {
    if (!list || list.length === 0) continue
    w.write(LEVEL_2, `${title}:\n`)
    for (const item of list) for (const line of item.split('\n')) w.write(LEVEL_3, `${line}\n`)
  }
}

function writeState(w: DescribeWriter, st: ContainerStatus): void {
  writeStatus(w, 'State', st.state ?? {})
  if (st.lastState?.terminated) writeStatus(w, 'Last State', st.lastState)
  w.write(LEVEL_2, `Ready:\t${st.ready ? 'True' : 'False'}\n`)
  w.write(LEVEL_2, `Restart Count:\t${st.restartCount ?? 0}\n`)
}

function writeStatus(w: DescribeWriter, name: string, state: ContainerState): void {
  if (state.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`)
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`)
  } else if (state.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`)
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`)
  } else if (state.terminated) {
    const t = state.terminated as NonNullable<ContainerState['terminated']> & {
      message?: string
      signal?: number
    }
    w.write(LEVEL_2, `${name}:\tTerminated\n`)
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`)
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`)
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`)
    if (t.signal && t.signal > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`)
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`)
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`)
  } else w.write(LEVEL_2, `${name}:\tWaiting\n`)
}

function writeResources(
  w: DescribeWriter,
  r: Record<string, Record<string, string>> | undefined,
): void {
  for (const kind of ['limits', 'requests'] as const) {
    const list = r?.[kind] ?? {}
    const names = Object.keys(list).sort()
    if (names.length > 0) w.write(LEVEL_2, `${kind === 'limits' ? 'Limits' : 'Requests'}:\n`)
    for (const n of names) w.write(LEVEL_3, `${n}:\t${list[n]}\n`)
  }
}

/** DescribeProbe: `http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`
  if (p.exec) return `exec [${p.exec.command.join(' ')}] ${attrs}`
  if (p.httpGet) {
    const g = p.httpGet as { path?: string; port: number | string; scheme?: string; host?: string }
    const host = g.host ?? ''
    const port = String(g.port)
    const hostPort = port ? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`) : host
    return `http-get ${(g.scheme ?? '').toLowerCase()}://${hostPort}${g.path ?? ''} ${attrs}`
  }
  if (p.tcpSocket)
    return `tcp-socket ${(p.tcpSocket as { host?: string }).host ?? ''}:${p.tcpSocket.port} ${attrs}`
  return `unknown ${attrs}`
}

function writeEnv(w: DescribeWriter, env: Env[], pod: KubeObject | undefined): void {
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`)
  for (const e of env) {
    if (!e.valueFrom) {
      ;(e.value ?? '')
        .split('\n')
        .forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`))
      continue
    }
    const f = e.valueFrom
    if (f.fieldRef) {
      const path = String(f.fieldRef.fieldPath ?? '')
      const value = pod ? fieldPathValue(pod, path) : ''
      w.write(LEVEL_3, `${e.name}:\t${value} (${String(f.fieldRef.apiVersion ?? 'v1')}:${path})\n`)
    } else if (f.secretKeyRef)
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${String(f.secretKeyRef.key)}' in secret '${String(f.secretKeyRef.name)}'>\tOptional: ${f.secretKeyRef.optional === true}\n`,
      )
    else if (f.configMapKeyRef)
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${String(f.configMapKeyRef.key)}' of config map '${String(f.configMapKeyRef.name)}'>\tOptional: ${f.configMapKeyRef.optional === true}\n`,
      )
  }
}

/** describeContainerEnvFrom: each source, its kind, prefix and whether it is optional. */
function writeEnvFrom(w: DescribeWriter, sources: EnvFrom[]): void {
  w.write(LEVEL_2, 'Environment Variables from:\n')
  for (const e of sources) {
    const ref = e.configMapRef ?? e.secretRef
    const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : ''
    const what = e.prefix ? `${from} with prefix '${e.prefix}'` : from
    w.write(LEVEL_3, `${ref?.name ?? ''}\t${what}\tOptional: ${ref?.optional === true}\n`)
  }
}

function writeMounts(w: DescribeWriter, mounts: Mount[]): void {
  w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`)
  for (const m of [...mounts].sort((a, b) =>
    a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0,
  )) {
    const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path="${m.subPath}"`] : [])]
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`)
  }
}

/** fieldpath.ExtractFieldPathAsString: only metadata fields resolve; anything else prints empty. */
function fieldPathValue(pod: KubeObject, path: string): string {
  const m = pod.metadata
  const sub = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path)
  if (sub) return (sub[1] === 'labels' ? m.labels : m.annotations)?.[sub[2] ?? ''] ?? ''
  const map = (x: Record<string, string> | undefined) =>
    Object.keys(x ?? {})
      .sort()
      .map((k) => `${k}=${JSON.stringify(x?.[k] ?? '')}`)
      .join('\n')
  if (path === 'metadata.name') return m.name
  if (path === 'metadata.namespace') return m.namespace ?? ''
  if (path === 'metadata.uid') return m.uid
  if (path === 'metadata.labels') return map(m.labels)
  if (path === 'metadata.annotations') return map(m.annotations)
  return ''
}
