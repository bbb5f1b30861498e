import { test } from 'vitest'
import { newState, NOW, y } from './helpers'
import { applyObject } from '../../../worker/sim/objects'
import { getObject } from '../../../worker/sim/state'
import { decodeObject } from '../../../worker/sim/objects/decode'
import { validateObject } from '../../../worker/sim/objects/validate'
import { sorted } from '../../../worker/sim/objects/update'
import { threeWayMerge } from '../../../worker/sim/objects/three-way-merge'
import { lastAppliedJSON } from '../../../worker/sim/objects/apply'
const dep =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: nginx, image: nginx:1.25, ports: [{containerPort: 80}]}]\n'
const d = y(dep)
function time(name: string, fn: () => void, n = 2000) {
  for (let i = 0; i < 50; i++) fn()
  const t = performance.now()
  for (let i = 0; i < n; i++) fn()
  console.log(name, (((performance.now() - t) / n) * 1000).toFixed(1), 'us')
}
test('perf', () => {
  const s = newState()
  applyObject(s, d, { now: NOW })
  const live = getObject(s, 'Deployment', 'default', 'web')!
  time('clone', () => structuredClone(live))
  time('json-clone', () => JSON.parse(JSON.stringify(live)))
  time('decode', () => decodeObject(live, { now: NOW }))
  time('validate', () => validateObject('Deployment', live))
  time('sortedjson', () => JSON.stringify(sorted(live)))
  time('merge', () => threeWayMerge(d as never, d as never, live as never))
  time('lastApplied', () => lastAppliedJSON(d as never))
})
