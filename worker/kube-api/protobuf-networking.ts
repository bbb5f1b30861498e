// Field numbers of the networking.k8s.io/v1 messages (k8s.io/api networking/v1 generated.proto,
// 1.32) that typed clients send: `kubectl create ingress` posts an Ingress as protobuf.
// IngressRule embeds IngressRuleValue (Go `json:",inline"`), so its `http` lands on the rule.
// Ingress status is the controller's to write and is not decoded.

import type { Field, Schema } from './protobuf-schemas'

const s = (name: string, ptr = false): Field => ({ name, type: 'string', ptr })
const m = (name: string, type: string): Field => ({ name, type, ptr: true })
const r = (name: string, type: string): Field => ({ name, type, repeated: true })

export const NETWORKING_SCHEMAS: Record<string, Schema> = {
  Ingress: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'IngressSpec') },
  IngressSpec: {
    1: m('defaultBackend', 'IngressBackend'),
    2: r('tls', 'IngressTLS'),
    3: r('rules', 'IngressRule'),
    4: s('ingressClassName', true),
  },
  IngressTLS: { 1: { name: 'hosts', type: 'string', repeated: true }, 2: s('secretName') },
  IngressRule: { 1: s('host'), 2: { ...m('ingressRuleValue', 'IngressRuleValue'), inline: true } },
  IngressRuleValue: { 1: m('http', 'HTTPIngressRuleValue') },
  HTTPIngressRuleValue: { 1: r('paths', 'HTTPIngressPath') },
  HTTPIngressPath: { 1: s('path'), 2: m('backend', 'IngressBackend'), 3: s('pathType', true) },
  IngressBackend: {
    3: m('resource', 'TypedLocalObjectReference'),
    4: m('service', 'IngressServiceBackend'),
  },
  TypedLocalObjectReference: { 1: s('apiGroup', true), 2: s('kind'), 3: s('name') },
  IngressServiceBackend: { 1: s('name'), 2: m('port', 'ServiceBackendPort') },
  ServiceBackendPort: { 1: s('name'), 2: { name: 'number', type: 'int' } },
  IngressClass: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'IngressClassSpec') },
  IngressClassSpec: { 1: s('controller'), 2: m('parameters', 'IngressClassParametersReference') },
  IngressClassParametersReference: {
    1: s('apiGroup', true),
    2: s('kind'),
    3: s('name'),
    4: s('scope', true),
    5: s('namespace', true),
  },
}
