// Ingress and IngressClass through the Kubernetes API, on both runtimes: discovery (legacy and
// aggregated), Tables, the protobuf body `kubectl create ingress` sends, the ingress-nginx
// webhook's warnings as `Warning: 299` headers and its denials as Status, OpenAPI v3.
import { describe, expect, it } from 'vitest'
import type { Fetch } from './client'
import { setup } from './kube-api-helpers'

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json'
const PROTOBUF = 'application/vnd.kubernetes.protobuf'

/** Protobuf fields: strings and messages length-delimited, numbers as varints. */
function msg(fields: [number, string | number | Uint8Array][]): Uint8Array {
  const out: number[] = []
  const varint = (n: number) => {
    for (; n >= 0x80; n = Math.floor(n / 128)) out.push((n & 0x7f) | 0x80)
    out.push(n)
  }
  for (const [n, v] of fields) {
    if (typeof v === 'number') {
      varint(n << 3)
      varint(v)
      continue
    }
    const bytes = typeof v === 'string' ? new TextEncoder().encode(v) : v
    varint((n << 3) | 2)
    varint(bytes.length)
    out.push(...bytes)
  }
  return new Uint8Array(out)
}

/** The Ingress kubectl create ingress web --rule=web.example/*=web:80 --class=nginx sends. */
function ingressBody(name: string, path: string, pathType: string): Uint8Array {
  const port = msg([[2, 80]])
  const backend = msg([
    [
      4,
      msg([
        [1, 'web'],
        [2, port],
      ]),
    ],
  ])
  const httpPath = msg([
    [1, path],
    [2, backend],
    [3, pathType],
  ])
  const rule = msg([
    [1, 'web.example'],
    [2, msg([[1, msg([[1, httpPath]])]])],
  ])
  const spec = msg([
    [3, rule],
    [4, 'nginx'],
  ])
  const ingress = msg([
    [1, msg([[1, name]])],
    [2, spec],
  ])
  const typeMeta = msg([
    [1, 'networking.k8s.io/v1'],
    [2, 'Ingress'],
  ])
  return new Uint8Array([
    0x6b,
    0x38,
    0x73,
    0x00,
    ...msg([
      [1, typeMeta],
      [2, ingress],
    ]),
  ])
}

const named = <T extends { name?: string; resource?: string }>(xs: T[], n: string) =>
  xs.find((x) => (x.name ?? x.resource) === n)

export function kubeApiIngressSuite(fetch: Fetch) {
  describe('kube-api: Ingress and IngressClass', () => {
    it('lists networking.k8s.io/v1 in legacy and aggregated discovery', async () => {
      const { kube } = await setup(fetch)
      const groups = (await kube.call('GET', '/apis')).body.groups.map(
        (g: { name: string }) => g.name,
      )
      expect(groups).toContain('networking.k8s.io')
      const list = (await kube.call('GET', '/apis/networking.k8s.io/v1')).body
      expect(list.groupVersion).toBe('networking.k8s.io/v1')
      expect(named(list.resources, 'ingresses')).toMatchObject({
        namespaced: true,
        kind: 'Ingress',
        shortNames: ['ing'],
        verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      })
      expect(named(list.resources, 'ingresses/status')).toMatchObject({ kind: 'Ingress' })
      expect(named(list.resources, 'ingressclasses')).toMatchObject({
        namespaced: false,
        kind: 'IngressClass',
      })
      const agg = await kube.call('GET', '/apis', {
        accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
      })
      const net = named(
        agg.body.items.map((g: { metadata: { name: string } }) => ({
          ...g,
          name: g.metadata.name,
        })),
        'networking.k8s.io',
      ) as { versions: { resources: { resource: string; scope: string }[] }[] }
      const rs = net.versions[0]!.resources
      expect(named(rs, 'ingresses')).toMatchObject({ scope: 'Namespaced', shortNames: ['ing'] })
      expect(named(rs, 'ingressclasses')).toMatchObject({ scope: 'Cluster' })
    })

    it('decodes the protobuf Ingress of kubectl create ingress and prints it as a Table', async () => {
      const { kube } = await setup(fetch)
      const r = await kube.call('POST', '/apis/networking.k8s.io/v1/namespaces/default/ingresses', {
        body: ingressBody('web', '/', 'Prefix'),
        type: PROTOBUF,
      })
      expect(r.status).toBe(201)
      expect(r.body.spec).toEqual({
        ingressClassName: 'nginx',
        rules: [
          {
            host: 'web.example',
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: 'web', port: { number: 80 } } },
                },
              ],
            },
          },
        ],
      })
      const t = await kube.call('GET', '/apis/networking.k8s.io/v1/namespaces/default/ingresses', {
        accept: TABLE,
      })
      expect(t.body.columnDefinitions.map((c: { name: string }) => c.name)).toEqual([
        'Name',
        'Class',
        'Hosts',
        'Address',
        'Ports',
        'Age',
      ])
      expect(t.body.rows[0].cells.slice(0, 3)).toEqual(['web', 'nginx', 'web.example'])
      const classes = await kube.call('GET', '/apis/networking.k8s.io/v1/ingressclasses', {
        accept: TABLE,
      })
      expect(classes.body.rows[0].cells.slice(0, 3)).toEqual([
        'nginx',
        'k8s.io/ingress-nginx',
        '<none>',
      ])
    })

    it('decodes a protobuf IngressClass with its parameters reference', async () => {
      const { kube } = await setup(fetch)
      const params = msg([
        [1, 'k8s.example.com'],
        [2, 'IngressParameters'],
        [3, 'external'],
        [4, 'Namespace'],
        [5, 'ingress-nginx'],
      ])
      const spec = msg([
        [1, 'example.com/other'],
        [2, params],
      ])
      const cls = msg([
        [1, msg([[1, 'other']])],
        [2, spec],
      ])
      const typeMeta = msg([
        [1, 'networking.k8s.io/v1'],
        [2, 'IngressClass'],
      ])
      const body = new Uint8Array([
        0x6b,
        0x38,
        0x73,
        0x00,
        ...msg([
          [1, typeMeta],
          [2, cls],
        ]),
      ])
      const r = await kube.call('POST', '/apis/networking.k8s.io/v1/ingressclasses', {
        body,
        type: PROTOBUF,
      })
      expect(r.status).toBe(201)
      expect(r.body.spec).toEqual({
        controller: 'example.com/other',
        parameters: {
          apiGroup: 'k8s.example.com',
          kind: 'IngressParameters',
          name: 'external',
          scope: 'Namespace',
          namespace: 'ingress-nginx',
        },
      })
    })

    it('sends the webhook warning as a Warning header and its denial as a Status', async () => {
      const { kube } = await setup(fetch)
      const r = await kube.call('POST', '/apis/networking.k8s.io/v1/namespaces/default/ingresses', {
        body: ingressBody('dotted', '/index.html', 'Exact'),
        type: PROTOBUF,
      })
      expect(r.status).toBe(400)
      expect(r.headers.get('warning')).toBe(
        '299 - "path /index.html cannot be used with pathType Exact"',
      )
      expect(r.body).toMatchObject({
        kind: 'Status',
        reason: 'BadRequest',
        message:
          'admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: ingress contains invalid paths: path /index.html cannot be used with pathType Exact',
      })
      const legacy = JSON.stringify({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'legacy', annotations: { 'kubernetes.io/ingress.class': 'nginx' } },
        spec: { defaultBackend: { service: { name: 'web', port: { number: 80 } } } },
      })
      const ok = await kube.call(
        'POST',
        '/apis/networking.k8s.io/v1/namespaces/default/ingresses',
        {
          body: legacy,
          type: 'application/json',
        },
      )
      expect(ok.status).toBe(201)
      expect(ok.headers.get('warning')).toBe(
        `299 - "annotation \\"kubernetes.io/ingress.class\\" is deprecated, please use 'spec.ingressClassName' instead"`,
      )
    })

    it('serves OpenAPI v3 for networking.k8s.io/v1 (explain, apply validation)', async () => {
      const { kube } = await setup(fetch)
      const root = (await kube.call('GET', '/openapi/v3')).body
      const url = root.paths['apis/networking.k8s.io/v1'].serverRelativeURL as string
      const doc = (await kube.call('GET', url.replace(kube.prefix, ''))).body
      expect(doc.components.schemas['io.k8s.api.networking.v1.Ingress']).toMatchObject({
        'x-kubernetes-group-version-kind': [
          { group: 'networking.k8s.io', kind: 'Ingress', version: 'v1' },
        ],
      })
      expect(
        doc.paths['/apis/networking.k8s.io/v1/namespaces/{namespace}/ingresses/{name}'].patch
          .parameters,
      ).toContainEqual(expect.objectContaining({ name: 'fieldValidation' }))
      expect(doc.paths['/apis/networking.k8s.io/v1/ingressclasses/{name}']).toBeDefined()
    })
  })
}
