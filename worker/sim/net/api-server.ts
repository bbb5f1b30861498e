// What kube-apiserver answers a client inside the cluster that has no credentials
// (`curl -k https://kubernetes`): 403 Status for anonymous, `ok` on the health endpoints
// (system:public-info-viewer), and Go's canned 400 for plain HTTP on its TLS port.
// Leaves out authentication with tokens and every real API response.

import type { HttpRequest, HttpResponse } from './types'
import { httpDate } from './images'

/** Go net/http's answer when a plain HTTP request reaches a TLS listener (server.go). */
export const PLAIN_HTTP_TO_TLS: HttpResponse = {
  status: 400,
  reason: 'Bad Request',
  headers: [],
  body: 'Client sent an HTTP request to an HTTPS server.\n',
}

/** kube-apiserver's answer to `req` arriving over TLS (HTTP/2: lower-case header names). */
export function apiServerAnswer(req: HttpRequest, now: number): HttpResponse {
  if (req.scheme !== 'https') return PLAIN_HTTP_TO_TLS
  const path = req.path.split('?')[0] ?? '/'
  if (path === '/healthz' || path === '/livez' || path === '/readyz') {
    return {
      status: 200,
      reason: 'OK',
      headers: headers(now, 'text/plain; charset=utf-8', 2),
      body: 'ok',
    }
  }
  const user =
    req.headers.authorization || req.headers.Authorization
      ? 'system:serviceaccount:default:default'
      : 'system:anonymous'
  const body = forbidden(user, (req.method || 'GET').toUpperCase(), path)
  return {
    status: 403,
    reason: 'Forbidden',
    headers: headers(now, 'application/json', body.length),
    body,
  }
}

function headers(now: number, type: string, length: number): [string, string][] {
  const id = auditId(now)
  return [
    ['audit-id', id],
    ['cache-control', 'no-cache, private'],
    ['content-type', type],
    ['x-content-type-options', 'nosniff'],
    ['x-kubernetes-pf-flowschema-uid', 'c1b5a5b6-6c1e-4b27-9a3f-2c4f0d6b8e11'],
    ['x-kubernetes-pf-prioritylevel-uid', '7e2f4a90-3d5b-4c8e-b1a6-9f0e2d4c6a83'],
    ['date', httpDate(now)],
    ['content-length', String(length)],
  ]
}

/** A per-request id that looks like the apiserver's UUID, derived from the time (no randomness drawn). */
function auditId(now: number): string {
  let h = (now ^ 0x5bd1e995) >>> 0
  let hex = ''
  while (hex.length < 32) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0
    hex += h.toString(16).padStart(8, '0')
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

const VERBS: Record<string, string> = {
  GET: 'get',
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
}

function forbidden(user: string, method: string, path: string): string {
  const verb = VERBS[method] ?? method.toLowerCase()
  const m = /^\/api\/v1\/(?:namespaces\/([^/]+)\/)?([a-z]+)(?:\/([^/]+))?$/.exec(path)
  let message = `forbidden: User "${user}" cannot ${verb} path "${path}"`
  let details: Record<string, string> = {}
  if (m) {
    const [, ns, resource = '', name] = m
    const action = name ? verb : verb === 'get' ? 'list' : verb
    const scope = ns ? `in the namespace "${ns}"` : 'at the cluster scope'
    const subject = name ? `${resource} "${name}"` : resource
    message = `${subject} is forbidden: User "${user}" cannot ${action} resource "${resource}" in API group "" ${scope}`
    details = name ? { name, kind: resource } : { kind: resource }
  }
  const status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'Forbidden',
    details,
    code: 403,
  }
  return JSON.stringify(status, null, 2) + '\n'
}
