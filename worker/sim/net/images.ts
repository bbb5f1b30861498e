// The image catalogue as the rest of the simulation sees it: what an image contains, what a
// container's main process does, what a pod answers on a port, and the container log.

import { bumpLogStamp } from '../log-stamps'
import type { Container, Pod } from '../objects/types'
import { LOG_LINES_MAX, type ClusterState, type ContainerRuntime } from '../state'
import { findImage, type ImageInfo } from '../images/catalog'
import { serverAnswer, serverLogLine, type ServeContext } from '../images/http'
import { resolveProcess, type ListenPort, type MainProcess } from '../images/process'
import { aptPackageTools, type ToolSet } from '../images/tools'
import type { HttpRequest, HttpResponse } from './types'

export {
  findImage,
  isKnownRepository,
  type ImageInfo,
  type ImageUser,
  type ServerKind,
} from '../images/catalog'
export { resolveProcess, effectiveArgv, type MainProcess, type ListenPort } from '../images/process'
export { aptPackageTools, type ToolSet } from '../images/tools'
export {
  httpDate,
  logTime,
  serverLogLine as accessLogLine,
  serverAnswer,
  type ServeContext,
} from '../images/http'
import { markChanged } from '../document-changed'
export { parseImageRef } from '../images/reference'

/** The runtime record of one container (installs, logs); created on first use. */
export function containerRuntime(
  s: ClusterState,
  podUid: string,
  container: string,
): ContainerRuntime {
  const key = `${podUid}/${container}`
  let rt = s.runtime.containers[key]
  if (!rt) {
    rt = { installed: [], aptUpdated: false, logs: [] }
    s.runtime.containers[key] = rt
  }
  return rt
}

/** Appends a line to a container's log (what `kubectl logs` prints), keeping the last LOG_LINES_MAX. */
export function appendLog(s: ClusterState, podUid: string, container: string, line: string): void {
  const rt = containerRuntime(s, podUid, container)
  markChanged()
  bumpLogStamp(rt.logs)
  rt.logs.push(line)
  if (rt.logs.length > LOG_LINES_MAX) rt.logs.splice(0, rt.logs.length - LOG_LINES_MAX)
}

/** The programs available inside a container: the image's plus what apt-get installed since it started. */
export function containerTools(s: ClusterState, pod: Pod, container: Container): ToolSet {
  const image = findImage(container.image)
  if (!image) return {}
  const rt = s.runtime.containers[`${pod.metadata.uid}/${container.name}`]
  if (!rt || rt.installed.length === 0) return image.tools
  // the same image and packages give the same set: kept, as a line asks several times (the
  // shell's dialect, each program looked up); callers never change a ToolSet (image.tools is shared)
  const key = JSON.stringify(rt.installed)
  let byPackages = INSTALLED_TOOLS.get(image)
  if (!byPackages || byPackages.size > 64) INSTALLED_TOOLS.set(image, (byPackages = new Map()))
  const kept = byPackages.get(key)
  if (kept) return kept
  const tools: ToolSet = { ...image.tools }
  for (const pkg of rt.installed)
    Object.assign(tools, aptPackageTools(pkg, image.release ?? '24.04') ?? {})
  byPackages.set(key, tools)
  return tools
}

/** containerTools' sets for containers with packages installed: image -> installed list -> set. */
const INSTALLED_TOOLS = new WeakMap<ImageInfo, Map<string, ToolSet>>()

/** The main process of a pod's container, or undefined when the image does not exist. */
export function containerProcess(
  container: Container,
): { image: ImageInfo; process: MainProcess } | undefined {
  const image = findImage(container.image)
  if (!image) return undefined
  return { image, process: resolveProcess(image, container) }
}

function isRunning(pod: Pod, name: string): boolean {
  const st = pod.status.containerStatuses?.find((c) => c.name === name)
  return st?.state.running !== undefined
}

/**
 * Which running container of the pod listens on port/protocol (a pod shares one network
 * namespace). The declared containerPort plays no part: only what the process binds counts.
 */
export function listeningContainer(
  pod: Pod,
  port: number,
  protocol: 'TCP' | 'UDP' = 'TCP',
): { container: Container; image: ImageInfo; process: MainProcess } | undefined {
  for (const container of pod.spec.containers) {
    if (!isRunning(pod, container.name)) continue
    const found = containerProcess(container)
    if (found?.process.type !== 'server') continue
    if (found.process.ports.some((p: ListenPort) => p.port === port && p.protocol === protocol))
      return { container, ...found }
  }
  return undefined
}

export interface ServeOptions {
  now: number
  clientIP: string
  clientPort?: number
  /** true for grading/health probes: answer without writing the access log */
  probe?: boolean
}

/**
 * A request that reached pod:port. Returns undefined when nothing listens (the kernel answers
 * RST: connection refused) and `{ response: undefined }` when the listener does not speak HTTP.
 * Writes the server's access-log line unless `probe`.
 */
export function serveHttp(
  s: ClusterState,
  pod: Pod,
  port: number,
  req: HttpRequest,
  opts: ServeOptions,
): { container: string; response: HttpResponse | undefined } | undefined {
  const target = listeningContainer(pod, port)
  if (!target) return undefined
  const ctx: ServeContext = {
    podName: pod.metadata.name,
    podIP: pod.status.podIP ?? '',
    image: target.image,
    process: target.process,
    now: opts.now,
    clientIP: opts.clientIP,
    clientPort: opts.clientPort ?? 40000 + (opts.now % 20000),
    port,
  }
  const response = serverAnswer(ctx, req)
  if (response && !opts.probe) {
    const line = serverLogLine(ctx, req, response)
    if (line !== undefined) appendLog(s, pod.metadata.uid, target.container.name, line)
  }
  return { container: target.container.name, response }
}

/** Pure variant of serveHttp for callers that must not touch the state (kubelet probes). */
export function answerHttp(
  pod: Pod,
  port: number,
  req: HttpRequest,
  now: number,
  clientIP: string,
): HttpResponse | undefined {
  const target = listeningContainer(pod, port)
  if (!target) return undefined
  const ctx: ServeContext = {
    podName: pod.metadata.name,
    podIP: pod.status.podIP ?? '',
    image: target.image,
    process: target.process,
    now,
    clientIP,
    clientPort: 40000,
    port,
  }
  return serverAnswer(ctx, req)
}

/** The environment a container starts with: image ENV, then the pod's env (later wins), plus HOSTNAME. */
export function containerEnv(
  pod: Pod,
  container: Container,
  specEnv: [string, string][] = (container.env ?? []).map((e) => [e.name, e.value ?? '']),
): [string, string][] {
  const image = findImage(container.image)
  const env = new Map<string, string>(image?.env ?? [])
  env.set('HOSTNAME', pod.metadata.name)
  for (const [k, v] of specEnv) env.set(k, v)
  return [...env.entries()]
}
