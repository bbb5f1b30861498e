// A read-only Kubernetes API over a ClusterState, just enough for the real kubectl 1.32 client to
// run `get -o ...` and `describe` against it (legacy discovery, GET, LIST with label and field
// selectors). Tests use it to compare our client-side printers with kubectl's, byte for byte.

import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { RESOURCES, type Kind } from '../../worker/sim/objects/resources'
import type { KubeObject } from '../../worker/sim/objects/types'
import { listObjects, type ClusterState } from '../../worker/sim/state'
import {
  matchesRequirements,
  parseLabelSelector,
} from '../../worker/sim/kubectl/printers/label-selector'
import { TABLES } from '../../worker/sim/kubectl/printers/tables'
import schemas from '../../worker/sim/kubectl/explain/schemas.json'

/**
 * OpenAPI v3 of one group/version from our explain schemas (refs made absolute again), with the
 * resource paths whose GET names the GVK: kubectl explain finds a resource's schema through them.
 */
function openapi(groupVersion: string) {
  const withRefs = JSON.parse(
    JSON.stringify(schemas).replace(/"\$ref":"/g, '"$ref":"#/components/schemas/'),
  ) as Record<string, Record<string, unknown>>
  const paths: Record<string, unknown> = {}
  for (const r of Object.values(RESOURCES)) {
    const gv = r.group ? `${r.group}/${r.version}` : r.version
    if (gv !== groupVersion) continue
    const gvk = { group: r.group, kind: r.kind, version: r.version }
    const pkg = r.group ? r.group.split('.')[0] : 'core'
    const schema = withRefs[`io.k8s.api.${pkg}.${r.version}.${r.kind}`]
    if (schema) schema['x-kubernetes-group-version-kind'] = [gvk]
    const prefix = r.group ? `/apis/${gv}` : '/api/v1'
    const path = r.namespaced
      ? `${prefix}/namespaces/{namespace}/${r.plural}`
      : `${prefix}/${r.plural}`
    paths[`${path}/{name}`] = { get: { 'x-kubernetes-group-version-kind': gvk } }
    paths[path] = { get: { 'x-kubernetes-group-version-kind': gvk } }
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.1' },
    paths,
    components: { schemas: withRefs },
  }
}

/**
 * A server-side Table (meta.k8s.io/v1) of our own row cells, as the API server answers kubectl's
 * `Accept: ...;as=Table` for human output: the real kubectl then only lays the cells out.
 */
function table(kind: Kind, objs: KubeObject[], rv: number) {
  const def = TABLES[kind]
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: String(rv) },
    columnDefinitions: def.columns.map((c, i) => ({
      name: c.name,
      type: 'string',
      format: i === 0 ? 'name' : '',
      description: '',
      priority: c.priority,
    })),
    rows: objs.map((o) => ({
      cells: def.row(o, Date.now()),
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
    })),
  }
}

interface Res {
  kind: string
  plural: string
  singular: string
  namespaced: boolean
  group: string
  short: string[]
}

const EXTRA: Res[] = [
  {
    kind: 'Lease',
    plural: 'leases',
    singular: 'lease',
    namespaced: true,
    group: 'coordination.k8s.io',
    short: [],
  },
  {
    kind: 'ResourceQuota',
    plural: 'resourcequotas',
    singular: 'resourcequota',
    namespaced: true,
    group: '',
    short: ['quota'],
  },
  {
    kind: 'LimitRange',
    plural: 'limitranges',
    singular: 'limitrange',
    namespaced: true,
    group: '',
    short: ['limits'],
  },
]

const ALL: Res[] = [
  ...Object.values(RESOURCES).map((r) => ({
    kind: r.kind,
    plural: r.plural,
    singular: r.singular,
    namespaced: r.namespaced,
    group: r.group,
    short: r.shortNames,
  })),
  ...EXTRA,
]

function discovery(group: string) {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/v1` : 'v1',
    resources: ALL.filter((r) => r.group === group).map((r) => ({
      name: r.plural,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: ['get', 'list'],
      ...(r.short.length ? { shortNames: r.short } : {}),
      ...(['Pod', 'Service', 'Deployment', 'ReplicaSet'].includes(r.kind)
        ? { categories: ['all'] }
        : {}),
    })),
  }
}

function dig(obj: unknown, path: string): string {
  let cur: unknown = obj
  for (const p of path.split('.'))
    cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined
  return cur === undefined || cur === null ? '' : String(cur)
}

function fieldMatch(obj: KubeObject, sel: string): boolean {
  return sel
    .split(',')
    .filter(Boolean)
    .every((term) => {
      const m = /^(.*?)(!=|==|=)(.*)$/.exec(term)
      if (!m) return true
      const v = dig(obj, m[1] ?? '')
      return m[2] === '!=' ? v !== m[3] : v === m[3]
    })
}

/** Serves `s` (plus the per-node Leases `leases` gives) until close() is called. */
export async function startFakeApiServer(
  s: ClusterState,
  leases: (node: string) => unknown,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    const p = url.pathname
    if (p === '/api')
      return send(200, {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }],
      })
    if (p === '/apis') {
      const groups = ['apps', 'discovery.k8s.io', 'networking.k8s.io', 'coordination.k8s.io'].map(
        (g) => ({
          name: g,
          versions: [{ groupVersion: `${g}/v1`, version: 'v1' }],
          preferredVersion: { groupVersion: `${g}/v1`, version: 'v1' },
        }),
      )
      return send(200, { kind: 'APIGroupList', apiVersion: 'v1', groups })
    }
    if (p === '/openapi/v3') {
      const gvs = ['v1', ...['apps', 'discovery.k8s.io', 'networking.k8s.io'].map((g) => `${g}/v1`)]
      const paths = Object.fromEntries(
        gvs.map((gv) => {
          const key = gv === 'v1' ? 'api/v1' : `apis/${gv}`
          return [key, { serverRelativeURL: `/openapi/v3/${key}?hash=0` }]
        }),
      )
      return send(200, { paths })
    }
    const oa = /^\/openapi\/v3\/(?:api\/(v1)|apis\/(.+))$/.exec(p)
    if (oa) return send(200, openapi(oa[1] ?? oa[2] ?? ''))
    if (p === '/api/v1') return send(200, discovery(''))
    const g = /^\/apis\/([^/]+)\/v1$/.exec(p)
    if (g) return send(200, discovery(g[1] ?? ''))
    const m = /^\/(?:api|apis\/([^/]+))\/v1(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(
      p,
    )
    if (!m)
      return send(404, {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        code: 404,
      })
    const [, , ns, plural, name] = m
    const r = ALL.find((x) => x.plural === plural)
    if (!r)
      return send(404, {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        reason: 'NotFound',
        code: 404,
        message: 'not found',
      })
    const apiVersion = r.group ? `${r.group}/v1` : 'v1'
    if (r.kind === 'Lease')
      return name
        ? send(200, leases(name))
        : send(200, { kind: 'LeaseList', apiVersion, metadata: {}, items: [] })
    const objs =
      r.kind in RESOURCES ? listObjects(s, r.kind as Kind, r.namespaced ? ns : undefined) : []
    const asTable = (req.headers.accept ?? '').includes('as=Table') && r.kind in RESOURCES
    if (name) {
      const obj = objs.find((o) => o.metadata.name === name)
      if (obj) return send(200, asTable ? table(r.kind as Kind, [obj], s.rv) : obj)
      return send(404, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `${r.group ? `${plural}.${r.group}` : plural} "${name}" not found`,
        reason: 'NotFound',
        details: { name, ...(r.group ? { group: r.group } : {}), kind: plural },
        code: 404,
      })
    }
    const labels = parseLabelSelector(url.searchParams.get('labelSelector') ?? '')
    const fields = url.searchParams.get('fieldSelector') ?? ''
    const items = objs.filter(
      (o) =>
        ('error' in labels ? false : matchesRequirements(labels.requirements, o.metadata.labels)) &&
        fieldMatch(o, fields),
    )
    if (asTable) return send(200, table(r.kind as Kind, items, s.rv))
    return send(200, {
      kind: `${r.kind}List`,
      apiVersion,
      metadata: { resourceVersion: String(s.rv) },
      items,
    })
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  }
}
