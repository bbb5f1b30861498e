// The api_traces column: the last few traces of execs through the Kubernetes API, numbered.
import { describe, expect, it } from 'vitest'
import { parseApiTraces, withApiTraces } from '../../worker/db/api-traces'
import type { TraceEntry } from '../../worker/sim/net/types'

const trace = (n: number, diagnosis?: string): TraceEntry => ({
  from: { kind: 'pod', namespace: 'default', name: 'access-pod' },
  request: `GET http://my-service:8080/${n}`,
  outcome: diagnosis ? 'refused' : 'answered',
  hops: [],
  ...(diagnosis ? { diagnosis, cause: 'no-endpoints' } : {}),
})

describe('api traces', () => {
  it('numbers traces after the stored ones and keeps the last five', () => {
    const one = withApiTraces(null, [trace(1)])
    expect(parseApiTraces(one).map((t) => t.seq)).toEqual([1])
    const loop = withApiTraces(
      one,
      [2, 3, 4, 5, 6, 7, 8].map((n) => trace(n)),
    )
    const kept = parseApiTraces(loop)
    expect(kept.map((t) => t.seq)).toEqual([4, 5, 6, 7, 8])
    expect(kept.map((t) => t.trace.request.split('/').at(-1))).toEqual(['4', '5', '6', '7', '8'])
  })

  it('an exec without requests leaves the column as it is', () => {
    expect(withApiTraces('[]', [])).toBeUndefined()
  })

  it('keeps no diagnosis in a lab that hides them (as the terminal answers)', () => {
    const stored = parseApiTraces(withApiTraces(null, [trace(1, 'no endpoints')], true))
    expect(stored[0]!.trace).not.toHaveProperty('diagnosis')
    expect(stored[0]!.trace.outcome).toBe('refused')
    expect(
      parseApiTraces(withApiTraces(null, [trace(1, 'no endpoints')]))[0]!.trace.diagnosis,
    ).toBe('no endpoints')
  })

  it('reads a missing or broken column as no traces', () => {
    expect(parseApiTraces(null)).toEqual([])
    expect(parseApiTraces('{not json')).toEqual([])
    expect(parseApiTraces('{"a":1}')).toEqual([])
  })
})
