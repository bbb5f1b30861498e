// N simulated learners at once against one server: each signs up, opens a lab cluster, applies the
// seed's manifests, installs curl in the access pod, then runs a mix of commands, every answer
// checked. The floor (GET /api/me: one authenticated read) is measured in the same mix.
import { SEED_SCENARIO } from './seed-scenario'

export interface Sample {
  kind: string
  ms: number
  ok: boolean
  statements: number
  rowsRead: number
  rowsWritten: number
}

interface Answer {
  status: number
  body: any
  sample: Omit<Sample, 'kind' | 'ok'>
}

function parseTiming(h: string | null) {
  const m = /statements=(\d+) rows_read=(\d+) rows_written=(\d+)/.exec(h ?? '')
  return { statements: Number(m?.[1] ?? 0), rowsRead: Number(m?.[2] ?? 0), rowsWritten: Number(m?.[3] ?? 0) }
}

export class Learner {
  cookie = ''
  constructor(
    readonly base: string,
    readonly samples: Sample[],
  ) {}

  async call(method: string, path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (this.cookie) headers.cookie = this.cookie
    const t = performance.now()
    const res = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const text = await res.text()
    const ms = performance.now() - t
    const set = res.headers.get('set-cookie')
    if (set) this.cookie = set.split(';')[0]!
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed, sample: { ms, ...parseTiming(res.headers.get('server-timing')) } }
  }

  /** The same signed-in learner, recording into other samples. */
  into(samples: Sample[]): Learner {
    const l = new Learner(this.base, samples)
    l.cookie = this.cookie
    return l
  }

  record(kind: string, a: Answer, ok: boolean) {
    this.samples.push({ kind, ok, ...a.sample })
  }

  /** `fields`: what else the request carries, e.g. the browser terminal's tab and size */
  async run(clusterId: string, kind: string, command: string, check: (b: any) => boolean, stdin?: string, fields: Record<string, unknown> = {}) {
    const body = stdin === undefined ? { command, ...fields } : { command, stdin, ...fields }
    const a = await this.call('POST', `/api/clusters/${clusterId}/run`, body)
    const ok = a.status === 200 && check(a.body)
    this.record(kind, a, ok)
    return a
  }

  /** Signs up as a new learner named `name`; `tag` starts the (unique) email address. */
  signup(tag: string, name: string): Promise<Answer> {
    const email = `${tag}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`
    return this.call('POST', '/api/auth/signup', { email, password: 'bench password', name })
  }

  /** The learner's cluster of a lab (created by the first call). */
  async openCluster(labId = 'playground'): Promise<string> {
    const open = await this.call('POST', `/api/labs/${labId}/cluster`)
    if (open.status !== 200) throw new Error(`open cluster: ${open.status}`)
    return open.body.cluster.id as string
  }

  /** The cluster's kubeconfig (a new token). */
  async kubeconfig(clusterId: string): Promise<string> {
    return (await this.call('GET', `/api/clusters/${clusterId}/kubeconfig`)).body as string
  }

  /**
   * The seed's cluster ready for the measured mix: its manifests applied, its pods started, curl
   * installed in the access pod; samples recorded under `kinds` (each step `setup` by default).
   */
  async seed(id: string, o: { kinds?: { apply: string; get: string; exec: string }; fields?: Record<string, unknown> } = {}) {
    const k = o.kinds ?? { apply: 'setup', get: 'setup', exec: 'setup' }
    await this.run(id, k.apply, 'kubectl apply -f -', (b) => ok0(b) && b.stdout.includes('service/my-blue-service created'), SEED_SCENARIO, o.fields)
    for (let i = 0; i < 60; i++) {
      const a = await this.run(id, k.get, 'kubectl get pods', (b) => ok0(b) && b.stdout.includes('NAME'), undefined, o.fields)
      if (!/ContainerCreating|Pending/.test(a.body.stdout ?? '')) break
      await new Promise((r) => setTimeout(r, 500))
    }
    await this.run(id, k.exec, 'kubectl exec access-pod -- apt-get update', ok0, undefined, o.fields)
    await this.run(id, k.exec, 'kubectl exec access-pod -- apt-get install -y curl', ok0, undefined, o.fields)
  }
}

const ok0 = (b: any) => b.exitCode === 0

export async function learnerFlow(base: string, samples: Sample[], index: number, rounds: number) {
  const l = new Learner(base, samples)
  const signup = await l.signup(`bench-${index}`, `Learner ${index}`)
  l.record('signup', signup, signup.status === 201)
  const open = await l.call('POST', '/api/labs/playground/cluster')
  l.record('open cluster', open, open.status === 200)
  const id = open.body.cluster.id as string
  await l.seed(id, { kinds: { apply: 'apply', get: 'get', exec: 'exec apt-get' } })
  for (let r = 0; r < rounds; r++) {
    const me = await l.call('GET', '/api/me')
    l.record('floor: GET /api/me', me, me.status === 200 && me.body.user?.name === `Learner ${index}`)
    await l.run(id, 'get', 'kubectl get pods -o wide', (b) => ok0(b) && b.stdout.includes('access-pod'))
    await l.run(id, 'exec curl', 'kubectl exec access-pod -- curl -s my-blue-service:8080', (b) => ok0(b) && /<html|nginx/i.test(b.stdout))
    await l.run(id, 'scale', `kubectl scale deployment nginx-deployment-3 --replicas=${1 + (r % 2)}`, (b) => ok0(b) && b.stdout === 'deployment.apps/nginx-deployment-3 scaled\n')
    await l.run(id, 'describe', 'kubectl describe service my-blue-service', (b) => ok0(b) && b.stdout.startsWith('Name:'))
  }
}

/**
 * Opening fresh lab clusters on a quiet server: a few learners (signed up first) each open every
 * lab once, one request at a time, so the figure is the cost of building and storing a starting
 * cluster, not of waiting behind 50 password hashes.
 */
export async function openFresh(base: string, learners: number, labIds: string[]): Promise<Sample[]> {
  const samples: Sample[] = []
  const people: Learner[] = []
  for (let i = 0; i < learners; i++) {
    const l = new Learner(base, samples)
    const r = await l.signup(`fresh-${i}`, `Fresh ${i}`)
    if (r.status !== 201) throw new Error(`signup failed: ${r.status}`)
    people.push(l)
  }
  for (const l of people) {
    for (const lab of labIds) {
      const open = await l.call('POST', `/api/labs/${lab}/cluster`)
      l.record('open fresh cluster (quiet server)', open, open.status === 200 && open.body.cluster.labId === lab)
    }
  }
  return samples
}

export async function loadTest(base: string, learners: number, rounds: number) {
  const samples: Sample[] = []
  const t = performance.now()
  const results = await Promise.allSettled(Array.from({ length: learners }, (_, i) => learnerFlow(base, samples, i, rounds)))
  const seconds = (performance.now() - t) / 1000
  const failures = results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))
  return { samples, seconds, failures }
}
