// Golden files for kubectl get/describe output on a hand-built kind-like cluster (fixture.ts).
// Each *.txt holds the exact stdout; GOLDEN_UPDATE=1 rewrites them (review the diff by hand:
// every file was checked against kubectl 1.32's printers.go / describe.go and real transcripts).

import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Ctx } from '../../worker/sim/context'
import { kubectlDescribe, type DescribeArgs } from '../../worker/sim/kubectl/describe'
import { kubectlGet, type GetArgs } from '../../worker/sim/kubectl/get'
import { buildCluster, NOW } from './fixture'

const DIR = __dirname

function ctx(): Ctx {
  return { s: buildCluster(), now: NOW, trace: [], changed: [], history: [], clear: false }
}

const get = (a: Partial<GetArgs>) =>
  kubectlGet(ctx(), {
    resources: [],
    namespace: 'default',
    allNamespaces: false,
    showLabels: false,
    noHeaders: false,
    ...a,
  })
const desc = (a: Partial<DescribeArgs>) =>
  kubectlDescribe(ctx(), { resources: [], namespace: 'default', allNamespaces: false, ...a })

const CASES: [string, () => { stdout: string; stderr: string; exitCode: number }][] = [
  ['get-nodes', () => get({ resources: ['nodes'] })],
  ['get-nodes-wide', () => get({ resources: ['no'], output: 'wide' })],
  ['get-namespaces', () => get({ resources: ['ns'] })],
  ['get-services', () => get({ resources: ['svc'] })],
  [
    'get-services-all-namespaces-wide',
    () => get({ resources: ['services'], allNamespaces: true, output: 'wide' }),
  ],
  ['get-pods-wide', () => get({ resources: ['po'], output: 'wide' })],
  ['get-pods-show-labels', () => get({ resources: ['pods'], showLabels: true })],
  [
    'get-pods-label-columns',
    () => get({ resources: ['pods'], labelColumns: ['app', 'pod-template-hash'] }),
  ],
  ['get-all', () => get({ resources: ['all'] })],
  ['get-endpoints-and-slices', () => get({ resources: ['ep,endpointslices'] })],
  ['get-deploy-rs-wide', () => get({ resources: ['deploy,rs'], output: 'wide' })],
  ['get-events', () => get({ resources: ['events'] })],
  ['get-service-yaml', () => get({ resources: ['svc', 'web'], output: 'yaml' })],
  [
    'get-namespace-json-list',
    () =>
      get({ resources: ['ns'], selector: 'kubernetes.io/metadata.name=default', output: 'json' }),
  ],
  [
    'get-pods-custom-columns',
    () =>
      get({
        resources: ['pods'],
        output:
          'custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName,X:.spec.foo',
      }),
  ],
  ['get-shop-services-wide', () => get({ resources: ['svc'], namespace: 'shop', output: 'wide' })],
  ['get-shop-pods', () => get({ resources: ['pods'], namespace: 'shop' })],
  [
    'get-shop-endpoints-slices',
    () => get({ resources: ['endpoints,endpointslices'], namespace: 'shop' }),
  ],
  ['get-pods-all-namespaces', () => get({ resources: ['pods'], allNamespaces: true })],
  ['get-rs-no-headers', () => get({ resources: ['rs'], noHeaders: true })],
  ['get-deploy-svc-no-headers', () => get({ resources: ['deploy,svc'], noHeaders: true })],
  ['describe-service-web', () => desc({ resources: ['svc', 'web'] })],
  ['describe-service-lb', () => desc({ resources: ['service/lb'] })],
  ['describe-pod', () => desc({ resources: ['pod', 'web-7d9f8b6c5d-4xkqz'] })],
  ['describe-deployment', () => desc({ resources: ['deploy', 'web'] })],
  ['describe-replicaset', () => desc({ resources: ['rs', 'web-7d9f8b6c5d'] })],
  ['describe-endpoints', () => desc({ resources: ['ep', 'web'] })],
  ['describe-node', () => desc({ resources: ['node', 'lab-worker'] })],
  ['describe-namespace', () => desc({ resources: ['ns', 'default'] })],
]

describe('kubectl printers golden files', () => {
  for (const [name, run] of CASES) {
    it(name, () => {
      const r = run()
      expect(r.exitCode).toBe(0)
      expect(r.stderr).toBe('')
      const file = join(DIR, `${name}.txt`)
      if (process.env.GOLDEN_UPDATE) writeFileSync(file, r.stdout)
      expect(existsSync(file), `${name}.txt missing: run with GOLDEN_UPDATE=1 and review it`).toBe(
        true,
      )
      expect(r.stdout).toBe(readFileSync(file, 'utf8'))
    })
  }
})
