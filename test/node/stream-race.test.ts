// A streamed line whose step's write loses a race goes on: at its next poll it takes the row as
// the other tab left it and keeps the task its lost step completed (worker/terminal/stream-response
// adoptProgress). The race is made certain: the other tab's line runs just before that write.
import { beforeAll, describe, expect, it, vi } from 'vitest'
import * as store from '../../worker/db/clusters'
import { Client } from '../http/client'
import { readEvents } from '../http/terminal-suite'
import { nodeApp } from './node-app'

vi.mock('../../worker/db/clusters', async (original) => {
  const real = await original<typeof import('../../worker/db/clusters')>()
  return { ...real, updateClusterState: vi.fn(real.updateClusterState) }
})

const { fetch, migrate } = nodeApp()
beforeAll(migrate)

describe('a streamed step that loses its write', () => {
  it("keeps its task and the other tab's through the next poll and the line's end", async () => {
    const c = new Client(fetch)
    await c.signup()
    const id = await c.openCluster('pod-ips')
    // the pod's IP read from the page's view of the cluster: no command has shown it yet
    const objects = (await c.get(`/api/clusters/${id}`)).body.cluster.objects as {
      kind: string
      metadata: { namespace?: string }
      status?: { podIP?: string }
    }[]
    const ip = objects.find((o) => o.kind === 'Pod' && o.metadata.namespace === 'default')!.status!
      .podIP!
    const update = vi.mocked(store.updateClusterState)
    const real = (await vi.importActual<typeof store>('../../worker/db/clusters'))
      .updateClusterState
    // the step that curls the pod IP from the workstation (a task) finds the row just rewritten
    // by another tab that completed a task of its own
    update.mockImplementationOnce(async (db, w) => {
      const other = await c.post(`/api/clusters/${id}/run`, {
        command: 'kubectl get pods -o wide',
        terminal: 't2',
      })
      expect(other.body.newlyCompleted).toEqual(['find-pod-ip'])
      return real(db, w)
    })
    const res = await fetch(
      new Request(`http://lab.test/api/clusters/${id}/run`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: c.cookie },
        body: JSON.stringify({
          command: `sleep 1; curl --connect-timeout 1 ${ip}; sleep 1; echo end`,
          terminal: 't1',
          stream: true,
        }),
      }),
    )
    const events = await readEvents(res)
    expect(update).toHaveBeenCalled()
    expect(events[events.length - 1]).toMatchObject({ type: 'end' })
    const tasks = (await c.get('/api/labs')).body.labs.find(
      (l: { id: string }) => l.id === 'pod-ips',
    ).tasks as { id: string; done: boolean }[]
    expect(tasks.filter((t) => t.done).map((t) => t.id)).toEqual(['find-pod-ip', 'outside-fails'])
  }, 20_000)
})
