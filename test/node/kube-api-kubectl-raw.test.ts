// `kubectl get --raw PATH`: the lab terminal prints what the lab's Kubernetes API answers the real
// kubectl for the same path on the same cluster. kubectl's RequestURI drops the kubeconfig
// server's path, so the real kubectl is given the cluster prefix in front of the path.
// Needs the `kubectl` binary.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listenForFile } from './node-app'
import { HAS_KUBECTL, runKubectl } from './kubectl-compare'
import { learner } from './kube-streams-helpers'

const dir = mkdtempSync(join(tmpdir(), 'sl-kubectl-raw-'))
const origin = listenForFile({ dbFile: join(dir, 'test.db'), when: HAS_KUBECTL })

describe.skipIf(!HAS_KUBECTL)('kubectl get --raw (needs the kubectl binary)', () => {
  it('answers health, version, discovery and objects as the API does', async () => {
    const a = await learner(origin())
    await a.sim('kubectl create deployment web --image=nginx --replicas=2')
    const prefix = new URL(a.server).pathname
    const real = (path: string) => runKubectl(dir, a.kubeconfig, ['get', '--raw', prefix + path])
    for (const path of ['/healthz', '/readyz', '/livez', '/version']) {
      const got = await a.sim(`kubectl get --raw ${path}`)
      expect(got, path).toEqual(await real(path))
    }
    const paths = [
      '/apis',
      '/api/v1',
      '/apis/apps',
      '/apis/apps/v1',
      '/api/v1/namespaces/default/pods',
      '/apis/apps/v1/namespaces/default/deployments/web',
      '/api/v1/nodes',
      '/api/v1/namespaces/default/services/kubernetes',
    ]
    for (const path of paths) {
      const got = await a.sim(`kubectl get --raw ${path}`)
      const want = await real(path)
      expect(got.exitCode, path).toBe(0)
      // the apiserver's JSON encoder ends the body with a newline
      expect(got.stdout.endsWith('}\n'), path).toBe(true)
      expect(JSON.parse(got.stdout), path).toEqual(JSON.parse(want.stdout))
    }
    for (const path of ['/nope', '/api/v1/namespaces/default/pods/nope']) {
      const got = await a.sim(`kubectl get --raw ${path}`)
      expect(got, path).toEqual(await real(path))
      expect(got.exitCode).toBe(1)
    }
  }, 120_000)
})
