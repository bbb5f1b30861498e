// The networking.k8s.io/v1 messages beyond what `kubectl create ingress` sends (k8s.io/api
// networking/v1 generated.proto, 1.32), for typed clients that post them: an IngressBackend's
// `resource` (a TypedLocalObjectReference, field 3) and an IngressClass's `parameters`
// (IngressClassParametersReference, field 2). They replace the shorter entries of
// protobuf-schemas.ts for IngressBackend and IngressClassSpec.

import type { Field, Schema } from './protobuf-schemas'

const s = (name: string, ptr = false): Field => ({ name, type: 'string', ptr })
const m = (name: string, type: string): Field => ({ name, type, ptr: true })

export const NETWORKING_EXTRAS: Record<string, Schema> = {
  IngressBackend: {
    3: m('resource', 'TypedLocalObjectReference'),
    4: m('service', 'IngressServiceBackend'),
  },
  TypedLocalObjectReference: { 1: s('apiGroup', true), 2: s('kind'), 3: s('name') },
  IngressClassSpec: { 1: s('controller'), 2: m('parameters', 'IngressClassParametersReference') },
  IngressClassParametersReference: {
    1: s('apiGroup', true),
    2: s('kind'),
    3: s('name'),
    4: s('scope', true),
    5: s('namespace', true),
  },
}
