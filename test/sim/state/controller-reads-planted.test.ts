// The edges of read-edges.ts catch a kind left out of a controller's reads, one fault at a time:
// the scheduler forgetting Nodes, the Endpoints or EndpointSlice controller forgetting Pods, a
// ReplicaSet short of pods not saying that it read the quota.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as Reads from '../../../worker/sim/controllers/controller-reads'
import type * as SettleMemo from '../../../worker/sim/controllers/settle-memo'
import { READ_EDGES, readOutcomes } from './read-edges'

const planted = vi.hoisted(() => ({ fault: '' }))

vi.mock('../../../worker/sim/controllers/controller-reads', async (importOriginal) => {
  const real = await importOriginal<typeof Reads>()
  // settle keeps the arrays it was given: a view of each that hides a kind while planted
  const leaky = (name: string, kind: string) => {
    const reads = real.CONTROLLER_READS[name] as readonly string[]
    return new Proxy(reads, {
      get: (target, p) =>
        Reflect.get(planted.fault === name ? target.filter((k) => k !== kind) : target, p),
    })
  }
  return {
    CONTROLLER_READS: {
      ...real.CONTROLLER_READS,
      schedulePods: leaky('schedulePods', 'Node'),
      reconcileEndpoints: leaky('reconcileEndpoints', 'Pod'),
      reconcileEndpointSlices: leaky('reconcileEndpointSlices', 'Pod'),
    },
  }
})

vi.mock('../../../worker/sim/controllers/settle-memo', async (importOriginal) => {
  const real = await importOriginal<typeof SettleMemo>()
  return {
    ...real,
    readBeyondKinds: () => {
      if (planted.fault !== 'readBeyondKinds') real.readBeyondKinds()
    },
  }
})

afterEach(() => {
  planted.fault = ''
})

/** Each planted fault and the edge (read-edges.ts) that must catch it. */
const FAULTS: [string, number][] = [
  ['schedulePods', 0],
  ['readBeyondKinds', 1],
  ['reconcileEndpoints', 2],
  ['reconcileEndpointSlices', 2],
]

describe('a kind planted out of the reads', () => {
  it.each(FAULTS)('%s: its edge differs from a full settle', (fault, edge) => {
    const lines = READ_EDGES[edge] ?? []
    expect(readOutcomes(lines, true)).toEqual(readOutcomes(lines, false))
    planted.fault = fault
    expect(readOutcomes(lines, true)).not.toEqual(readOutcomes(lines, false))
  })
})
