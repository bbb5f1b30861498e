// `kubectl delete --cascade=orphan|foreground` with the real kubectl 1.32 against our API, each
// output compared with the lab terminal's kubectl on a second cluster that went the same way.
import { expect, it } from 'vitest'
import { kubectl, learner, sleep, type Learner, type Out } from './kube-streams-helpers'

async function running(a: Learner, app: string, n: number) {
  for (let i = 0; i < 60; i++) {
    const rows = (await a.sim(`kubectl get pods -l app=${app} --no-headers`)).stdout
    if (rows.split('\n').filter((r) => /1\/1\s+Running/.test(r)).length === n) return
    await sleep(500)
  }
  throw new Error(`${app} did not start`)
}

/** Names differ per cluster (hash suffixes, ages): compared with them masked. */
const masked = (o: Out) => ({
  ...o,
  stdout: o.stdout.replace(/-[a-z0-9]{5,10}(-[a-z0-9]{5})?\b/g, '-X').replace(/\s+\d+s\b/g, ' AGE'),
})

export function cascadeSuite(base: () => string) {
  it('kubectl delete --cascade=orphan and =foreground do what the lab terminal does', async () => {
    const real = await learner(base())
    const ours = await learner(base())
    for (const a of [real, ours]) {
      await a.sim('kubectl create deployment o --image=nginx --replicas=2')
      await a.sim('kubectl create deployment f --image=busybox -- sleep 3600')
      await a.sim('kubectl create deployment g --image=nginx')
    }
    for (const a of [real, ours])
      for (const [app, n] of [
        ['o', 2],
        ['f', 1],
        ['g', 1],
      ] as const)
        await running(a, app, n)
    const both = async (line: string) => {
      const mine = await kubectl(real.kubeconfig, line.split(' '))
      const theirs = await ours.sim(`kubectl ${line}`)
      expect(masked(mine), line).toEqual(masked(theirs))
      return mine
    }
    // client-side checks of the flag, then orphan
    await both('delete deployment o --cascade=bogus')
    await both('delete deployment nope --cascade=false')
    expect((await both('delete deployment o --cascade=orphan')).stdout).toBe(
      'deployment.apps "o" deleted\n',
    )
    const kept = await both('get rs,pods -l app=o --no-headers')
    expect(kept.stdout.split('\n').filter(Boolean)).toHaveLength(3)
    expect(
      (await both('get rs -l app=o -o jsonpath={.items[*].metadata.ownerReferences}')).stdout,
    ).toBe('')

    // foreground without waiting: the owner stays, with the finalizer, while its pod terminates
    const noWait = await kubectl(real.kubeconfig, [
      'delete',
      'deploy',
      'f',
      '--cascade=foreground',
      '--wait=false',
    ])
    expect(noWait.stdout).toBe('deployment.apps "f" deleted\n')
    expect((await ours.sim('kubectl delete deploy f --cascade=foreground')).stdout).toBe(
      noWait.stdout,
    )
    const finalizers = 'get deploy,rs -l app=f -o jsonpath={.items[*].metadata.finalizers}'
    expect((await both(finalizers)).stdout).toBe('["foregroundDeletion"] ["foregroundDeletion"]')
    expect((await both('get pods -l app=f --no-headers')).stdout).toMatch(/Terminating/)

    // foreground with kubectl's default --wait: it returns once the pods, the ReplicaSet and the
    // Deployment are gone (nginx stops at once on SIGTERM)
    const waited = await kubectl(real.kubeconfig, ['delete', 'deploy', 'g', '--cascade=foreground'])
    expect(waited).toEqual({ stdout: 'deployment.apps "g" deleted\n', stderr: '', exitCode: 0 })
    expect((await kubectl(real.kubeconfig, ['get', 'deploy,rs,pods', '-l', 'app=g'])).stderr).toBe(
      'No resources found in default namespace.\n',
    )
    const history = (await real.c.get(`/api/clusters/${real.id}/history`)).body.history as {
      command: string
    }[]
    expect(history.map((h) => h.command)).toContain(
      'kubectl delete: deployment.apps/o deleted in default (API)',
    )
  }, 120_000)
}
