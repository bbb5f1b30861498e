// The same byte-for-byte comparison as describe-vs-kubectl.test.ts, on objects the simulated
// controllers made (newCluster + kubectl run/create/expose through run()), so the printers are
// checked against the shapes the rest of the simulation really produces.

import { execFile, execFileSync } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newCluster, run, type ClusterState } from '../../worker/sim/index'
import { formatTimestamp } from '../../worker/sim/state'
import { startFakeApiServer } from './fake-apiserver'

const exec = promisify(execFile)

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
const LINES = [
  'kubectl create deployment web --image=nginx --replicas=2 --port=80',
  'kubectl expose deployment web --port=8080 --target-port=80 --type=NodePort',
  'kubectl create service loadbalancer lb --tcp=80:80',
  'kubectl run client --image=busybox -- sleep 3600',
  'kubectl run crash --image=busybox',
  'kubectl create namespace dev',
]

let state: ClusterState
let t = 0
let server: { url: string; close: () => Promise<void> } | undefined

function sim(line: string): { stdout: string; stderr: string } {
  const r = run(state, line, { now: t, stdin: '', history: [] } as never) as unknown as {
    state?: ClusterState
    stdout: string
    stderr: string
  }
  if (r.state) state = r.state
  return r
}

async function real(args: string[]): Promise<string> {
  try {
    const r = await exec('kubectl', [`--server=${server?.url}`, ...args], {
      env: { ...process.env, TZ: 'UTC', KUBECONFIG: '/dev/null' },
      timeout: 20_000,
    })
    return r.stdout + r.stderr
  } catch (e) {
    const x = e as { stdout: string; stderr: string }
    return x.stdout + x.stderr
  }
}

describe.skipIf(!HAVE)('printers on simulated objects match the real kubectl 1.32', () => {
  beforeAll(async () => {
    t = Math.floor(Date.now() / 1000) * 1000 - 600_000
    state = newCluster(7, t)
    for (const line of LINES) {
      t += 30_000
      sim(line)
    }
    t = Date.now()
    sim('kubectl get pods')
    const lease = (node: string) => ({
      kind: 'Lease',
      apiVersion: 'coordination.k8s.io/v1',
      metadata: {
        name: node,
        namespace: 'kube-node-lease',
        uid: 'l',
        resourceVersion: '1',
        creationTimestamp: formatTimestamp(t),
      },
      spec: {
        holderIdentity: node,
        renewTime: new Date(Math.floor(Date.now() / 10000) * 10000)
          .toISOString()
          .replace('Z', '000Z'),
      },
    })
    server = await startFakeApiServer(state, lease)
  })
  afterAll(async () => server?.close())

  const CASES = [
    'describe deploy web',
    'describe rs',
    'describe svc',
    'describe ep',
    'describe endpointslices',
    'describe pods',
    'describe node lab-worker',
    'describe ns dev',
    'get deploy web -o yaml',
    'get svc -o json',
    'get pods -o yaml',
    'get endpointslices -o yaml',
    'get nodes -o json',
    'get ns -o name',
    'describe -n kube-system svc',
  ]
  for (const c of CASES) {
    it(c, async () => {
      const args = c.split(' ')
      t = Date.now()
      const mine = sim(`kubectl ${c}`)
      const theirs = await real(args)
      if (process.env.SHOW) console.log(`$ kubectl ${c}\n${theirs}`)
      if (mine.stdout + mine.stderr !== theirs) {
        t = Date.now()
        const again = sim(`kubectl ${c}`)
        expect(again.stdout + again.stderr).toBe(theirs)
      }
    })
  }
})

