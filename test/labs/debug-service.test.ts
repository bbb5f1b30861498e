import { describe, expect, it } from 'vitest'
import { setupVariant } from '../../worker/labs/debug-service'
import {
  DEBUG_VARIANTS,
  debugVariantFor,
  VARIANT_FLAG,
  type DebugVariant,
} from '../../worker/labs/debug-variants'
import { findLab } from '../../worker/labs'
import { apply, expectDone, expectUndone } from './helpers'
import { DEFAULT_START, describeTranscript, playTranscript, type Step } from './transcript'

const GOAL = 'kubectl exec client -- curl -s web'

const service = (app: string, targetPort: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: ${app}
  ports:
  - port: 80
    targetPort: ${targetPort}
`

const namedHttpDeployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web-server
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web-server
  template:
    metadata:
      labels:
        app: web-server
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - name: http
          containerPort: 80
`

/** What a learner who found the fault would do, per variant (several fixes where several are right). */
const FIXES: Record<DebugVariant, Step[][]> = {
  'selector-typo': [[apply(service('frontend', '80'))]],
  'wrong-target-port': [[apply(service('web', '80'))]],
  'named-port-missing': [[apply(service('web-server', '80'))], [apply(namedHttpDeployment)]],
  'image-typo': [['kubectl set image deployment/web nginx=nginx:1.27']],
  'other-namespace': [['kubectl expose deployment web --port=80']],
}

const WAIT: Step[] = ['kubectl get pods', 'kubectl get pods', 'kubectl get endpoints web']

function play(variant: DebugVariant, fix: Step[]) {
  const state = setupVariant(variant, 7, DEFAULT_START)
  return playTranscript('debug-service', [GOAL, ...fix, ...WAIT, GOAL], { state })
}

describe('lab debug-service', () => {
  it('draws every variant from the seed, and records it for the instructor', () => {
    const drawn = new Set([0, 1, 2, 3, 4].map(debugVariantFor))
    expect([...drawn].sort()).toEqual([...DEBUG_VARIANTS].sort())
    const s = findLab('debug-service')?.setup(3, DEFAULT_START)
    expect(s?.runtime.flags[VARIANT_FLAG]).toBe(debugVariantFor(3))
  })

  for (const variant of DEBUG_VARIANTS) {
    describe(variant, () => {
      it('starts broken: the goal command fails', () => {
        const t = play(variant, [])
        expect(t.outputs[0]?.exitCode, describeTranscript(t)).not.toBe(0)
        expect(t.done).toEqual(['reproduce'])
      })

      FIXES[variant].forEach((fix, i) => {
        it(`is solved by its own fix #${i + 1}`, () => {
          const t = play(variant, fix)
          expectDone(t, ['reproduce', 'fixed'])
          const last = t.outputs[t.outputs.length - 1]
          expect(last?.stdout).toContain('<title>Welcome to nginx!</title>')
          expect(last?.exitCode).toBe(0)
        })
      })

      for (const other of DEBUG_VARIANTS.filter((v) => v !== variant)) {
        it(`is not solved by the fix for ${other}`, () => {
          for (const fix of FIXES[other]) expectUndone(play(variant, fix), 'fixed')
        })
      }
    })
  }

  it('near miss: curl through the Service from the workstation does not count', () => {
    const state = setupVariant('wrong-target-port', 7, DEFAULT_START)
    const t = playTranscript(
      'debug-service',
      [
        apply(service('web', '80')),
        'kubectl port-forward svc/web 8080:80',
        'curl -s localhost:8080',
      ],
      { state },
    )
    expectUndone(t, 'fixed')
  })

  it('near miss: curling a pod IP directly from client bypasses the Service', () => {
    const state = setupVariant('selector-typo', 7, DEFAULT_START)
    const t = playTranscript(
      'debug-service',
      [
        GOAL,
        "kubectl exec client -- curl -s $(kubectl get pods -l app=frontend -o jsonpath='{.items[0].status.podIP}')",
      ],
      { state },
    )
    expectUndone(t, 'fixed')
  })
})

describe('debug-service reset', () => {
  it("keeps the learner's variant when the platform passes the previous state", () => {
    const lab = findLab('debug-service')
    const first = lab?.setup(2, DEFAULT_START)
    const again = lab?.setup(3, DEFAULT_START + 60_000, first)
    expect(again?.runtime.flags[VARIANT_FLAG]).toBe(debugVariantFor(2))
  })
})
