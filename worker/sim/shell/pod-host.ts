// A container seen from inside (`kubectl exec`): the image's programs (plus apt-get installs),
// the environment containerd and the kubelet give it, and the files the kubelet writes.

import type { Ctx } from '../context'
import type { Container, Pod } from '../objects/types'
import { containerEnv, containerTools, findImage } from '../net/images'
import { serviceEnv } from '../net/service-env'
import { hasEnvRefs, resolveContainerEnv } from '../net/container-env'
import { peekKubeletRecord } from '../controllers/kubelet-record'
import { etcHosts, podHostname, resolvConf } from '../net/pod-files'
import type { Dialect, Host, Tool } from './host'
import { podProgram } from './pod-programs'
import { osRelease } from './os-release'
import { dict, own } from './own'
import { documentWrites } from '../object-index'
import { checkingDocuments } from '../document-changed'
import type { ClusterState } from '../state'

type Env = Record<string, string>

const BIN_DIRS = /^\/(usr\/)?(local\/)?s?bin\//

/**
 * The container's env and envFrom as the kubelet resolved them when it started (ConfigMaps and
 * Secrets read then), or as they resolve now for a container started before that was kept.
 */
function specEnv(s: ClusterState, pod: Pod, container: Container): [string, string][] | undefined {
  if (!hasEnvRefs(container)) return undefined
  const kept = peekKubeletRecord(s, pod.metadata.uid, container.name)?.env
  if (kept) return kept
  const now = resolveContainerEnv(s, pod, container)
  return now.ok ? now.env : undefined
}

/** The environment of an exec'd process: PATH, HOSTNAME, image ENV, pod env, Service links, HOME. */
export function podEnv(ctx: Ctx, pod: Pod, container: Container): Record<string, string> {
  const base = containerEnv(pod, container, specEnv(ctx.s, pod, container))
  const env: Record<string, string> = dict()
  const path = base.find(([k]) => k === 'PATH')
  if (path) env.PATH = path[1]
  env.HOSTNAME = podHostname(pod)
  for (const [k, v] of base) if (!(k in env)) env[k] = v
  for (const [k, v] of Object.entries(serviceEnv(ctx.s, pod))) if (!(k in env)) env[k] = v
  env.HOME ??= '/root'
  return env
}

/** The files the kubelet and the image give a container: resolv.conf, hosts, hostname, os-release. */
function podFiles(pod: Pod, container: Container): Env {
  const image = findImage(container.image)
  const files: Env = dict({
    '/etc/resolv.conf': resolvConf(pod),
    '/etc/hosts': etcHosts(pod),
    '/etc/hostname': `${podHostname(pod)}\n`,
  })
  const release = image ? osRelease(image) : undefined
  if (release) files['/etc/os-release'] = release
  return files
}

interface PodParts {
  env: Env
  files: Env
}

/**
 * podEnv and podFiles kept per container spec while its document has had no object written: they
 * read the pod, its image and the Services only, and every change to those goes through
 * putObject/removeObject. A host's env and files are only ever read or copied, never changed.
 * Check mode (every Node test) compares what is kept with podEnv and podFiles.
 */
const KEPT = new WeakMap<
  Container,
  { s: ClusterState; pod: Pod; writes: number; parts: PodParts }
>()

function keptPodParts(ctx: Ctx, pod: Pod, container: Container): PodParts {
  const writes = documentWrites(ctx.s)
  const kept = KEPT.get(container)
  if (kept && kept.s === ctx.s && kept.pod === pod && kept.writes === writes) {
    if (checkingDocuments()) checkKept(kept.parts, freshParts(ctx, pod, container))
    return kept.parts
  }
  const parts = freshParts(ctx, pod, container)
  KEPT.set(container, { s: ctx.s, pod, writes, parts })
  return parts
}

function freshParts(ctx: Ctx, pod: Pod, container: Container): PodParts {
  return { env: podEnv(ctx, pod, container), files: podFiles(pod, container) }
}

function checkKept(kept: PodParts, fresh: PodParts): void {
  if (JSON.stringify(kept) !== JSON.stringify(fresh))
    throw new Error(
      'podHost: a kept environment or file differs from podEnv/podFiles (a write was not counted)',
    )
}

function dialectOf(sh: string | undefined): Dialect {
  if (sh === 'dash') return 'dash'
  if (sh === 'gnu') return 'bash-c'
  return 'ash'
}

const hosts = new WeakMap<Ctx, Map<string, Host>>()

/** The container as a host; built once per line (its env and files do not change within one). */
export function podHost(ctx: Ctx, pod: Pod, container: Container): Host {
  const key = `${pod.metadata.uid}/${container.name}`
  let byKey = hosts.get(ctx)
  if (!byKey) hosts.set(ctx, (byKey = new Map()))
  const cached = byKey.get(key)
  if (cached) return cached
  const host = buildPodHost(ctx, pod, container)
  byKey.set(key, host)
  return host
}

function buildPodHost(ctx: Ctx, pod: Pod, container: Container): Host {
  const key = `${pod.metadata.uid}/${container.name}`
  const { env, files } = keptPodParts(ctx, pod, container)
  const host: Host = {
    origin: {
      kind: 'pod',
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
    },
    shell: dialectOf(containerTools(ctx.s, pod, container).sh),
    hostname: podHostname(pod),
    address: pod.status?.podIP ?? '',
    env,
    files,
    container: {
      key,
      image: container.image,
      podName: pod.metadata.name,
      namespace: pod.metadata.namespace ?? 'default',
    },
    find: (name) => {
      // looked up at each call: apt-get install changes what the container has
      const tools = containerTools(ctx.s, pod, container)
      const direct = own(tools, name)
      const base = name.replace(BIN_DIRS, '')
      const flavour = direct ?? (base !== name ? own(tools, base) : undefined)
      if (flavour === undefined) return undefined
      return podProgram(direct !== undefined ? name : base, flavour, host) ?? notSimulated(base)
    },
  }
  return host
}

function notSimulated(name: string): Tool {
  return () => ({
    stdout: '',
    stderr: `service-lab: ${name} is in this image, but this terminal does not simulate it\n`,
    exitCode: 1,
  })
}
