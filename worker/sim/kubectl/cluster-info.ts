// `kubectl cluster-info` (kubectl pkg/cmd/clusterinfo/clusterinfo.go, no colours in 1.32): the API
// server URL, then every Service labelled kubernetes.io/cluster-service=true in kube-system
// (CoreDNS on kind) as an API-server proxy link. `dump` is not simulated.

import type { ProcessResult } from '../context'
import type { Service } from '../objects/types'
import { listObjects } from '../state'
import type { Invocation } from './invocation'
import { clientError } from './errors'
import { SERVER } from './kubeconfig'

function link(svc: Service): string {
  const ingress = svc.status?.loadBalancer?.ingress?.[0]
  if (ingress)
    return (svc.spec.ports ?? [])
      .map((p) => `http://${ingress.ip || ingress.hostname}:${p.port} `)
      .join('')
  let name = svc.metadata.name
  const port = svc.spec.ports?.[0]
  if (port) {
    const scheme = port.name === 'https' || port.port === 443 ? 'https' : ''
    if (scheme) name = `${scheme}:${name}:${port.name ?? ''}`
    else if (port.name) name = `${name}:${port.name}`
  }
  return `${SERVER}/api/v1/namespaces/${svc.metadata.namespace}/services/${name}/proxy`
}

/** `kubectl cluster-info`. */
export function clusterInfoVerb(inv: Invocation): ProcessResult {
  if (inv.args[0] === 'dump')
    return clientError(
      'cluster-info dump is not supported in this lab terminal: use kubectl get and describe',
    )
  const ns = inv.namespaceGiven ? inv.namespace : 'kube-system'
  let out = `Kubernetes control plane is running at ${SERVER}\n`
  for (const svc of listObjects<Service>(inv.ctx.s, 'Service', ns)) {
    if ((svc.metadata.labels ?? {})['kubernetes.io/cluster-service'] !== 'true') continue
    const name = (svc.metadata.labels ?? {})['kubernetes.io/name'] || svc.metadata.name
    out += `${name} is running at ${link(svc)}\n`
  }
  out += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n"
  return { stdout: out, stderr: '', exitCode: 0 }
}
