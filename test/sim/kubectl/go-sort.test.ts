// Go's sort.Sort, ported for kubectl's unstable sorts. The two lists below are what the real
// kubectl 1.32 (Go 1.23) printed for `kubectl events` over the lab's API (recorded with
// test/node/kube-api-kubectl-events.test.ts's setup): event times in seconds, in the list's order,
// and the order kubectl printed them in, as indices into that list.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { goSort } from '../../../worker/sim/kubectl/go-sort'

const RECORDED: { times: number[]; printed: number[] }[] = [
  {
    times: [0, 1, 3, 4, 4, 0, 1, 3, 4, 4, 0, 1, 1, 4, 4, 0, 1, 1, 4, 4, 0, 0, 0, 0, 0],
    printed: [
      10, 24, 23, 22, 21, 5, 20, 15, 0, 12, 17, 11, 1, 6, 16, 2, 7, 13, 18, 19, 14, 4, 3, 9, 8,
    ],
  },
  {
    times: [
      0, 1, 1, 4, 4, 0, 1, 3, 4, 4, 0, 1, 3, 4, 4, 0, 1, 1, 4, 4, 0, 1, 1, 4, 4, 0, 0, 0, 0, 0,
    ],
    printed: [
      27, 29, 26, 10, 28, 5, 20, 0, 15, 25, 2, 11, 1, 22, 21, 17, 16, 6, 7, 12, 19, 18, 14, 13, 23,
      24, 9, 8, 4, 3,
    ],
  },
]

const byTime = (times: number[]) =>
  goSort(
    times.map((t, i) => ({ t, i })),
    (a, b) => a.t < b.t,
  ).map((x) => x.i)

describe('goSort (Go sort.Sort)', () => {
  it('orders ties as the real kubectl did above 12 elements', () => {
    for (const { times, printed } of RECORDED) expect(byTime(times)).toEqual(printed)
  })

  it('keeps ties in their order up to 12 elements (insertion sort)', () => {
    expect(byTime([1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0])).toEqual([
      1, 3, 5, 7, 9, 11, 0, 2, 4, 6, 8, 10,
    ])
  })

  it('sorts any list, heapsort and pattern breaking included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 300 }), (times) => {
        const sorted = byTime(times).map((i) => times[i])
        expect(sorted).toEqual([...times].sort((a, b) => a - b))
      }),
    )
  })
})
