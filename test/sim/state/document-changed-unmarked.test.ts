// The small parts of a document (rv, rng, runtime records and memories, container logs aside)
// need no help from writers: a write there that nobody marks is still noticed (document-changed.ts
// compares a copy taken before the command). Here listing pods (what `kubectl get pods` and the
// controllers do) is made to write, unmarked, into one small part or another.
import { describe, expect, it, vi } from 'vitest'
import type * as ObjectIndex from '../../../worker/sim/object-index'
import { run } from '../../../worker/sim/run'
import type { ClusterState } from '../../../worker/sim/state'
import { seededJSON, T0 } from './change-sequences'

const plant = vi.hoisted(() => ({ write: undefined as ((s: ClusterState) => void) | undefined }))

vi.mock('../../../worker/sim/object-index', async (importOriginal) => {
  const real = await importOriginal<typeof ObjectIndex>()
  const listObjects = ((s, kind, namespace) => {
    if (kind === 'Pod') plant.write?.(s)
    return real.listObjects(s, kind, namespace)
  }) as typeof real.listObjects
  return { ...real, listObjects }
})

const firstContainer = (s: ClusterState) => Object.values(s.runtime.containers)[0]!

const WRITES: { name: string; write: (s: ClusterState) => void }[] = [
  { name: 'a lab flag', write: (s) => (s.runtime.flags.seen = String(s.rv)) },
  {
    name: "a field of a container's kubelet record",
    write: (s) => ((firstContainer(s).kubelet as { until: number }).until += 1),
  },
  { name: 'a package list', write: (s) => firstContainer(s).installed.push('jq') },
  {
    name: 'a memory whose keys are made again in another order',
    write: (s) => {
      const { loadBalancerController } = s.runtime
      delete (s.runtime as Partial<ClusterState['runtime']>).loadBalancerController
      s.runtime.loadBalancerController = loadBalancerController
    },
  },
]

describe('an unmarked write to a small part of the document', () => {
  const at = T0 + 120_000
  const settled = () => {
    const s = JSON.parse(seededJSON()) as ClusterState
    run(s, 'kubectl get pods', { now: at, owned: true })
    return s
  }

  it('is absent in the control: a get at a settled time changes nothing', () => {
    expect(run(settled(), 'kubectl get pods', { now: at, owned: true }).documentChanged).toBe(false)
  })

  for (const { name, write } of WRITES)
    it(`is noticed: ${name}`, () => {
      const s = settled()
      plant.write = write
      try {
        const before = JSON.stringify(s)
        const r = run(s, 'kubectl get pods', { now: at, owned: true })
        expect(JSON.stringify(r.state)).not.toBe(before)
        expect(r.documentChanged).toBe(true)
      } finally {
        plant.write = undefined
      }
    })
})
