// Field schemas of networking.k8s.io/v1 Ingress and IngressClass (k8s.io/api networking/v1
// types.go) for strict decoding: unknown fields such as the v1beta1 `serviceName` are rejected (I9).

import { list, stringList, struct } from './schema-types'

const ingressBackend = struct('IngressBackend', {
  service: struct('IngressServiceBackend', {
    name: 'string',
    port: struct('ServiceBackendPort', { name: 'string', number: 'int32' }),
  }),
  resource: struct('TypedLocalObjectReference', {
    apiGroup: 'string',
    kind: 'string',
    name: 'string',
  }),
})

const httpIngressPath = struct('HTTPIngressPath', {
  path: 'string',
  pathType: 'string',
  backend: ingressBackend,
})

/** IngressRule embeds IngressRuleValue inline, so `http` sits beside `host`. */
const ingressRule = struct('IngressRule', {
  host: 'string',
  http: struct('HTTPIngressRuleValue', { paths: list(httpIngressPath) }),
})

export const ingressSpec = struct('IngressSpec', {
  ingressClassName: 'string',
  defaultBackend: ingressBackend,
  tls: list(struct('IngressTLS', { hosts: stringList, secretName: 'string' })),
  rules: list(ingressRule),
})

export const ingressClassSpec = struct('IngressClassSpec', {
  controller: 'string',
  parameters: struct('IngressClassParametersReference', {
    apiGroup: 'string',
    kind: 'string',
    name: 'string',
    scope: 'string',
    namespace: 'string',
  }),
})
