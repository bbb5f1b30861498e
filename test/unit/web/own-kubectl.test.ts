// The lab page draws each request exec'd through the learner's own kubectl once, and none of
// those made before the page opened.
import { describe, expect, it } from 'vitest'
import { newTraces, type Status } from '../../../web/src/lab/own-kubectl-status'
import type { TraceEntry } from '../../../web/src/types'

const trace = (n: number): TraceEntry => ({
  from: { kind: 'pod', namespace: 'default', name: 'access-pod' },
  request: `GET http://my-service:8080/${n}`,
  outcome: 'answered',
  hops: [],
})
const status = (seqs: number[]): Status => ({
  active: true,
  expiresAt: 1,
  version: 1,
  tasksDone: [],
  traces: seqs.map((seq) => ({ seq, trace: trace(seq) })),
})
const requests = (t: TraceEntry[]) => t.map((e) => e.request.split('/').at(-1))

describe('own kubectl traces on the map', () => {
  it('draws nothing from the first answer, then each new trace once, oldest first', () => {
    const seen = { current: null as number | null }
    expect(newTraces(status([1, 2]), seen)).toEqual([])
    expect(newTraces(status([1, 2]), seen)).toEqual([])
    expect(requests(newTraces(status([1, 2, 3]), seen))).toEqual(['3'])
    expect(requests(newTraces(status([3, 4, 5, 6, 7]), seen))).toEqual(['4', '5', '6', '7'])
    expect(newTraces(status([3, 4, 5, 6, 7]), seen)).toEqual([])
  })

  it('a cluster with no traces yet draws its first one', () => {
    const seen = { current: null as number | null }
    expect(newTraces({ ...status([]), traces: undefined }, seen)).toEqual([])
    expect(requests(newTraces(status([1]), seen))).toEqual(['1'])
  })
})
