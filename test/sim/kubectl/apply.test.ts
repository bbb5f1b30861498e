import { describe, expect, test } from 'vitest'
import { lab } from './helpers'

const SVC = (name: string, port = 80) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
  - port: ${port}
`
const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.19
        ports:
        - containerPort: 80
`

describe('kubectl apply -f -', () => {
  test('created, then unchanged, then configured', () => {
    const { k, ctx } = lab()
    expect(k('apply -f -', `${DEPLOY}---\n${SVC('web')}`)).toEqual({
      stdout: 'deployment.apps/web created\nservice/web created\n',
      stderr: '',
      exitCode: 0,
    })
    expect(k('apply -f -', SVC('web'))).toEqual({
      stdout: 'service/web unchanged\n',
      stderr: '',
      exitCode: 0,
    })
    expect(k('apply -f -', SVC('web', 8080))).toEqual({
      stdout: 'service/web configured\n',
      stderr: '',
      exitCode: 0,
    })
    expect(ctx.changed.map((c) => `${c.kind}/${c.name} ${c.op}`)).toEqual([
      'Deployment/web created',
      'Service/web created',
      'Service/web configured',
    ])
  })

  test('objects before a failing one are created; the failure is printed as E2 (one cause, and several)', () => {
    const { k } = lab()
    const bad = SVC('b', 0)
    const r = k('apply -f -', `${SVC('a')}---\n${bad}`)
    expect(r.stdout).toBe('service/a created\n')
    expect(r.stderr).toBe(
      'The Service "b" is invalid: \n* spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive\n',
    )
    expect(r.exitCode).toBe(1)
    const one = k('apply -f -', SVC('Web'))
    expect(one.stderr).toBe(
      `The Service "Web" is invalid: metadata.name: Invalid value: "Web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')\n`,
    )
  })

  test('two failures become an aggregate printed through StandardErrorMessage (E4)', () => {
    const r = lab().k('apply -f -', `${SVC('Web')}---\n${SVC('b', 0)}`)
    expect(r.stdout).toBe('')
    expect(r.stderr.split('\n')[0]).toBe(
      `Error from server (Invalid): error when creating "STDIN": Service "Web" is invalid: metadata.name: Invalid value: "Web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    )
    expect(r.stderr.split('\n')[1]).toMatch(
      /^Error from server \(Invalid\): error when creating "STDIN": Service "b" is invalid: \[spec\.ports\[0\]\.port: /,
    )
  })

  test('a YAML error after good documents: those are applied, then the parse error (E7)', () => {
    const r = lab().k(
      'apply -f -',
      `${SVC('a')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n  labels: x: y\n`,
    )
    expect(r.stdout).toBe('service/a created\n')
    expect(r.stderr).toMatch(
      /^error: error parsing STDIN: error converting YAML to JSON: yaml: line \d+: mapping values are not allowed in this context\n$/,
    )
    expect(r.exitCode).toBe(1)
  })

  test('unknown fields are refused by strict validation with the STDIN source (E6)', () => {
    const r = lab().k(
      'apply -f -',
      SVC('web').replace('  - port: 80', '  - port: 80\n    targetport: 80'),
    )
    expect(r).toEqual({
      stdout: '',
      stderr:
        'Error from server (BadRequest): error when creating "STDIN": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].targetport"\n',
      exitCode: 1,
    })
  })

  test('missing namespace: NotFound with the source prefix', () => {
    const r = lab().k('apply -n nope -f -', SVC('web'))
    expect(r.stderr).toBe(
      'Error from server (NotFound): error when creating "STDIN": namespaces "nope" not found\n',
    )
  })

  test('applying over an object made by kubectl create warns about the annotation (T14)', () => {
    const { k } = lab()
    k('create service clusterip web --tcp=80:80')
    const r = k('apply -f -', SVC('web'))
    expect(r.stdout).toBe('service/web configured\n')
    expect(r.stderr).toBe(
      'Warning: resource services/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    )
  })

  test('dry runs and -o', () => {
    const { k, ctx } = lab()
    expect(k('apply -f - --dry-run=client', SVC('web')).stdout).toBe(
      'service/web created (dry run)\n',
    )
    expect(k('apply -f - --dry-run=server', SVC('web')).stdout).toBe(
      'service/web created (server dry run)\n',
    )
    expect(k('apply -f - -o name', SVC('web')).stdout).toBe('service/web\n')
    expect(k('apply -f - --dry-run=client', SVC('web')).stdout).toBe(
      'service/web configured (dry run)\n',
    )
    const yaml = k('apply -f - -o yaml', SVC('web', 81)).stdout
    expect(yaml).toMatch(
      /^apiVersion: v1\nkind: Service\nmetadata:\n {2}annotations:\n {4}kubectl\.kubernetes\.io\/last-applied-configuration: \|/,
    )
    expect(ctx.changed.length).toBe(2)
  })

  test('file errors', () => {
    const { k } = lab()
    expect(k('apply -f -', '')).toEqual({
      stdout: '',
      stderr: 'error: no objects passed to apply\n',
      exitCode: 1,
    })
    expect(k('apply -f svc.yaml').stderr).toBe('error: the path "svc.yaml" does not exist\n')
    expect(k('apply -f https://k8s.io/examples/service/nginx.yaml').stderr).toMatch(
      /^error: reading manifests from a URL .* is not supported/,
    )
    expect(k('apply -k dir').stderr).toMatch(/^error: kustomize \(-k\) is not supported/)
    expect(
      k('apply -n other -f -', SVC('web').replace('name: web', 'name: web\n  namespace: default'))
        .stderr,
    ).toBe(
      `error: the namespace from the provided object "default" does not match the namespace "other". You must pass '--namespace=default' to perform this operation.\n`,
    )
  })
})

describe('kubectl create -f -', () => {
  test('created, then AlreadyExists with the source (E4)', () => {
    const { k } = lab()
    expect(k('create -f -', SVC('web'))).toEqual({
      stdout: 'service/web created\n',
      stderr: '',
      exitCode: 0,
    })
    expect(k('create -f -', SVC('web'))).toEqual({
      stdout: '',
      stderr:
        'Error from server (AlreadyExists): error when creating "STDIN": services "web" already exists\n',
      exitCode: 1,
    })
    expect(k('create -f -', '')).toEqual({
      stdout: '',
      stderr: 'error: no objects passed to create\n',
      exitCode: 1,
    })
  })

  test('--save-config stores the annotation so a later apply does not warn', () => {
    const { k } = lab()
    k('create -f - --save-config', SVC('web'))
    expect(k('apply -f -', SVC('web'))).toEqual({
      stdout: 'service/web unchanged\n',
      stderr: '',
      exitCode: 0,
    })
  })
})

describe('kinds the simulated API server does not serve', () => {
  test('the RESTMapper error, and the other documents are still applied', () => {
    const r = lab().k(
      'apply -f -',
      `${SVC('a')}---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x\n`,
    )
    expect(r).toEqual({
      stdout: 'service/a created\n',
      stderr:
        'error: resource mapping not found for name: "x" namespace: "" from "STDIN": no matches for kind "NetworkPolicy" in version "networking.k8s.io/v1"\nensure CRDs are installed first\n',
      exitCode: 1,
    })
  })
})

describe('apply variants', () => {
  test('--server-side says serverside-applied; --dry-run=client -o yaml shows the annotation kubectl adds', () => {
    const { k } = lab()
    expect(k('apply --server-side -f -', SVC('web')).stdout).toBe(
      'service/web serverside-applied\n',
    )
    const y = k('apply --dry-run=client -o yaml -f -', SVC('other')).stdout
    expect(y).toContain(
      '    kubectl.kubernetes.io/last-applied-configuration: |\n      {"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"other","namespace":"default"},"spec":{"ports":[{"port":80}],"selector":{"app":"other"}}}\n',
    )
  })
})
