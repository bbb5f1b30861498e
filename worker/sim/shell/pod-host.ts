// A container seen from inside (`kubectl exec`): the image's programs (plus apt-get installs),
// the environment containerd and the kubelet give it, and the files the kubelet writes.

import type { Ctx } from '../context'
import type { Container, Pod } from '../objects/types'
import { containerEnv, containerTools, findImage } from '../net/images'
import { serviceEnv } from '../net/service-env'
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

/** The environment of an exec'd process: PATH, HOSTNAME, image ENV, pod env, Service links, HOME. */
export function podEnv(ctx: Ctx, pod: Pod, container: Container): Record<string, string> {
  const base = containerEnv(pod, container)
  const env: Record<string, string> = dict()
  const path = base.find(([k]) => k === 'PATH')
  if (path) env.PATH = path[1]
  env.HOSTNAME = podHostname(pod)
  for (const [k, v] of base) if (!(k in env)) env[k] = v
  for (const [k, v] of Object.entries(serviceEnv(ctx.s, pod))) if (!(k in env)) env[k] = v
  env.HOME ??= '/root'
  return env
}

/**
 * podEnv kept per container spec while its document has had no object written: it reads the pod
 * and the Services only, and every change to either goes through putObject/removeObject. A host's
 * env is only ever copied, never changed. Check mode (every Node test) compares it with podEnv.
 */
const ENVS = new WeakMap<Container, { s: ClusterState; pod: Pod; writes: number; env: Env }>()

function keptPodEnv(ctx: Ctx, pod: Pod, container: Container): Env {
  const writes = documentWrites(ctx.s)
  const kept = ENVS.get(container)
  if (kept && kept.s === ctx.s && kept.pod === pod && kept.writes === writes) {
    if (checkingDocuments()) checkKeptEnv(kept.env, podEnv(ctx, pod, container))
    return kept.env
  }
  const env = podEnv(ctx, pod, container)
  ENVS.set(container, { s: ctx.s, pod, writes, env })
  return env
}

function checkKeptEnv(kept: Env, fresh: Env): void {
  if (JSON.stringify(kept) !== JSON.stringify(fresh))
    throw new Error('podHost: a kept environment differs from podEnv (a write was not counted)')
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
  const image = findImage(container.image)
  const key = `${pod.metadata.uid}/${container.name}`
  const files: Record<string, string> = dict({
    '/etc/resolv.conf': resolvConf(pod),
    '/etc/hosts': etcHosts(pod),
    '/etc/hostname': `${podHostname(pod)}\n`,
  })
  const release = image ? osRelease(image) : undefined
  if (release) files['/etc/os-release'] = release
  const host: Host = {
    origin: {
      kind: 'pod',
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
    },
    shell: dialectOf(containerTools(ctx.s, pod, container).sh),
    hostname: podHostname(pod),
    address: pod.status?.podIP ?? '',
    env: keptPodEnv(ctx, pod, container),
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
