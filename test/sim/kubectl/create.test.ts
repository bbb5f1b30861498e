import { describe, expect, test } from 'vitest'
import { lab } from './helpers'
import { HAVE_KUBECTL, realKubectl } from './real-kubectl'

const DRY_RUNS = [
  'create deployment web --image=nginx --dry-run=client -o yaml',
  'create deployment web --image=nginx:1.19 --replicas=3 --port=80 --dry-run=client -o yaml',
  'create deployment web --image=nginx --dry-run=client -o json',
  'create deployment web --image=nginx --dry-run=client -o name',
  'create deployment web --image=nginx --dry-run=client',
  'create deployment web -n dev --image=registry.k8s.io/e2e-test-images/agnhost:2.53 --dry-run=client -o yaml -- /agnhost netexec --http-port=8080',
  'create service nodeport web --tcp=80:8080 --dry-run=client -o yaml',
  'create service nodeport web --tcp=80 --node-port=30080 --dry-run=client -o json',
  'create service clusterip h --clusterip=None --dry-run=client -o yaml',
  'create service clusterip web --tcp=5678:8080,443:https --dry-run=client -o yaml',
  'create service loadbalancer lb --tcp=80:http --dry-run=client -o yaml',
  'create service externalname ex --external-name=example.com --dry-run=client -o yaml',
  'create namespace dev --dry-run=client -o yaml',
  'create ns dev --dry-run=client -o json',
  'create svc clusterip web --tcp=80 --dry-run=client -o name',
]

describe('create generators print what kubectl prints', () => {
  test('create deployment --dry-run=client -o yaml', () => {
    expect(lab().k(DRY_RUNS[0] as string)).toEqual({
      stdout: `apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`,
      stderr: '',
      exitCode: 0,
    })
  })

  test('create service nodeport --tcp=80:8080 names the port 80-8080', () => {
    const r = lab().k(DRY_RUNS[6] as string)
    expect(r.stdout).toContain(
      '  ports:\n  - name: 80-8080\n    port: 80\n    protocol: TCP\n    targetPort: 8080\n  selector:\n    app: web\n  type: NodePort\nstatus:\n  loadBalancer: {}\n',
    )
  })

  test.skipIf(!HAVE_KUBECTL)('byte for byte as the real kubectl (skipped without it)', () => {
    for (const line of DRY_RUNS) {
      const real = realKubectl(line.split(' '))
      expect({ line, ...lab().k(line) }).toEqual({ line, ...real })
    }
  })

  test('bare --dry-run is the deprecated client mode and warns through klog', () => {
    const r = lab().k('create deployment web --image=nginx --dry-run')
    expect(r.stdout).toBe('deployment.apps/web created (dry run)\n')
    expect(r.stderr).toMatch(
      /^W1126 06:01:00\.\d{6} +\d+ helpers\.go:702\] --dry-run is deprecated and can be replaced with --dry-run=client\.\n$/,
    )
  })
})

describe('create against the cluster', () => {
  test('deployment, service and namespace are created and reported', () => {
    const { k, ctx } = lab()
    expect(k('create deployment web --image=nginx')).toEqual({
      stdout: 'deployment.apps/web created\n',
      stderr: '',
      exitCode: 0,
    })
    expect(k('create service clusterip web --tcp=80:80')).toEqual({
      stdout: 'service/web created\n',
      stderr: '',
      exitCode: 0,
    })
    expect(k('create namespace dev')).toEqual({
      stdout: 'namespace/dev created\n',
      stderr: '',
      exitCode: 0,
    })
    expect(k('create deployment api --image=nginx --dry-run=server')).toEqual({
      stdout: 'deployment.apps/api created (server dry run)\n',
      stderr: '',
      exitCode: 0,
    })
    expect(ctx.changed.map((c) => `${c.kind}/${c.name} ${c.op}`)).toEqual([
      'Deployment/web created',
      'Service/web created',
      'Namespace/dev created',
    ])
    expect(Object.keys(ctx.s.objects).some((key) => key.startsWith('Pod/default/web-'))).toBe(true)
    expect(Object.keys(ctx.s.objects).some((key) => key.startsWith('Deployment/default/api'))).toBe(
      false,
    )
  })

  test('API errors are wrapped as the generators wrap them (T17, T18)', () => {
    const { k } = lab()
    k('create deployment web --image=nginx')
    k('create service clusterip web --tcp=80')
    expect(k('create deployment web --image=nginx')).toEqual({
      stdout: '',
      stderr: 'error: failed to create deployment: deployments.apps "web" already exists\n',
      exitCode: 1,
    })
    expect(k('create service clusterip web --tcp=80').stderr).toBe(
      'error: failed to create ClusterIP service: services "web" already exists\n',
    )
    expect(k('create service nodeport np --tcp=80:8080 --node-port=80').stderr).toBe(
      'error: failed to create NodePort service: Service "np" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    )
    expect(k('create namespace default')).toEqual({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): namespaces "default" already exists\n',
      exitCode: 1,
    })
    expect(k('create deployment x --image=nginx -n nope').stderr).toBe(
      'error: failed to create deployment: namespaces "nope" not found\n',
    )
  })

  test('client-side checks of create service', () => {
    const { k } = lab()
    expect(k('create service clusterip web').stderr).toBe(
      'error: at least one tcp port specifier must be provided\n',
    )
    expect(k('create service nodeport web --tcp=abc').stderr).toBe(
      'error: strconv.ParseUint: parsing "abc": invalid syntax\n',
    )
    expect(k('create service externalname ex --external-name=Bad_Name').stderr).toBe(
      'error: invalid service external name Bad_Name\n',
    )
    expect(k('create deployment a b --image=nginx').stderr).toBe(
      "error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n",
    )
  })
})
