// A small cluster for API-server tests: the four namespaces and the two system Services.
import { emptyState, putObject, type ClusterState } from '../../../worker/sim/state'
import type { KubeObject } from '../../../worker/sim/objects/types'
import { parseManifests } from '../../../worker/sim/objects/manifest-parse'

export const NOW = Date.parse('2026-11-26T06:00:00Z')

export function newState(seed = 42): ClusterState {
  const s = emptyState(seed, NOW)
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease'])
    putObject(s, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name,
        uid: `ns-${name}`,
        resourceVersion: '',
        creationTimestamp: '2026-11-26T05:00:00Z',
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    } as KubeObject)
  const svc = (ns: string, name: string, ip: string, port: number) =>
    putObject(s, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name,
        namespace: ns,
        uid: `svc-${name}`,
        resourceVersion: '',
        creationTimestamp: '2026-11-26T05:00:00Z',
      },
      spec: {
        type: 'ClusterIP',
        clusterIP: ip,
        clusterIPs: [ip],
        ports: [{ port, protocol: 'TCP', targetPort: port }],
      },
      status: { loadBalancer: {} },
    } as KubeObject)
  svc('default', 'kubernetes', '10.96.0.1', 443)
  svc('kube-system', 'kube-dns', '10.96.0.10', 53)
  return s
}

/** The first object of a YAML manifest (throws on a parse error: test input is ours). */
export function y(text: string): unknown {
  const r = parseManifests(text, 'STDIN')
  if (r.error || r.objects.length !== 1)
    throw new Error(`bad test manifest: ${r.error ?? r.objects.length}`)
  return r.objects[0]
}
