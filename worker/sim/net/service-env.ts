// Service environment variables the kubelet injects at container start
// (pkg/kubelet/kubelet_pods.go getServiceEnvVarMap + pkg/kubelet/envvars/envvars.go FromServices).
// Only Services that existed when the pod was created count: the variables never change afterwards.

import type { Pod, Service } from '../objects/types'
import { objectsOfKind, parseTimestamp, type ClusterState } from '../state'

/** `my-service` -> `MY_SERVICE` (envvars.go makeEnvVariableName). */
export function envVariableName(name: string): string {
  return name.replace(/-/g, '_').toUpperCase()
}

/**
 * The `<SVC>_SERVICE_HOST`, `_SERVICE_PORT[_<NAME>]`, `_PORT[_<n>_TCP[_PROTO|_PORT|_ADDR]]` variables
 * for the pod's namespace (when enableServiceLinks is not false) plus `kubernetes` from default,
 * sorted by Service name. Headless and ExternalName Services give none.
 */
export function serviceEnv(s: ClusterState, pod: Pod): Record<string, string> {
  const ns = pod.metadata.namespace ?? 'default'
  const links = pod.spec?.enableServiceLinks !== false
  const born = parseTimestamp(pod.metadata.creationTimestamp)
  const chosen = new Map<string, Service>()
  for (const svc of objectsOfKind<Service>(s, 'Service')) {
    if (!hasClusterIP(svc)) continue
    if (parseTimestamp(svc.metadata.creationTimestamp) > born) continue
    const name = svc.metadata.name
    if (svc.metadata.namespace === 'default' && name === 'kubernetes') {
      if (!chosen.has(name)) chosen.set(name, svc)
    } else if (svc.metadata.namespace === ns && links) {
      chosen.set(name, svc)
    }
  }
  const out: Record<string, string> = {}
  for (const name of [...chosen.keys()].sort()) {
    const svc = chosen.get(name)
    if (svc) addServiceVars(out, svc)
  }
  return out
}

function hasClusterIP(svc: Service): boolean {
  const ip = svc.spec?.clusterIP
  return ip !== undefined && ip !== '' && ip !== 'None' && svc.spec.type !== 'ExternalName'
}

function addServiceVars(out: Record<string, string>, svc: Service): void {
  const prefix = envVariableName(svc.metadata.name)
  const ip = svc.spec.clusterIP ?? ''
  const ports = svc.spec.ports ?? []
  const first = ports[0]
  if (!first) return
  out[`${prefix}_SERVICE_HOST`] = ip
  out[`${prefix}_SERVICE_PORT`] = String(first.port)
  for (const sp of ports)
    if (sp.name) out[`${prefix}_SERVICE_PORT_${envVariableName(sp.name)}`] = String(sp.port)
  ports.forEach((sp, i) => {
    const proto = (sp.protocol ?? 'TCP').toLowerCase()
    const url = `${proto}://${ip}:${sp.port}`
    if (i === 0) out[`${prefix}_PORT`] = url
    const pp = `${prefix}_PORT_${sp.port}_${proto.toUpperCase()}`
    out[pp] = url
    out[`${pp}_PROTO`] = proto
    out[`${pp}_PORT`] = String(sp.port)
    out[`${pp}_ADDR`] = ip
  })
}
