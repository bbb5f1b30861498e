// The network view is kept per document until the next object write (net/view.ts). Check mode
// (on in every Node test) rebuilds it on each use and throws when the kept one differs, which is
// what makes the keeping safe to rely on; these tests show that net works both ways.
import { describe, expect, it } from 'vitest'
import { buildView } from '../../../worker/sim/net/view'
import { putObject, type ClusterState } from '../../../worker/sim/state'
import type { Pod } from '../../../worker/sim/objects/types'
import { labScenario } from './scenario'

function aPodWithIP(s: ClusterState): Pod {
  const pod = Object.values(s.objects).find((o) => o.kind === 'Pod' && (o as Pod).status?.podIP)
  if (!pod) throw new Error('no pod with an IP in the scenario')
  return pod as Pod
}

describe('the kept network view', () => {
  it('is reused while nothing is written and rebuilt after a write', () => {
    const { s } = labScenario()
    const first = buildView(s)
    expect(buildView(s)).toBe(first)
    const pod = aPodWithIP(s)
    pod.status.podIP = '10.244.9.99'
    putObject(s, pod)
    const after = buildView(s)
    expect(after).not.toBe(first)
    expect(after.podsByIP.get('10.244.9.99')).toBe(pod)
  })

  it('throws in check mode when an object it indexes changed without a write', () => {
    const { s } = labScenario()
    buildView(s)
    aPodWithIP(s).status.podIP = '10.244.9.98'
    expect(() => buildView(s)).toThrow(/changed without a write/)
  })
})
