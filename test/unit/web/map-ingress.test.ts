// The map's Ingress boxes: one per Ingress with its rules, placed between Services and nodes,
// ignored ones marked, and a traced request lighting the rule it matched.
import { describe, expect, it } from 'vitest'
import { layoutMap } from '../../../web/src/lab/map-layout'
import { ingressActiveKeys } from '../../../web/src/lab/map-ingress'
import { tracePoints } from '../../../web/src/lab/trace-path'
import type { KubeObject, TraceEntry } from '../../../web/src/types'

const svc = (name: string, ns = 'default'): KubeObject => ({
  kind: 'Service',
  metadata: { name, namespace: ns },
  spec: { clusterIP: '10.96.1.1', ports: [{ port: 80 }] },
})
const rule = (host: string, path: string, service: string, pathType = 'Prefix') => ({
  host,
  http: {
    paths: [{ path, pathType, backend: { service: { name: service, port: { number: 80 } } } }],
  },
})
const ingress = (name: string, spec: Record<string, unknown>, ip?: string): KubeObject => ({
  kind: 'Ingress',
  metadata: { name, namespace: 'default' },
  spec,
  status: { loadBalancer: ip ? { ingress: [{ ip }] } : {} },
})

const objects: KubeObject[] = [
  { kind: 'Node', metadata: { name: 'lab-worker' }, status: { addresses: [] } },
  svc('blue'),
  svc('magic'),
  svc('ingress-nginx-controller', 'ingress-nginx'),
  svc('ingress-nginx-controller-admission', 'ingress-nginx'),
  {
    kind: 'IngressClass',
    metadata: { name: 'nginx' },
    spec: { controller: 'k8s.io/ingress-nginx' },
  },
  ingress(
    'hosts',
    {
      ingressClassName: 'nginx',
      rules: [rule('blue.example', '/', 'blue'), rule('magic.example', '/', 'magic', 'Exact')],
    },
    '172.18.255.200',
  ),
  ingress('apps', { rules: [rule('apps.example', '/hostname', 'blue')] }),
  ingress('other', { ingressClassName: 'traefik', rules: [rule('x.example', '/', 'blue')] }),
]

describe('Ingresses on the cluster map', () => {
  const layout = layoutMap(objects)

  it('draws one box per Ingress with its rules, between the Services and the nodes', () => {
    expect(layout.ingresses.map((i) => i.name)).toEqual(['apps', 'hosts', 'other'])
    const hosts = layout.ingresses.find((i) => i.name === 'hosts')
    expect(hosts?.status).toBe('class nginx · 172.18.255.200')
    expect(hosts?.rules.map((r) => r.text)).toEqual([
      'blue.example/ → blue:80',
      'magic.example/ (exact) → magic:80',
    ])
    const svcBottom = Math.max(...layout.services.map((s) => s.y + s.h))
    const nodeTop = Math.min(...layout.nodes.map((n) => n.y))
    for (const i of layout.ingresses) {
      expect(i.y).toBeGreaterThan(svcBottom)
      expect(i.y + i.h).toBeLessThan(nodeTop)
    }
  })

  it('marks Ingresses no controller serves', () => {
    const apps = layout.ingresses.find((i) => i.name === 'apps')
    expect(apps).toMatchObject({ ignored: true, status: 'no ingressClassName: ignored' })
    const other = layout.ingresses.find((i) => i.name === 'other')
    expect(other).toMatchObject({ ignored: true, status: 'class traefik: no controller serves it' })
  })

  it("leaves out the admission webhook's Service", () => {
    expect(layout.services.map((s) => s.name)).not.toContain('ingress-nginx-controller-admission')
  })

  it('puts the ingress hop of a trace on its Ingress and lights the matched rule', () => {
    const hop = {
      kind: 'ingress' as const,
      label: 'hosts: magic.example / (Exact) -> magic:80',
      object: { kind: 'Ingress', namespace: 'default', name: 'hosts' },
      ok: true,
      detail: 'spec.rules[1].http.paths[0]',
    }
    const entry: TraceEntry = {
      from: { kind: 'workstation' },
      request: 'GET http://172.18.255.200/',
      outcome: 'answered',
      hops: [{ kind: 'client', label: 'workstation', ok: true }, hop],
    }
    const box = layout.ingresses.find((i) => i.name === 'hosts')
    const point = tracePoints(entry, layout)[1]
    expect(point?.x).toBe((box?.x ?? 0) + (box?.w ?? 0) / 2)
    expect(ingressActiveKeys(hop)).toEqual(['ing:default/hosts', 'ingrule:default/hosts/1/0'])
  })
})
