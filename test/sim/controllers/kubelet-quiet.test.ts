// The kubelets are skipped while every pod on a node is quiet and no Pod or Node was written
// (controllers/kubelet-quiet.ts), until the earliest time a pod's container step ends or a probe
// is due. Check mode (every Node test) looks at each pod when a run is skipped; the skip is among
// those the differential tests turn off (test/sim/state/settle-skip.test.ts). A planted fault (the
// due time forgotten) leaves a pod starting forever.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as KubeletQuiet from '../../../worker/sim/controllers/kubelet-quiet'
import { Lab, deployment } from './helpers'
import { settle } from '../../../worker/sim/controllers/settle'
import { checkDocumentChanged } from '../../../worker/sim/document-changed'

const planted = vi.hoisted(() => ({ fault: false }))

vi.mock('../../../worker/sim/controllers/kubelet-quiet', async (importOriginal) => {
  const real = await importOriginal<typeof KubeletQuiet>()
  return {
    ...real,
    noteKubeletsQuiet: (...[s, now, until]: Parameters<typeof real.noteKubeletsQuiet>) =>
      real.noteKubeletsQuiet(s, now, planted.fault && until > now ? Infinity : until),
  }
})

afterEach(() => {
  planted.fault = false
  checkDocumentChanged(true)
})

/** A pod made at T0, then the same document settled every `step` ms for `span` ms. */
function startPod(step: number, span: number) {
  const lab = new Lab()
  lab.create(deployment('web', 'nginx:1.27', 1))
  const phases: string[] = []
  for (let t = step; t <= span; t += step) {
    settle(lab.s, lab.now + t)
    phases.push(lab.status(lab.pod('web-')))
  }
  return { lab, phases }
}

describe('kubelets skipped while every pod is quiet', () => {
  it('a pod still starts on time when settles come in between its steps', () => {
    const { lab, phases } = startPod(200, 30_000)
    expect(phases[0]).toBe('ContainerCreating')
    expect(phases.at(-1)).toBe('Running')
    expect(lab.pod('web-').status.podIP).toMatch(/^10\.244\./)
  })

  it('a pod never starts when the skip forgets its due time (planted fault)', () => {
    checkDocumentChanged(false)
    planted.fault = true
    const { phases } = startPod(200, 30_000)
    expect(phases.at(-1)).toBe('ContainerCreating')
  })

  it('check mode throws at the first skipped run with a pod due (planted fault)', () => {
    planted.fault = true
    expect(() => startPod(200, 30_000)).toThrow(/kubelet skipped with pod web-/)
  })
})
