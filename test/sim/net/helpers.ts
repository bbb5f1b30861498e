import type { HttpRequest, Origin, RouteResult } from '../../../worker/sim/net/types'

export function origin(from: string): Origin {
  if (from === 'ws') return { kind: 'workstation' }
  if (from.startsWith('node:')) return { kind: 'node', name: from.slice(5) }
  const ref = from.slice(4)
  const [ns, name] = ref.includes('/') ? ref.split('/') : ['default', ref]
  return { kind: 'pod', namespace: ns as string, name: name as string }
}

export function request(url: string): HttpRequest {
  const m = /^(https?):\/\/([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url)
  if (!m) throw new Error(`bad url ${url}`)
  const scheme = m[1] as 'http' | 'https'
  return {
    scheme,
    host: m[2] as string,
    port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80,
    method: 'GET',
    path: m[4] ?? '/',
    headers: { Host: m[2] as string, 'User-Agent': 'curl/8.11.1', Accept: '*/*' },
  }
}

/** `pod <name>:<port>`, `apiserver <status>`, `refused`, `timeout`, `nxdomain`. */
export function summary(r: RouteResult): string {
  if (r.outcome === 'answered' && r.pod) return `pod ${r.pod.name}:${r.pod.port}`
  if (r.outcome === 'answered') return `apiserver ${r.response?.status}`
  return r.outcome
}
