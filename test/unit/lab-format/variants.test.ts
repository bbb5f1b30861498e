import { describe, expect, it } from 'vitest'
import { compileLab } from '../../../worker/labs/format/compile'
import { labSchema } from '../../../worker/labs/format/lab-schema'
import { run } from '../../../worker/sim/run'
import { getObject } from '../../../worker/sim/state'
import type { Service } from '../../../worker/sim/objects/types'
import { START, WEB } from './harness'

const svc = (port: number) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector:\n    app: web\n  ports:\n  - port: ${port}\n    targetPort: 80\n`
const doc = labSchema.parse({
  format: 1,
  title: 'Variants',
  summary: 'One fault per learner.',
  estimatedMinutes: 5,
  instructions: '# Variants',
  start: { manifests: [WEB] },
  variants: [
    { id: 'port-81', manifests: [svc(81)] },
    { id: 'port-82', manifests: [svc(82)] },
  ],
  tasks: [
    {
      id: 'mine',
      title: 'Know your variant',
      check: {
        any: [
          {
            all: [
              { variant: 'port-81' },
              { field: { kind: 'Service', name: 'api', path: '.spec.ports[0].port', equals: 81 } },
            ],
          },
          {
            all: [
              { variant: 'port-82' },
              { field: { kind: 'Service', name: 'api', path: '.spec.ports[0].port', equals: 82 } },
            ],
          },
        ],
      },
    },
  ],
})
const lab = compileLab(doc, 'variants')
const portOf = (s: ReturnType<typeof lab.setup>) =>
  getObject<Service>(s, 'Service', 'default', 'api')?.spec.ports?.[0]?.port

describe('per-learner variants', () => {
  it('draws one variant per seed and applies its manifests after the starting state', () => {
    const ports = new Set([1, 2, 3, 4].map((seed) => portOf(lab.setup(seed, START))))
    expect(ports).toEqual(new Set([81, 82]))
    expect(portOf(lab.setup(2, START))).toBe(81)
    expect(lab.setup(1, START).runtime.flags['lab.variant']).toBe('port-82')
  })

  it('keeps the learner’s variant when the cluster is reset with another seed', () => {
    const first = lab.setup(2, START)
    const again = lab.setup(3, START + 60_000, first)
    expect(again.runtime.flags['lab.variant']).toBe(first.runtime.flags['lab.variant'])
    expect(portOf(again)).toBe(portOf(first))
  })
})

describe('the variant check', () => {
  it.each([1, 2])('holds for the variant the learner drew (seed %i), and only that one', (seed) => {
    const state = lab.setup(seed, START)
    const r = run(state, 'true', { now: START + 15_000 })
    const ctx = {
      state: r.state,
      now: START + 15_000,
      last: { command: 'true', ...r },
      memory: {},
      probe: () => {
        throw new Error('no probe')
      },
    }
    expect(lab.tasks[0]!.check(ctx)).toBe(true)
    const other = state.runtime.flags['lab.variant'] === 'port-81' ? 'port-82' : 'port-81'
    r.state.runtime.flags['lab.variant'] = other
    expect(lab.tasks[0]!.check({ ...ctx, last: { ...ctx.last } })).toBe(false)
  })
})
