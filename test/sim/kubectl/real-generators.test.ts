// `kubectl run` and `kubectl expose` need API discovery even with --dry-run=client: a tiny fake
// API server answers discovery (and the one Deployment expose reads) so that the real kubectl can
// print its generated objects, which must equal ours byte for byte.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import http from 'node:http'
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lab } from './helpers'
import { HAVE_KUBECTL } from './real-kubectl'

const VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']
const DEPLOY = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          { name: 'nginx', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }] },
        ],
      },
    },
  },
}

function answer(url: string): unknown {
  const res = (name: string, kind: string, shortNames: string[], namespaced = true) => ({
    name,
    singularName: kind.toLowerCase(),
    namespaced,
    kind,
    verbs: VERBS,
    shortNames,
  })
  switch (url.split('?')[0]) {
    case '/api':
      return {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }],
      }
    case '/apis':
      return {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [
          {
            name: 'apps',
            versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
            preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
          },
        ],
      }
    case '/api/v1':
      return {
        kind: 'APIResourceList',
        groupVersion: 'v1',
        resources: [res('pods', 'Pod', ['po']), res('services', 'Service', ['svc'])],
      }
    case '/apis/apps/v1':
      return {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: 'apps/v1',
        resources: [res('deployments', 'Deployment', ['deploy'])],
      }
    case '/apis/apps/v1/namespaces/default/deployments/web':
      return DEPLOY
  }
  return undefined
}

let server: http.Server
let kubeconfig = ''

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const body = answer(req.url ?? '')
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json' })
    res.end(
      JSON.stringify(
        body ?? {
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          reason: 'NotFound',
          code: 404,
        },
      ),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  const dir = mkdtempSync(join(tmpdir(), 'kubectl-fake-'))
  kubeconfig = join(dir, 'config')
  writeFileSync(
    kubeconfig,
    `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: http://127.0.0.1:${port}\n  name: fake\ncontexts:\n- context:\n    cluster: fake\n    user: fake\n  name: fake\ncurrent-context: fake\nusers:\n- name: fake\n  user: {}\n`,
  )
})

afterAll(() => server?.close())

function realAsync(
  argv: string[],
  stdin = '',
): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  return new Promise((resolve) => {
    const p = spawn('kubectl', argv, {
      env: { ...process.env, KUBECONFIG: kubeconfig, HOME: tmpdir() },
    })
    let stdout = ''
    let stderr = ''
    p.stdout.on('data', (d) => (stdout += d))
    p.stderr.on('data', (d) => (stderr += d))
    p.on('close', (code) => resolve({ stdout, stderr, exitCode: code ?? -1 }))
    p.stdin.end(stdin)
  })
}

const CASES = [
  'run x --image=nginx --dry-run=client -o yaml',
  'run x --image=nginx --dry-run=client -o json',
  'run c --image=busybox --labels=a=b,c=d --env=X=1 --env=Y=2 --port=80 --restart=Never --dry-run=client -o json --command -- sleep 3600',
  'run d --image=busybox --dry-run=client -o yaml -- echo hi there',
  'run x --image=nginx --dry-run=client',
  'run x --image=nginx --dry-run=client -o name',
  'expose deployment web --port=8080 --target-port=80 --dry-run=client -o yaml',
  'expose deploy web --dry-run=client -o json',
  'expose deploy web --port=80 --type=NodePort --name=web-np --dry-run=client -o yaml',
  'expose deploy web --dry-run=client',
  'delete pods',
  'delete pod/x y',
  'delete foo x',
  'delete pod x -l a=b',
  'scale deploy web --replicas=3 --dry-run=client',
  'scale deploy web --replicas=3 --dry-run=client -o name',
  'label deploy web tier=x --dry-run=client',
  'label deploy web app=x --dry-run=client',
  'label deploy web app=web --dry-run=client',
  'annotate deploy web a=b --dry-run=client',
  'set image deploy/web nginx=nginx:1.20 --dry-run=client',
  'set image deploy/web nope=nginx --dry-run=client',
  'expose deploy web --port=8080 --type=LoadBalancer --dry-run=client -o yaml',
]

describe.skipIf(!HAVE_KUBECTL)('generators against the real kubectl (skipped without it)', () => {
  test.each(CASES)('kubectl %s', async (line) => {
    const l = lab()
    l.k('create deployment web --image=nginx --port=80')
    const real = await realAsync(line.split(' '))
    expect(l.k(line)).toEqual(real)
  })
})

const SVC =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: other\nspec:\n  selector:\n    app: other\n  ports:\n  - port: 80\n'

describe.skipIf(!HAVE_KUBECTL)(
  'apply --dry-run=client against the real kubectl (skipped without it)',
  () => {
    test.each([
      'apply --dry-run=client --validate=false -o yaml -f -',
      'apply --dry-run=client --validate=false -f -',
      'apply --dry-run=client --validate=false -o json -f -',
    ])('kubectl %s', async (line) => {
      const real = await realAsync(line.split(' '), SVC)
      expect(lab().k(line, SVC)).toEqual(real)
    })
  },
)
