// The names kubectl resolves a typed resource from (ParseResourceArg and the shortcut expander):
// `name.group`, `name.version.group`, and a short name with its group.
import { describe, expect, it } from 'vitest'
import { resolveResource } from '../../../worker/sim/objects/resources'

describe('typed resource names', () => {
  it.each([
    ['ingresses.networking.k8s.io', 'Ingress'],
    ['ingresses.v1.networking.k8s.io', 'Ingress'],
    ['ing.networking.k8s.io', 'Ingress'],
    ['ingressclasses.v1.networking.k8s.io', 'IngressClass'],
    ['deployments.v1.apps', 'Deployment'],
    ['deploy.apps', 'Deployment'],
    ['Deployment.apps', 'Deployment'],
  ])('%s is %s', (typed, kind) => {
    expect(resolveResource(typed)).toBe(kind)
  })
  it.each(['ingresses.v2.networking.k8s.io', 'ing.apps', 'deployments.v1', 'pods.v1'])(
    '%s is not a resource type',
    (typed) => {
      expect(resolveResource(typed)).toBeUndefined()
    },
  )
})
