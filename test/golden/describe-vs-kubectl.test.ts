// Runs the real kubectl 1.32 client against a fake API server holding the golden fixture and
// compares its `describe` and `get -o yaml|json|name|jsonpath|custom-columns` output with ours,
// byte for byte. Skipped, with the reason, when no kubectl v1.32 is on PATH.

import { execFile, execFileSync } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Ctx } from '../../worker/sim/context'
import { kubectlDescribe } from '../../worker/sim/kubectl/describe'
import { kubectlGet, type GetArgs } from '../../worker/sim/kubectl/get'
import { formatTimestamp } from '../../worker/sim/state'
import { buildCluster } from './fixture'
import { startFakeApiServer } from './fake-apiserver'

const run = promisify(execFile)

function haveKubectl(): boolean {
  try {
    return execFileSync('kubectl', ['version', '--client'], {
      encoding: 'utf8',
      timeout: 10_000,
    }).includes('v1.32')
  } catch {
    return false
  }
}

const HAVE = haveKubectl()
const NOW = Math.floor(Date.now() / 1000) * 1000
const s = buildCluster(NOW - 1000)
let server: { url: string; close: () => Promise<void> } | undefined

/** The node Lease our describe assumes: held by the node, renewed on the last 10 s boundary. */
const lease = (node: string) => ({
  kind: 'Lease',
  apiVersion: 'coordination.k8s.io/v1',
  metadata: {
    name: node,
    namespace: 'kube-node-lease',
    uid: 'l',
    resourceVersion: '1',
    creationTimestamp: formatTimestamp(NOW),
  },
  spec: {
    holderIdentity: node,
    leaseDurationSeconds: 40,
    renewTime: new Date(Math.floor(Date.now() / 10000) * 10000).toISOString().replace('Z', '000Z'),
  },
})

async function real(
  args: string[],
  ns = 'default',
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const r = await run('kubectl', [`--server=${server?.url}`, '-n', ns, ...args], {
      env: { ...process.env, TZ: 'UTC', KUBECONFIG: '/dev/null' },
      timeout: 20_000,
    })
    return { stdout: r.stdout, stderr: r.stderr, code: 0 }
  } catch (e) {
    const x = e as { stdout: string; stderr: string; code: number }
    return { stdout: x.stdout, stderr: x.stderr, code: x.code }
  }
}

const ctx = (): Ctx => ({ s, now: Date.now(), trace: [], changed: [], history: [], clear: false })

describe.skipIf(!HAVE)('describe and get -o match the real kubectl 1.32 (fake API server)', () => {
  beforeAll(async () => {
    server = await startFakeApiServer(s, lease)
  })
  afterAll(async () => server?.close())

  const DESCRIBE: string[][] = [
    ['svc', 'web'],
    ['svc', 'lb'],
    ['svc', 'kubernetes'],
    ['pod', 'web-7d9f8b6c5d-4xkqz'],
    ['pod', 'web-7d9f8b6c5d-b2n8w'],
    ['pod', 'web-7d9f8b6c5d-zz9lp'],
    ['deploy', 'web'],
    ['rs', 'web-7d9f8b6c5d'],
    ['ep', 'web'],
    ['ep', 'kubernetes'],
    ['endpointslice', 'web-x7k2p'],
    ['node', 'lab-worker'],
    ['node', 'lab-control-plane'],
    ['ns', 'default'],
    ['svc'],
    ['pods', 'web-7d9f'],
    ['-n', 'shop', 'svc'],
    ['-n', 'shop', 'pods'],
    ['-n', 'shop', 'ep'],
    ['-n', 'shop', 'endpointslices'],
    ['-n', 'shop', 'ns', 'shop'],
    ['svc', 'nope'],
    ['events', 'web.187b1a2c3c000000'],
    ['all'],
    ['pods', 'nope', 'web-7d9f8b6c5d-4xkqz'],
    ['deploy/web', 'svc/nope'],
    ['rs'],
    ['-n', 'kube-system', 'pods'],
  ]
  for (const args of DESCRIBE) {
    it(`describe ${args.join(' ')}`, async () => {
      const ns = args[0] === '-n' ? (args[1] ?? '') : 'default'
      const rest = args[0] === '-n' ? args.slice(2) : args
      const before = kubectlDescribe(ctx(), {
        resources: rest,
        namespace: ns,
        allNamespaces: false,
      })
      const r = await real(['describe', ...rest], ns)
      const after = kubectlDescribe(ctx(), { resources: rest, namespace: ns, allNamespaces: false })
      // ages may tick between our two runs and kubectl's; either of ours must match exactly
      expect(r.stdout === before.stdout ? after.stdout : r.stdout).toBe(after.stdout)
      expect(r.stderr).toBe(after.stderr)
    })
  }

  const GET: [string[], Partial<GetArgs>][] = [
    [['get', 'svc', 'web', '-o', 'yaml'], { resources: ['svc', 'web'], output: 'yaml' }],
    [['get', 'pods', '-o', 'json'], { resources: ['pods'], output: 'json' }],
    [['get', 'deploy', 'web', '-o', 'json'], { resources: ['deploy', 'web'], output: 'json' }],
    [['get', 'all', '-o', 'name'], { resources: ['all'], output: 'name' }],
    [
      ['get', 'pods', '-o', 'jsonpath={.items[*].status.podIP}'],
      { resources: ['pods'], output: 'jsonpath={.items[*].status.podIP}' },
    ],
    [
      [
        'get',
        'nodes',
        '-o',
        'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.addresses[?(@.type=="InternalIP")].address}{"\\n"}{end}',
      ],
      {
        resources: ['nodes'],
        output:
          'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.addresses[?(@.type=="InternalIP")].address}{"\\n"}{end}',
      },
    ],
    [
      [
        'get',
        'pods',
        '-o',
        'custom-columns=NAME:.metadata.name,IP:.status.podIP,OWNER:.metadata.ownerReferences[0].name,X:.spec.nope',
      ],
      {
        resources: ['pods'],
        output:
          'custom-columns=NAME:.metadata.name,IP:.status.podIP,OWNER:.metadata.ownerReferences[0].name,X:.spec.nope',
      },
    ],
    [
      ['get', 'svc', '--sort-by=.spec.clusterIP', '-o', 'name'],
      { resources: ['svc'], sortBy: '.spec.clusterIP', output: 'name' },
    ],
    [
      ['get', 'pods', '-l', 'app=web', '-o', 'yaml'],
      { resources: ['pods'], selector: 'app=web', output: 'yaml' },
    ],
    [
      ['get', 'svc', 'web', 'nope', '-o', 'name'],
      { resources: ['svc', 'web', 'nope'], output: 'name' },
    ],
    [
      ['get', 'pods', '-o', 'jsonpath={.items[9].metadata.name}'],
      { resources: ['pods'], output: 'jsonpath={.items[9].metadata.name}' },
    ],
    [['get', 'svc', 'nope'], { resources: ['svc', 'nope'] }],
    [['get', 'svc', 'nope', '-o', 'yaml'], { resources: ['svc', 'nope'], output: 'yaml' }],
    [
      ['get', 'pods', '-n', 'shop', '-o', 'yaml'],
      { resources: ['pods'], namespace: 'shop', output: 'yaml' },
    ],
    [
      ['get', 'svc,ep', '-n', 'shop', '-o', 'json'],
      { resources: ['svc,ep'], namespace: 'shop', output: 'json' },
    ],
    [
      [
        'get',
        'pods',
        '-n',
        'shop',
        '--sort-by=.status.startTime',
        '-o',
        'custom-columns=N:.metadata.name,R:.status.containerStatuses[0].restartCount',
      ],
      {
        resources: ['pods'],
        namespace: 'shop',
        sortBy: '.status.startTime',
        output: 'custom-columns=N:.metadata.name,R:.status.containerStatuses[0].restartCount',
      },
    ],
    [
      ['get', 'pods', '-n', 'shop', '--sort-by=.spec.nope', '-o', 'name'],
      { resources: ['pods'], namespace: 'shop', sortBy: '.spec.nope', output: 'name' },
    ],
    [
      ['get', 'pods', '-n', 'empty', '-o', 'custom-columns=NAME:.metadata.name'],
      { resources: ['pods'], namespace: 'empty', output: 'custom-columns=NAME:.metadata.name' },
    ],
    [
      ['get', 'pods', '-n', 'empty', '-o', 'json'],
      { resources: ['pods'], namespace: 'empty', output: 'json' },
    ],
    [
      ['get', 'pods', '-n', 'empty', '-o', 'jsonpath-as-json={.items[*].metadata.name}'],
      {
        resources: ['pods'],
        namespace: 'empty',
        output: 'jsonpath-as-json={.items[*].metadata.name}',
      },
    ],
    [
      [
        'get',
        'svc',
        '-n',
        'shop',
        '-o',
        'jsonpath={.items[?(@.spec.type=="LoadBalancer")].status.loadBalancer.ingress[0].ip}',
      ],
      {
        resources: ['svc'],
        namespace: 'shop',
        output:
          'jsonpath={.items[?(@.spec.type=="LoadBalancer")].status.loadBalancer.ingress[0].ip}',
      },
    ],
  ]
  for (const [args, ours] of GET) {
    it(args.join(' '), async () => {
      const mine = kubectlGet(ctx(), {
        resources: [],
        namespace: 'default',
        allNamespaces: false,
        showLabels: false,
        noHeaders: false,
        ...ours,
      })
      const r = await real(args)
      expect(mine.stdout).toBe(r.stdout)
      expect(mine.stderr).toBe(r.stderr)
      expect(mine.exitCode).toBe(r.code)
    })
  }
})

