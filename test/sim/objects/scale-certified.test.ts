// kubectl scale's certified path (objects/scale-update.ts): a stored Deployment known to be in
// decoded form and valid is scaled without decoding and validating it again. Over random lines
// that scale, edit and replace Deployments (coredns, hand-built and not in decoded form, among
// them) the documents and output are the same with the path on and off; a planted fault (every
// Deployment taken as certified) makes them differ.
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as Certify from '../../../worker/sim/objects/scale-certify'
import { scaleFastPath, scaleObject } from '../../../worker/sim/objects'
import type { KubeObject } from '../../../worker/sim/objects/types'
import { getObject, type ClusterState } from '../../../worker/sim/state'
import { checkDocumentChanged } from '../../../worker/sim/document-changed'
import {
  expectSameOnAndOff,
  LINES,
  playLines,
  seededJSON,
  T0,
  type Line,
} from '../state/change-sequences'

const planted = vi.hoisted(() => ({ fault: false, certified: 0 }))

vi.mock('../../../worker/sim/objects/scale-certify', async (importOriginal) => {
  const real = await importOriginal<typeof Certify>()
  return {
    ...real,
    isCertified: (...args: Parameters<typeof real.isCertified>) => {
      const yes = planted.fault || real.isCertified(...args)
      if (yes) planted.certified += 1
      return yes
    },
  }
})

afterEach(() => {
  planted.fault = false
  scaleFastPath(true)
  checkDocumentChanged(true)
})

const SCALES: Line[] = [0, 1, 2, 3, 11, 2147483648].flatMap((n) => [
  { command: `kubectl scale deployment nginx-deployment-3 --replicas=${n}` },
  { command: `kubectl scale deploy/web deploy/nginx-deployment-4 --replicas=${n}` },
  { command: `kubectl scale deployment coredns -n kube-system --replicas=${n}` },
])

const EDITS: Line[] = [
  { command: 'kubectl scale deployment nginx-deployment-3 --current-replicas=2 --replicas=1' },
  { command: 'kubectl scale deployment nginx-deployment-3 --replicas=2 --dry-run=server -o yaml' },
  { command: 'kubectl scale deployment nginx-deployment-3 --replicas=3 -o json' },
  { command: 'kubectl annotate deployment nginx-deployment-3 team=blue --overwrite' },
  { command: 'kubectl label deployment nginx-deployment-3 tier=web --overwrite' },
  { command: 'kubectl set image deployment/nginx-deployment-3 nginx=nginx:1.28' },
  { command: 'kubectl rollout restart deployment nginx-deployment-3' },
  { command: `kubectl patch deployment nginx-deployment-3 -p '{"spec":{"minReadySeconds":1}}'` },
  { command: 'kubectl get deployments -A -o yaml' },
  ...LINES.filter((l) => /deployment|apply/.test(l.command)),
]

const GAPS = [0, 1_000, 15_000, 120_000]

const arbScaleLines = fc.array(
  fc.tuple(fc.constantFrom(...SCALES, ...SCALES, ...EDITS), fc.constantFrom(...GAPS)),
  { minLength: 1, maxLength: 14 },
)

const same = () =>
  expectSameOnAndOff(scaleFastPath, arbScaleLines, playLines, { numRuns: 60, seed: 7 })

describe('kubectl scale of a certified Deployment', () => {
  it('leaves the same documents and output as the full update, over random lines', () => {
    // the two ways are compared here, not by check mode's own comparison of each scale
    checkDocumentChanged(false)
    planted.certified = 0
    same()
    expect(planted.certified).toBeGreaterThan(100)
  })

  it('fails when every Deployment is taken as certified (planted fault)', () => {
    checkDocumentChanged(false)
    planted.fault = true
    expect(same).toThrow()
  })

  it('check mode compares each certified scale with the full update', () => {
    const s = JSON.parse(seededJSON()) as ClusterState
    const coredns = getObject(s, 'Deployment', 'kube-system', 'coredns') as KubeObject
    planted.fault = true
    expect(() => scaleObject(s, coredns, 3, { now: T0 })).toThrow(/certified path/)
  })
})
