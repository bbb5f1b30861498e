// A watch from the version kubectl's list returned, on the app's clock: what happened between the
// list and the watch is reported, as the apiserver replays it from its watch cache. Before, a pod
// that went in between was never reported, so `kubectl delete`'s wait hung (seen under load).
import { beforeAll, expect, it } from 'vitest'
import { nodeApp } from './node-app'
import { setup } from '../http/kube-api-helpers'
import { ORIGIN } from '../http/client'

let now = Date.UTC(2026, 11, 1)
const { app, migrate } = nodeApp({ now: () => now })
beforeAll(migrate)
const fetch = async (req: Request) => app.fetch(req)

/** The first line of a watch (the clock stands still, so the stream is cancelled after it). */
async function firstEvent(prefix: string, token: string, query: string) {
  const res = await fetch(
    new Request(`${ORIGIN}${prefix}/api/v1/namespaces/default/pods?watch=true&${query}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    }),
  )
  expect(res.status).toBe(200)
  const reader = res.body!.getReader()
  const { value } = await reader.read()
  await reader.cancel()
  return JSON.parse(new TextDecoder().decode(value).split('\n')[0]!)
}

it("reports a pod that went between kubectl delete's list and its watch", async () => {
  const { kube } = await setup(fetch)
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'one' },
    spec: { containers: [{ name: 'one', image: 'nginx' }] },
  }
  const made = await kube.call('POST', '/api/v1/namespaces/default/pods', {
    body: JSON.stringify(pod),
    type: 'application/json',
  })
  expect(made.status).toBe(201)
  now += 30_000
  expect((await kube.call('DELETE', '/api/v1/namespaces/default/pods/one')).status).toBe(200)
  const list = await kube.call(
    'GET',
    '/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Done',
  )
  expect(list.body.items).toHaveLength(1)
  const rv = list.body.metadata.resourceVersion
  // nginx stops on SIGTERM: the pod goes a second after the delete, before the watch opens
  now += 2000
  const event = await firstEvent(
    kube.prefix,
    kube.token,
    `fieldSelector=metadata.name%3Done&resourceVersion=${rv}&allowWatchBookmarks=true`,
  )
  expect(event).toMatchObject({ type: 'DELETED', object: { metadata: { name: 'one' } } })
})

it('tells an informer whose version was overwritten meanwhile to list again (410 Expired)', async () => {
  const { c, id, kube } = await setup(fetch)
  const list = await kube.call('GET', '/api/v1/namespaces/default/pods')
  const rv = list.body.metadata.resourceVersion
  expect(
    (await c.post(`/api/clusters/${id}/run`, { command: 'kubectl run two --image=nginx' })).status,
  ).toBe(200)
  const event = await firstEvent(
    kube.prefix,
    kube.token,
    `resourceVersion=${rv}&allowWatchBookmarks=true`,
  )
  expect(event).toEqual({
    type: 'ERROR',
    object: {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: expect.stringMatching(new RegExp(`^too old resource version: ${rv} \\(\\d+\\)$`)),
      reason: 'Expired',
      details: {},
      code: 410,
    },
  })
})
