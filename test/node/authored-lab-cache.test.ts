// An authored lab is compiled once per isolate, not on each command of a learner who plays it
// (worker/labs/format/compiled-labs.ts), and an edited draft is still what the next command
// grades against: the cache is keyed by the source text. A Kubernetes API write that loses a race
// runs again on the fresh document without reading its lab again (kube-api/cluster-io.ts).
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { findAuthoredLab } from '../../worker/db/authored-labs'
import { storeRun } from '../../worker/db/clusters'
import { compileLab } from '../../worker/labs/format/compile'
import { Client } from '../http/client'
import { webLab } from '../http/authored-fixture'
import { kubeconfigOf, kubeFor } from '../http/kube-api-helpers'
import { nodeApp } from './node-app'

vi.mock('../../worker/labs/format/compile', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../worker/labs/format/compile')>()
  return { ...real, compileLab: vi.fn(real.compileLab) }
})
vi.mock('../../worker/db/authored-labs', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../worker/db/authored-labs')>()
  return { ...real, findAuthoredLab: vi.fn(real.findAuthoredLab) }
})
vi.mock('../../worker/db/clusters', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../worker/db/clusters')>()
  return { ...real, storeRun: vi.fn(real.storeRun) }
})

const INSTRUCTOR_CODE = 'cache-test-code'
const { app, migrate } = nodeApp({ instructorCode: INSTRUCTOR_CODE })
beforeAll(migrate)

const compiles = () => vi.mocked(compileLab).mock.calls.length
const labReads = () => vi.mocked(findAuthoredLab).mock.calls.length
const stores = () => vi.mocked(storeRun).mock.calls.length

async function authorWithLab(lab = webLab()) {
  const author = new Client(async (req) => app.fetch(req))
  await author.signup('Ada Author', { instructorCode: INSTRUCTOR_CODE })
  const made = await author.post('/api/authored-labs', lab)
  expect(made.status, JSON.stringify(made.body)).toBe(201)
  const labId = made.body.lab.id as string
  return { author, lab, labId, cluster: await author.openCluster(labId) }
}

describe('an authored lab played by its author', { timeout: 30_000 }, () => {
  it('is compiled once for many commands, and again only when its draft changes', async () => {
    const { author, lab, labId, cluster } = await authorWithLab()

    const first = await author.run(cluster, 'kubectl get endpoints web')
    expect(first.body.newlyCompleted).toEqual(['see-endpoints'])
    const before = compiles()
    // a one-shot run and a terminal line (command-loop.ts) of the same draft
    expect((await author.run(cluster, 'kubectl get pods')).body.exitCode).toBe(0)
    const line = await author.post(`/api/clusters/${cluster}/run`, {
      command: 'kubectl get svc web',
      terminal: 't1',
    })
    expect(line.body.exitCode).toBe(0)
    expect(compiles()).toBe(before)

    lab.tasks.push({
      id: 'make-api',
      title: 'Create Service api',
      hints: ['kubectl create service clusterip api --tcp=80'],
      check: { exists: { kind: 'Service', name: 'api' } } as never,
    })
    const edited = await author.call('PUT', `/api/authored-labs/${labId}`, lab)
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    const made2 = await author.run(cluster, 'kubectl create service clusterip api --tcp=80')
    expect(made2.body.stdout).toBe('service/api created\n')
    expect(made2.body.newlyCompleted).toEqual(['make-api'])
    const afterEdit = compiles()
    expect(afterEdit).toBeGreaterThan(before)
    await author.run(cluster, 'kubectl get svc api')
    expect(compiles()).toBe(afterEdit)
  })
})

describe('Kubernetes API writes racing for one authored-lab cluster', { timeout: 30_000 }, () => {
  it('are all stored, each reading its lab once however many races it lost', async () => {
    const { author, cluster } = await authorWithLab()
    const kc = await kubeconfigOf(author, cluster)
    const kube = kubeFor(
      async (req) => app.fetch(req),
      kc.doc.clusters[0].cluster.server,
      kc.doc.users[0].user.token,
    )
    const [reads, stored] = [labReads(), stores()]
    const names = ['a', 'b', 'c', 'd', 'e', 'f']
    const answers = await Promise.all(
      names.map((name) =>
        kube.call('POST', '/api/v1/namespaces/default/services', {
          type: 'application/json',
          body: JSON.stringify({
            apiVersion: 'v1',
            kind: 'Service',
            metadata: { name },
            spec: { ports: [{ port: 80 }], selector: { app: 'web' } },
          }),
        }),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual(names.map(() => 201))
    const list = await kube.call('GET', '/api/v1/namespaces/default/services')
    const listed = (list.body.items as { metadata: { name: string } }[]).map((s) => s.metadata.name)
    expect(listed).toEqual(expect.arrayContaining(names))
    // every lost race is one more conditional write; the lab is still read once per request
    expect(stores() - stored).toBeGreaterThanOrEqual(names.length)
    expect(labReads() - reads).toBe(names.length)
  })
})
