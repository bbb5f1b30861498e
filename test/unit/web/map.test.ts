import { describe, expect, it } from 'vitest'
import { layoutMap } from '../../../web/src/lab/map-layout'
import { podStatus } from '../../../web/src/lab/pod-status'
import { tracePoints } from '../../../web/src/lab/trace-path'
import type { KubeObject, TraceEntry } from '../../../web/src/types'

const node = (name: string, ip: string): KubeObject => ({
  kind: 'Node',
  metadata: { name },
  status: { addresses: [{ type: 'InternalIP', address: ip }] },
})
const pod = (name: string, nodeName: string, ip: string, ready: boolean): KubeObject => ({
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { nodeName },
  status: {
    phase: 'Running',
    podIP: ip,
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
  },
})

const objects: KubeObject[] = [
  node('lab-control-plane', '172.18.0.2'),
  node('lab-worker', '172.18.0.3'),
  node('lab-worker2', '172.18.0.4'),
  pod('web-a', 'lab-worker', '10.244.1.2', true),
  pod('web-b', 'lab-worker2', '10.244.2.2', false),
  {
    kind: 'Pod',
    metadata: { name: 'coredns-1', namespace: 'kube-system' },
    spec: { nodeName: 'lab-control-plane' },
    status: { phase: 'Running' },
  },
  {
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default' },
    spec: { clusterIP: '10.96.0.1' },
  },
  {
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      type: 'NodePort',
      clusterIP: '10.96.5.5',
      ports: [{ port: 8080, targetPort: 80, nodePort: 30080 }],
    },
  },
  {
    kind: 'EndpointSlice',
    metadata: {
      name: 'web-x1',
      namespace: 'default',
      labels: { 'kubernetes.io/service-name': 'web' },
    },
    endpoints: [
      {
        addresses: ['10.244.1.2'],
        conditions: { ready: true },
        targetRef: { kind: 'Pod', name: 'web-a' },
      },
      {
        addresses: ['10.244.2.2'],
        conditions: { ready: false },
        targetRef: { kind: 'Pod', name: 'web-b' },
      },
    ],
  },
]

describe('layoutMap', () => {
  const layout = layoutMap(objects)

  it('puts user pods on their nodes and hides system objects', () => {
    expect(layout.nodes.map((n) => [n.name, n.pods.map((p) => p.name)])).toEqual([
      ['lab-control-plane', []],
      ['lab-worker', ['web-a']],
      ['lab-worker2', ['web-b']],
    ])
    expect(layout.services.map((s) => s.name)).toEqual(['web'])
  })

  it('describes Services and their endpoints from EndpointSlices', () => {
    const web = layout.services[0]
    expect(web?.lines).toEqual(['NodePort 10.96.5.5', 'port 8080→80', 'nodePort 30080'])
    expect(web?.endpoints).toEqual([
      { ip: '10.244.1.2', ready: true, podKey: 'default/web-a' },
      { ip: '10.244.2.2', ready: false, podKey: 'default/web-b' },
    ])
  })

  it('falls back to hand-written Endpoints, marking addresses no pod has', () => {
    const manual = [
      ...objects.filter((o) => o.kind !== 'EndpointSlice'),
      {
        kind: 'Endpoints',
        metadata: { name: 'web', namespace: 'default' },
        subsets: [{ addresses: [{ ip: '10.244.1.2' }, { ip: '10.244.1.99' }] }],
      },
    ] as KubeObject[]
    expect(layoutMap(manual).services[0]?.endpoints).toEqual([
      { ip: '10.244.1.2', ready: true, podKey: 'default/web-a' },
      { ip: '10.244.1.99', ready: true, podKey: undefined },
    ])
  })
})

describe('podStatus', () => {
  it('says what kubectl says and flags pods still settling', () => {
    expect(podStatus(objects[3] as KubeObject)).toEqual({
      text: 'Running',
      tone: 'ok',
      settling: false,
    })
    expect(podStatus(objects[4] as KubeObject).text).toBe('Running, not ready')
    const pulling: KubeObject = {
      kind: 'Pod',
      metadata: { name: 'x' },
      status: {
        phase: 'Pending',
        containerStatuses: [{ state: { waiting: { reason: 'ImagePullBackOff' } } }],
      },
    }
    expect(podStatus(pulling)).toEqual({ text: 'ImagePullBackOff', tone: 'bad', settling: false })
    expect(
      podStatus({ ...pulling, metadata: { name: 'x', deletionTimestamp: '2026-01-01T00:00:00Z' } })
        .text,
    ).toBe('Terminating')
  })
})

describe('tracePoints', () => {
  it('places each hop on the box it concerns', () => {
    const layout = layoutMap(objects)
    const entry: TraceEntry = {
      from: { kind: 'pod', namespace: 'default', name: 'web-b' },
      request: 'GET http://web:8080/',
      outcome: 'answered',
      hops: [
        { kind: 'client', label: 'web-b', ok: true },
        { kind: 'dns', label: 'web -> 10.96.5.5', ok: true },
        {
          kind: 'service',
          label: 'web 10.96.5.5:8080',
          object: { kind: 'Service', namespace: 'default', name: 'web' },
          ok: true,
        },
        {
          kind: 'pod',
          label: 'web-a (10.244.1.2:80)',
          object: { kind: 'Pod', namespace: 'default', name: 'web-a' },
          ok: true,
        },
      ],
    }
    const centre = (b: { x: number; y: number; w: number; h: number }) => ({
      x: b.x + b.w / 2,
      y: b.y + b.h / 2,
    })
    const pts = tracePoints(entry, layout).map(({ x, y }) => ({ x, y }))
    expect(pts).toEqual([
      centre(layout.pods.get('default/web-b')!),
      centre(layout.dns),
      centre(layout.services[0]!),
      centre(layout.pods.get('default/web-a')!),
    ])
  })
})
