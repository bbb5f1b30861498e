// The lab quota: objects, pods, replicas, refused as Forbidden in ResourceQuota's words.
import { expect, test } from 'vitest'
import { newState, NOW, y } from './helpers'
import { createObject, updateObject, MAX_OBJECTS, MAX_PODS } from '../../../worker/sim/objects'
import { getObject } from '../../../worker/sim/state'
import type { Deployment } from '../../../worker/sim/objects/types'

const deploy = (replicas: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: nginx}]}\n`

test('replicas above 10 are refused on create and on scale', () => {
  const s = newState()
  const r = createObject(s, y(deploy(11)), { now: NOW })
  expect(r.ok ? '' : r.error).toEqual({
    reason: 'Forbidden',
    message:
      'deployments.apps "web" is forbidden: exceeded quota: service-lab, requested: replicas=11, used: replicas=0, limited: replicas=10',
  })
  expect(createObject(s, y(deploy(10)), { now: NOW }).ok).toBe(true)
  const d = structuredClone(getObject<Deployment>(s, 'Deployment', 'default', 'web')!)
  d.spec.replicas = 20
  const u = updateObject(s, d, { now: NOW })
  expect(u.ok ? '' : u.error.message).toBe(
    'deployments.apps "web" is forbidden: exceeded quota: service-lab, requested: replicas=20, used: replicas=10, limited: replicas=10',
  )
})

test(`at most ${MAX_PODS} pods`, () => {
  const s = newState()
  for (let i = 0; i < MAX_PODS; i++)
    expect(
      createObject(
        s,
        y(
          `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec: {containers: [{name: c, image: nginx}]}\n`,
        ),
        { now: NOW },
      ).ok,
    ).toBe(true)
  const r = createObject(
    s,
    y(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containers: [{name: c, image: nginx}]}\n',
    ),
    { now: NOW },
  )
  expect(r.ok ? '' : r.error).toEqual({
    reason: 'Forbidden',
    message:
      'pods "x" is forbidden: exceeded quota: service-lab, requested: pods=1, used: pods=30, limited: pods=30',
  })
})

test(`at most ${MAX_OBJECTS} objects`, () => {
  const s = newState()
  for (let i = 0; i < MAX_OBJECTS; i++)
    expect(
      createObject(
        s,
        y(`apiVersion: v1\nkind: Service\nmetadata: {name: s${i}}\nspec: {ports: [{port: 80}]}\n`),
        { now: NOW },
      ).ok,
    ).toBe(true)
  const r = createObject(
    s,
    y('apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {ports: [{port: 80}]}\n'),
    { now: NOW },
  )
  expect(r.ok ? '' : r.error.message).toBe(
    'services "x" is forbidden: exceeded quota: service-lab, requested: count/objects=1, used: count/objects=100, limited: count/objects=100',
  )
})

test('Ingresses count toward the object quota; the ingress-nginx add-on does not', () => {
  const s = newState()
  const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}}\n`
  const ing = (name: string, namespace = 'default') =>
    `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n`
  expect(createObject(s, y(ns('ingress-nginx')), { now: NOW }).ok).toBe(true)
  expect(createObject(s, y(ing('addon', 'ingress-nginx')), { now: NOW }).ok).toBe(true)
  for (let i = 0; i < MAX_OBJECTS; i++)
    expect(createObject(s, y(ing(`i${i}`)), { now: NOW }).ok).toBe(true)
  const r = createObject(s, y(ing('over')), { now: NOW })
  expect(r.ok ? '' : r.error).toEqual({
    reason: 'Forbidden',
    message: `ingresses.networking.k8s.io "over" is forbidden: exceeded quota: service-lab, requested: count/objects=1, used: count/objects=${MAX_OBJECTS}, limited: count/objects=${MAX_OBJECTS}`,
  })
})
