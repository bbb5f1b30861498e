// The kubelet drops the runtime of containers whose pod is gone, and looks for such records only
// after a Pod was removed (controllers/kubelet-orphans.ts): check mode (every Node test) throws if
// a record lost its pod some other way, and the skip is part of settle's skips that the
// differential tests (test/sim/state/settle-skip.test.ts) turn off and on.
import { describe, expect, it } from 'vitest'
import { Lab, deployment } from './helpers'
import { settle } from '../../../worker/sim/controllers/settle'
import { removeObject } from '../../../worker/sim/state'

describe('container runtime of gone pods', () => {
  it('a pod removed at once loses its container records at the next settle', () => {
    const lab = new Lab()
    lab.create(deployment('web', 'nginx:1.27', 1))
    lab.wait(30)
    const pod = lab.pod('web-')
    const key = `${pod.metadata.uid}/main`
    expect(Object.keys(lab.s.runtime.containers)).toContain(key)
    removeObject(lab.s, 'Pod', 'default', pod.metadata.name)
    settle(lab.s, lab.now + 1000)
    expect(Object.keys(lab.s.runtime.containers)).not.toContain(key)
  })

  it('check mode throws when a record of a gone pod appears without a Pod removal', () => {
    const lab = new Lab()
    lab.create(deployment('web', 'nginx:1.27', 1))
    lab.wait(30)
    lab.s.runtime.containers['no-such-uid/web'] = { installed: [], aptUpdated: false, logs: [] }
    expect(() => settle(lab.s, lab.now + 1000)).toThrow(/lost its pod/)
  })
})
