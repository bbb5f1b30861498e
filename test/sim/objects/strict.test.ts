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
    'several unknown fields, reported in sorted key order',
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

test('the course notes flattened YAML (indentation lost) is valid YAML but every nested field is unknown, sorted', () => {
  const flat = `apiVersion: apps/v1
kind: Deployment
metadata:
name: nginx-deployment-1.0
labels:
app: nginx-1.0
env: prod
spec:
replicas: 1
selector:
matchLabels:
app: nginx-1.0
template:
metadata:
labels:
app: nginx-1.0
spec:
containers:
- name: nginx
image: nginx:1.19
ports:
- containerPort: 80
`
  const r = createObject(newState(), y(flat), { now: NOW })
  expect(r.ok ? '' : r.error.message).toBe(
    'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "app", unknown field "containers", unknown field "env", unknown field "image", unknown field "labels", unknown field "matchLabels", unknown field "name", unknown field "ports", unknown field "replicas", unknown field "selector", unknown field "template"',
  )
})

test('a note pasted after a port number makes it a string', () => {
  const svc =
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  ports:\n  - protocol: TCP\n    port: 8080 -----------> Listening Port\n    targetPort: 80\n'
  const r = createObject(newState(), y(svc), { now: NOW })
  expect(r.ok ? '' : r.error.message).toBe(
    'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
  )
})
