// `kubectl attach` with the real kubectl to a container whose process is not a shell (nginx):
// it shows the lines the container logs from then on (worker/kube-api/exec/attach-output.ts, the
// same follow loop as `logs -f`), and ends when the pod goes. Needs the `kubectl` binary.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HAS_KUBECTL, dir, kubectlUntil, learner, sleep } from './kube-streams-helpers'
import { listenForFile } from './node-app'

const origin = listenForFile({
  dbFile: join(dir, 'attach.db'),
  webSockets: true,
  when: HAS_KUBECTL,
})

describe.skipIf(!HAS_KUBECTL)('kubectl attach to nginx (needs the kubectl binary)', () => {
  it('prints each request nginx logs while attached, and ends when the pod is deleted', async () => {
    const a = await learner(origin())
    await a.sim('kubectl run web --image=nginx:1.27')
    await a.sim('kubectl run client --image=curlimages/curl -- sleep 3600')
    for (let i = 0; i < 60; i++) {
      const pods = await a.sim('kubectl get pods')
      if ((pods.stdout.match(/Running/g) ?? []).length === 2) break
      await sleep(500)
    }
    const ip = (await a.sim("kubectl get pod web -o jsonpath='{.status.podIP}'")).stdout
    expect(ip).toMatch(/^10\.244\./)
    await a.sim(`kubectl exec client -- curl -s ${ip}/before`)
    const attach = kubectlUntil(a.kubeconfig, ['attach', 'web'], (out) => out.includes('/after'))
    await sleep(2500)
    expect((await a.sim(`kubectl exec client -- curl -s ${ip}/after`)).exitCode).toBe(0)
    const seen = await attach.done
    expect(seen.matched, seen.stderr).toBe(true)
    expect(seen.stdout).toMatch(/"GET \/after HTTP\/1\.1" 404/)
    expect(seen.stdout).not.toContain('/before')

    const second = kubectlUntil(a.kubeconfig, ['attach', 'web'], () => false, 20_000)
    await sleep(2500)
    await a.sim('kubectl delete pod web --wait=false')
    const ended = await second.done
    expect(ended.exitCode).toBe(0)
  }, 60_000)
})
