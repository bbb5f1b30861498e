// The environment the kubelet computes for a container from its spec (pkg/kubelet/kubelet_pods.go
// makeEnvironmentVariables): envFrom ConfigMaps and Secrets (with prefix; every key, as the
// kubelet has taken them since KEP-4369), then env (a value, or configMapKeyRef / secretKeyRef).
// A missing required ConfigMap, Secret or key is the error the kubelet reports as
// CreateContainerConfigError. fieldRef (the downward API) gives the pod's own fields as the kubelet
// reads them (podFieldSelectorRuntimeValue). A value's `$(VAR)` names an earlier variable or a
// Service link (expansion.Expand). Left out: `$(VAR)` in command and args, resourceFieldRef (empty).

import type { ConfigMap, Container, Pod, Secret } from '../objects/types'
import { getObject, type ClusterState } from '../state'
import { decodeBase64 } from '../objects/go-base64'
import { textOfBytes } from '../shell/bytes'
import { serviceEnv } from './service-env'

interface KeyRef {
  name?: string
  key?: string
  optional?: boolean
}
interface EnvSource {
  prefix?: string
  configMapRef?: { name?: string; optional?: boolean }
  secretRef?: { name?: string; optional?: boolean }
}
interface EnvEntry {
  name: string
  value?: string
  valueFrom?: {
    configMapKeyRef?: KeyRef
    secretKeyRef?: KeyRef
    fieldRef?: { fieldPath?: string }
  }
}

export type ResolvedEnv = { ok: true; env: [string, string][] } | { ok: false; error: string }

type Values = Record<string, string>

/** The data of a ConfigMap or Secret as text (a Secret's values decoded from base64). */
function sourceValues(s: ClusterState, ns: string, kind: 'configmap' | 'secret', name: string) {
  if (kind === 'configmap') return getObject<ConfigMap>(s, 'ConfigMap', ns, name)?.data ?? {}
  const secret = getObject<Secret>(s, 'Secret', ns, name)
  if (!secret) return undefined
  const out: Values = {}
  for (const [k, v] of Object.entries(secret.data ?? {})) {
    const bytes = decodeBase64(v)
    out[k] = 'corruptAt' in bytes ? '' : textOfBytes(bytes)
  }
  return out
}

function exists(s: ClusterState, ns: string, kind: 'configmap' | 'secret', name: string): boolean {
  return getObject(s, kind === 'configmap' ? 'ConfigMap' : 'Secret', ns, name) !== undefined
}

/** Whether the container's environment reads ConfigMaps or Secrets (then it is kept at start). */
export function hasEnvRefs(c: Container): boolean {
  const env = (c.env ?? []) as EnvEntry[]
  const from = (c.envFrom ?? []) as unknown[]
  return (
    from.length > 0 ||
    env.some(
      (e) =>
        e.valueFrom?.configMapKeyRef ||
        e.valueFrom?.secretKeyRef ||
        e.valueFrom?.fieldRef ||
        e.value?.includes('$'),
    )
  )
}

/** makeEnvironmentVariables without the Service links (service-env.ts adds those). */
export function resolveContainerEnv(s: ClusterState, pod: Pod, container: Container): ResolvedEnv {
  const ns = pod.metadata.namespace ?? 'default'
  const env = new Map<string, string>()
  for (const from of (container.envFrom ?? []) as EnvSource[]) {
    const kind = from.configMapRef ? 'configmap' : from.secretRef ? 'secret' : undefined
    const ref = from.configMapRef ?? from.secretRef
    if (!kind || !ref) continue
    const name = ref.name ?? ''
    if (!exists(s, ns, kind, name)) {
      if (ref.optional === true) continue
      return { ok: false, error: `${kind} "${name}" not found` }
    }
    for (const [key, value] of Object.entries(sourceValues(s, ns, kind, name) ?? {}).sort())
      env.set((from.prefix ?? '') + key, value)
  }
  let links: Values | undefined
  const lookup = (name: string) => env.get(name) ?? (links ??= serviceEnv(s, pod))[name]
  for (const e of (container.env ?? []) as EnvEntry[]) {
    if (e.value?.includes('$')) {
      env.set(e.name, expandReferences(e.value, lookup))
      continue
    }
    const value = e.valueFrom?.fieldRef
      ? podField(pod, e.valueFrom.fieldRef.fieldPath ?? '')
      : envValue(s, ns, e)
    if (value === undefined) continue
    if (typeof value !== 'string') return { ok: false, error: value.error }
    env.set(e.name, value)
  }
  return { ok: true, env: [...env] }
}

/** One env entry's value; undefined when an optional reference is missing (the entry is left out). */
function envValue(
  s: ClusterState,
  ns: string,
  e: EnvEntry,
): string | undefined | { error: string } {
  if (e.value) return e.value
  const cm = e.valueFrom?.configMapKeyRef
  const sec = e.valueFrom?.secretKeyRef
  const ref = cm ?? sec
  if (!ref) return e.value ?? ''
  const kind = cm ? 'configmap' : 'secret'
  const name = ref.name ?? ''
  const key = ref.key ?? ''
  const values = exists(s, ns, kind, name) ? sourceValues(s, ns, kind, name) : undefined
  if (!values) return ref.optional === true ? undefined : { error: `${kind} "${name}" not found` }
  if (Object.hasOwn(values, key)) return values[key]
  if (ref.optional === true) return undefined
  return { error: `couldn't find key ${key} in ${cm ? 'ConfigMap' : 'Secret'} ${ns}/${name}` }
}

/**
 * A pod field as the kubelet gives it to env (kubelet_pods.go podFieldSelectorRuntimeValue, then
 * fieldpath.ExtractFieldPathAsString): the paths the API server lets env name.
 */
function podField(pod: Pod, path: string): string {
  const ips = (list: { ip: string }[] | undefined) => (list ?? []).map((i) => i.ip)
  const subscript = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path)
  if (subscript) {
    const map = subscript[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations
    return map?.[subscript[2] ?? ''] ?? ''
  }
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name
    case 'metadata.namespace':
      return pod.metadata.namespace ?? 'default'
    case 'metadata.uid':
      return pod.metadata.uid
    case 'spec.nodeName':
      return pod.spec.nodeName ?? ''
    case 'spec.serviceAccountName':
      return pod.spec.serviceAccountName ?? ''
    case 'status.hostIP':
      return pod.status?.hostIP ?? ''
    case 'status.hostIPs':
      return ips(pod.status?.hostIPs).join(',')
    case 'status.podIP':
      return pod.status?.podIP ?? ''
    case 'status.podIPs':
      return ips(pod.status?.podIPs).join(',')
    default:
      return ''
  }
}

/**
 * Kubernetes' `$(VAR)` expansion (third_party/forked/golang/expansion): a defined name is replaced,
 * an unknown one stays as written, `$$` is one `$`, and a `$` that starts nothing stays.
 */
export function expandReferences(
  input: string,
  lookup: (name: string) => string | undefined,
): string {
  let out = ''
  for (let i = 0; i < input.length; i++) {
    const c = input[i]
    if (c !== '$' || i + 1 >= input.length) {
      out += c
      continue
    }
    const next = input[i + 1]
    if (next === '$') {
      out += '$'
      i += 1
    } else if (next === '(' && input.indexOf(')', i + 2) !== -1) {
      const end = input.indexOf(')', i + 2)
      const name = input.slice(i + 2, end)
      out += lookup(name) ?? `$(${name})`
      i = end
    } else {
      out += `$${next}`
      i += 1
    }
  }
  return out
}
