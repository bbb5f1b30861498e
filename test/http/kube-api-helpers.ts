// Helpers of the Kubernetes API suites: a learner with a cluster and its kubeconfig, a client for
// `/k8s/clusters/<id>` with the token, a Deployment body, a small protobuf encoder.
import { expect } from 'vitest'
import { parse } from 'yaml'
import { Client, ORIGIN, type Fetch } from './client'

export interface Kube {
  server: string
  token: string
  prefix: string
  call(
    method: string,
    path: string,
    o?: { body?: string | Uint8Array; type?: string; accept?: string; auth?: boolean },
  ): Promise<{ status: number; body: any; headers: Headers }>
}

export async function kubeconfigOf(c: Client, clusterId: string) {
  const r = await c.get(`/api/clusters/${clusterId}/kubeconfig`)
  expect(r.status).toBe(200)
  return { text: r.body as string, doc: parse(r.body as string), headers: r.headers }
}

export function kubeFor(fetch: Fetch, server: string, token: string): Kube {
  const prefix = new URL(server).pathname.replace(/\/key\/[^/]+$/, '')
  return {
    server,
    token,
    prefix,
    async call(method, path, o = {}) {
      const headers: Record<string, string> = { accept: o.accept ?? 'application/json' }
      if (o.type) headers['content-type'] = o.type
      if (o.auth !== false) headers.authorization = `Bearer ${token}`
      const res = await fetch(
        new Request(ORIGIN + prefix + path, {
          method,
          headers,
          body: o.body as BodyInit | undefined,
        }),
      )
      const text = await res.text()
      let body: unknown = text
      try {
        body = JSON.parse(text)
      } catch {
        body = text
      }
      return { status: res.status, body, headers: res.headers }
    },
  }
}

export async function setup(fetch: Fetch, lab = 'playground') {
  const c = new Client(fetch)
  await c.signup()
  const id = await c.openCluster(lab)
  const kc = await kubeconfigOf(c, id)
  const user = kc.doc.users[0].user
  return { c, id, kc, kube: kubeFor(fetch, kc.doc.clusters[0].cluster.server, user.token) }
}

export const DEPLOYMENT = (name: string, replicas = 2) =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, creationTimestamp: null },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
      },
    },
    status: {},
  })

/** A protobuf varint/length-delimited encoder, enough to frame a Namespace as kubectl does. */
export function pb(fields: [number, string | Uint8Array][]): Uint8Array {
  const out: number[] = []
  for (const [n, v] of fields) {
    const bytes = typeof v === 'string' ? new TextEncoder().encode(v) : v
    out.push((n << 3) | 2, bytes.length, ...bytes)
  }
  return new Uint8Array(out)
}
