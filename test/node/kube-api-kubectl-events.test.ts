// `kubectl events` and `get --sort-by` order by time with Go's sort.Sort, not stable: up to 12 events
// ties keep the list's order (insertion sort), above that pdqsort moves them. Events made in the
// same second (a Deployment scaled out: ScalingReplicaSet, then SuccessfulCreate and Scheduled per
// pod) are ties; the real kubectl 1.32 reads them from the lab's API and the lab terminal prints
// them in the same order, for lists of several sizes. Needs the `kubectl` binary.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listenForFile } from './node-app'
import { HAS_KUBECTL, runKubectl, type Out } from './kubectl-compare'
import { learner } from './kube-streams-helpers'

const dir = mkdtempSync(join(tmpdir(), 'sl-kubectl-events-'))
// the clock moves in whole minutes: the events of each step share their second
let clock = Date.now() - 600_000
const origin = listenForFile({ dbFile: join(dir, 'test.db'), now: () => clock, when: HAS_KUBECTL })

/** LAST SEEN is computed from kubectl's own clock: left out */
const masked = (o: Out) => ({
  ...o,
  stdout: o.stdout.replace(/^\S+( \(x\d+ over \S+\))?\s+(?=Normal|Warning)/gm, ''),
})

/** LAST SEEN of `get events` too */
const maskGetAges = (o: Out) => ({
  ...o,
  stdout: o.stdout.replace(/^\S+ +(?=Normal|Warning)/gm, ''),
})

describe.skipIf(!HAS_KUBECTL)('kubectl events with ties (needs the kubectl binary)', () => {
  it('orders events of the same seconds as kubectl does, above 12 events too', async () => {
    // each case: Deployments of that many replicas, created a minute apart, then a minute for the
    // kubelets to start the pods (Pulling, Pulled, Created, Started); a cluster keeps 30 events
    for (const sizes of [[2], [1, 2], [3], [2, 2], [1, 1, 1], [4], [5], [2, 3], [6]]) {
      const a = await learner(origin())
      clock = Date.now() - 600_000
      for (const [i, n] of sizes.entries()) {
        clock += 60_000
        await a.sim(`kubectl create deployment web${i} --image=nginx --replicas=${n}`)
      }
      clock += 60_000
      const want = masked(await a.sim('kubectl events'))
      const got = masked(await runKubectl(dir, a.kubeconfig, ['events']))
      expect(got, `kubectl events, ${sizes.join('+')} replicas`).toEqual(want)
      expect(want.stdout.split('\n').length - 2, sizes.join('+')).toBeGreaterThan(12)
      // `get --sort-by` sorts with sort.Sort too, the Table's rows or the objects
      for (const args of [
        ['get', 'events', '--sort-by=.lastTimestamp'],
        ['get', 'events', '--sort-by=.metadata.creationTimestamp', '-o', 'name'],
        // the sorted list as kubectl's typed EventList
        ['events', '-o', 'json'],
        ['events', '-o', 'yaml'],
        ['events', '-o', 'name'],
      ]) {
        const line = `kubectl ${args.join(' ')}`
        const sim = maskGetAges(await a.sim(line))
        expect(maskGetAges(await runKubectl(dir, a.kubeconfig, args)), line).toEqual(sim)
      }
    }
  }, 120_000)
})
