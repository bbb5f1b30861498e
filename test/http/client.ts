// A tiny API client for tests: keeps one user's cookie, sends JSON like the web front end does.
export type Fetch = (req: Request) => Promise<Response>

export const ORIGIN = 'http://lab.test'

export interface Answer {
  status: number
  headers: Headers
  body: any
}

export class Client {
  cookie = ''
  constructor(readonly fetch: Fetch) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const h: Record<string, string> = { ...headers }
    if (this.cookie) h.cookie = this.cookie
    let payload: string | undefined
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body)
      h['content-type'] ??= 'application/json'
    }
    const res = await this.fetch(new Request(ORIGIN + path, { method, headers: h, body: payload }))
    const set = res.headers.get('set-cookie')
    if (set) {
      const pair = set.split(';')[0]!
      this.cookie = pair.endsWith('=') ? '' : pair
    }
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      parsed = text
    }
    return { status: res.status, headers: res.headers, body: parsed }
  }

  get(path: string) {
    return this.call('GET', path)
  }
  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.call('POST', path, body, headers)
  }

  async signup(name = 'Ada Learner', extra: Record<string, unknown> = {}) {
    const email = `user-${crypto.randomUUID()}@example.com`
    const r = await this.post('/api/auth/signup', { email, password: 'correct horse battery', name, ...extra })
    return { ...r, email, password: 'correct horse battery' }
  }

  async openCluster(labId = 'playground'): Promise<string> {
    const r = await this.post(`/api/labs/${labId}/cluster`)
    if (r.status !== 200) throw new Error(`open cluster: ${r.status} ${JSON.stringify(r.body)}`)
    return r.body.cluster.id
  }

  run(clusterId: string, command: string, stdin?: string) {
    return this.post(`/api/clusters/${clusterId}/run`, stdin === undefined ? { command } : { command, stdin })
  }
}
