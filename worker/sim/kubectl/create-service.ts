// `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME` (kubectl
// pkg/cmd/create/create_service.go, KUBERNETES-FACTS T17): selector and labels `app=<name>`, each
// `--tcp=port[:target]` becomes a TCP port named after the spec with `:` turned into `-`.

import type { ProcessResult } from '../context'
import type { KubeObject } from '../objects/types'
import type { Invocation, Verb } from './invocation'
import { isDNS1123Subdomain, isValidPortName } from '../objects/names'
import { clientError } from './errors'
import { nameFromArgs } from './create-deployment'
import { submitGenerated } from './generated'

const TYPES: Record<string, string> = {
  clusterip: 'ClusterIP',
  nodeport: 'NodePort',
  loadbalancer: 'LoadBalancer',
  externalname: 'ExternalName',
}

/** utilsnet.ParsePort(s, allowZero=true): strconv.ParseUint(s, 10, 16) and its error texts. */
export function parsePortNumber(s: string): number | string {
  if (!/^\d+$/.test(s)) return `strconv.ParseUint: parsing "${s}": invalid syntax`
  const n = Number(s)
  if (n > 65535) return `strconv.ParseUint: parsing "${s}": value out of range`
  return n
}

function parseTcp(spec: string): { port: number; targetPort: number | string } | string {
  const parts = spec.split(':')
  const port = parsePortNumber(parts[0] as string)
  if (typeof port === 'string') return port
  if (parts.length === 1) return { port, targetPort: port }
  const target = parts[1] as string
  if (!/^[-+]?\d+$/.test(target)) {
    const errs = isValidPortName(target)
    return errs.length > 0 ? errs.join(',') : { port, targetPort: target }
  }
  const n = Number(target)
  if (n < 1 || n > 65535) return 'must be between 1 and 65535, inclusive'
  return { port, targetPort: n }
}

function buildService(inv: Invocation, name: string, type: string): KubeObject | string {
  const ports: Record<string, unknown>[] = []
  const nodePort = inv.flags.int('node-port', 0)
  for (const spec of inv.flags.list('tcp')) {
    const p = parseTcp(spec)
    if (typeof p === 'string') return p
    const port: Record<string, unknown> = {
      name: spec.replace(/:/g, '-'),
      protocol: 'TCP',
      port: p.port,
      targetPort: p.targetPort,
    }
    if (nodePort !== 0) port.nodePort = nodePort
    ports.push(port)
  }
  const metadata: Record<string, unknown> = { name }
  if (inv.namespaceGiven) metadata.namespace = inv.namespace
  metadata.creationTimestamp = null
  metadata.labels = { app: name }
  const spec: Record<string, unknown> = {}
  if (ports.length > 0) spec.ports = ports
  spec.selector = { app: name }
  const clusterIP = inv.flags.str('clusterip')
  if (clusterIP) spec.clusterIP = clusterIP
  spec.type = type
  const externalName = inv.flags.str('external-name')
  if (externalName) spec.externalName = externalName
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata,
    spec,
    status: { loadBalancer: {} },
  } as unknown as KubeObject
}

/** One `create service <type>` subcommand. */
export function createServiceVerb(typeWord: string): Verb {
  const type = TYPES[typeWord] as string
  return (inv: Invocation): ProcessResult => {
    const name = nameFromArgs(inv)
    if (typeof name !== 'string') return name
    const clusterIP = inv.flags.str('clusterip')
    if (clusterIP === 'None' && type !== 'ClusterIP')
      return clientError('ClusterIP=None can only be used with ClusterIP service type')
    if (clusterIP !== 'None' && inv.flags.list('tcp').length === 0 && type !== 'ExternalName')
      return clientError('at least one tcp port specifier must be provided')
    const externalName = inv.flags.str('external-name')
    if (type === 'ExternalName' && isDNS1123Subdomain(externalName).length > 0)
      return clientError(`invalid service external name ${externalName}`)
    const svc = buildService(inv, name, type)
    if (typeof svc === 'string') return clientError(svc)
    return submitGenerated(inv, svc, {
      op: 'created',
      namespaced: true,
      wrap: (err) => `failed to create ${type} service: ${err.message}`,
    })
  }
}
