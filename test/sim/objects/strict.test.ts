// Strict decoding (E6): unknown fields and wrong types are refused with the API server's texts.
import { expect, test } from 'vitest'
import { newState, NOW, y } from './helpers'
import { createObject, applyObject } from '../../../worker/sim/objects'

const rows: [string, string, string][] = [
  [
    'one unknown field, path with index, case-sensitive',
    'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports:\n  - port: 80\n    targetport: 8080\n',
    'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].targetport"',
  ],
  [
    'several unknown fields in document order',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, label: {app: web}}\nspec:\n  replica: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: a, image: nginx, port: 80}]\n',
    'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "metadata.label", unknown field "spec.replica", unknown field "spec.template.spec.containers[0].port"',
  ],
  [
    'string where an int is expected',
    'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports:\n  - port: abc\n',
    'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
  ],
  [
    'quoted containerPort',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    ports: [{containerPort: "80"}]\n',
    'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
  ],
  [
    'numeric label value',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {version: 1}\nspec:\n  containers: [{name: c, image: nginx}]\n',
    'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
  ],
  [
    'ports given as a map',
    'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports:\n    port: 80\n',
    'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort',
  ],
  [
    'type error wins over unknown fields',
    'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  foo: 1\n  ports:\n  - port: "80"\n',
    'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
  ],
  [
    'boolean targetPort',
    'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports:\n  - port: 80\n    targetPort: true\n',
    'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32',
  ],
]

test.each(rows)('%s', (_n, manifest, want) => {
  for (const write of [createObject, applyObject]) {
    const s = newState()
    const r = write(s, y(manifest), { now: NOW })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toEqual({ reason: 'BadRequest', message: want })
  }
})
