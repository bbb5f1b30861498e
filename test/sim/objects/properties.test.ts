// No input makes the API server throw: errors are data.
import { expect, test } from 'vitest'
import fc from 'fast-check'
import { newState, NOW } from './helpers'
import {
  applyObject,
  createObject,
  deleteObject,
  updateObject,
  parseManifests,
  parseSelector,
} from '../../../worker/sim/objects'

const yamlish = fc.array(
  fc.constantFrom(
    'apiVersion: v1\n',
    'kind: Service\n',
    'kind: Pod\n',
    'metadata:\n',
    '  name: web\n',
    '\tname: x\n',
    'spec:\n',
    '  ports:\n',
    '  - port: 80\n',
    '    targetPort: http\n',
    '---\n',
    ': :\n',
    '- \n',
    "'",
    '"',
    '{',
    '[',
    '  type: NodePort\n',
    '   x: y\n',
    ' a: b\n',
  ),
  { maxLength: 14 },
)

test('parseManifests answers any text', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string(),
        yamlish.map((xs) => xs.join('')),
      ),
      (text) => {
        const r = parseManifests(text, 'STDIN')
        expect(Array.isArray(r.objects)).toBe(true)
      },
    ),
    { numRuns: 2000 },
  )
})

const kinds = fc.constantFrom(
  ['v1', 'Service'],
  ['v1', 'Pod'],
  ['apps/v1', 'Deployment'],
  ['v1', 'Endpoints'],
  ['v1', 'Namespace'],
  ['apps/v1', 'ReplicaSet'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['networking.k8s.io/v1', 'IngressClass'],
)

test('create and apply answer any object', () => {
  fc.assert(
    fc.property(kinds, fc.jsonValue(), fc.jsonValue(), fc.string(), (kv, spec, meta, name) => {
      const s = newState()
      for (const write of [createObject, applyObject]) {
        const input = {
          apiVersion: kv[0],
          kind: kv[1],
          metadata:
            typeof meta === 'object' && meta && !Array.isArray(meta) ? { ...meta, name } : { name },
          spec,
          subsets: spec,
        }
        const r = write(s, input, { now: NOW })
        expect(typeof r.ok).toBe('boolean')
      }
    }),
    { numRuns: 300 },
  )
})

test('parseSelector answers any text', () => {
  fc.assert(
    fc.property(fc.string(), (t) => {
      expect(typeof parseSelector(t).ok).toBe('boolean')
    }),
    { numRuns: 300 },
  )
})

test('update answers any object, delete any name', () => {
  fc.assert(
    fc.property(
      kinds,
      fc.jsonValue(),
      fc.constantFrom('web', 'kubernetes', 'x'),
      (kv, spec, name) => {
        const s = newState()
        createObject(
          s,
          {
            apiVersion: 'v1',
            kind: 'Service',
            metadata: { name: 'web' },
            spec: { ports: [{ port: 80 }] },
          },
          { now: NOW },
        )
        const input = { apiVersion: kv[0], kind: kv[1], metadata: { name }, spec, subsets: spec }
        expect(typeof updateObject(s, input as never, { now: NOW }).ok).toBe('boolean')
        expect(typeof deleteObject(s, kv[1] as never, 'default', name, { now: NOW }).ok).toBe(
          'boolean',
        )
      },
    ),
    { numRuns: 300 },
  )
})

/** Ingress-shaped JSON with nulls, empties and wrong types where a hand-written manifest has them. */
const odd = fc.oneof(fc.constant(null), fc.jsonValue(), fc.constant([null]), fc.constant({}))
const ingressPath = fc.record({
  path: odd,
  pathType: fc.oneof(odd, fc.constantFrom('Exact', 'Prefix', 'ImplementationSpecific')),
  backend: fc.oneof(
    odd,
    fc.record({
      service: fc.oneof(
        odd,
        fc.record({ name: odd, port: fc.oneof(odd, fc.record({ name: odd, number: odd })) }),
      ),
      resource: odd,
    }),
  ),
})
const ingressSpec = fc.record(
  {
    rules: fc.oneof(
      odd,
      fc.array(
        fc.oneof(
          odd,
          fc.record({
            host: odd,
            http: fc.oneof(odd, fc.record({ paths: fc.oneof(odd, fc.array(ingressPath)) })),
          }),
        ),
      ),
    ),
    defaultBackend: odd,
    tls: fc.oneof(
      odd,
      fc.array(
        fc.oneof(
          odd,
          fc.record({
            hosts: fc.oneof(odd, fc.array(fc.oneof(fc.constant(null), fc.string()))),
            secretName: odd,
          }),
        ),
      ),
    ),
    ingressClassName: odd,
  },
  { requiredKeys: [] },
)

test('Ingress and IngressClass writes answer any spec, nulls included', () => {
  fc.assert(
    fc.property(ingressSpec, fc.jsonValue(), (spec, classSpec) => {
      const s = newState()
      const ing = {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'a' },
        spec,
      }
      const ic = {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'IngressClass',
        metadata: { name: 'c' },
        spec: classSpec,
      }
      for (const write of [createObject, applyObject]) {
        expect(typeof write(s, structuredClone(ing), { now: NOW }).ok).toBe('boolean')
        expect(typeof write(s, structuredClone(ic), { now: NOW }).ok).toBe('boolean')
      }
      expect(typeof updateObject(s, structuredClone(ing) as never, { now: NOW }).ok).toBe('boolean')
    }),
    { numRuns: 1000 },
  )
})
