// `GET .../pods/<name>/log`: the container's log as text/plain (kubelet via the apiserver's
// pods/log REST). With `follow=true` the body stays open and gets each line as the container logs
// it (requests answered by the pod, through any door), until the container stops or restarts, the
// pod goes, or the stream limit passes; kubectl logs -f then exits 0, as it does when a container
// ends.

import type { Context } from 'hono'
import * as z from 'zod/mini'
import type { KubeEnv } from '../auth'
import { queryFlag } from '../list-options'
import { podContainer } from '../pod-container'
import type { ResourcePath } from '../path'
import { badRequest, methodNotAllowed, noRoute } from '../status'
import { ClusterFeed, type FeedDeps } from '../watch/feed'
import type { Pod } from '../../sim/objects/types'
import { followLines } from './follow-lines'
import { containerLines, containerStart, formatLines, readLog, type LogQuery } from './log-lines'

// any value: queryFlag reads it as the apiserver does (`True`, `t`, an empty value are true)
const flag = z.optional(z.string())
const count = z.optional(z.string().check(z.regex(/^\d{1,9}$/)))
const logParams = z.object({
  container: z.optional(z.string().check(z.maxLength(253))),
  follow: flag,
  previous: flag,
  timestamps: flag,
  tailLines: count,
  limitBytes: count,
})

/** PodLogOptions from the query; a malformed count or container is the apiserver's BadRequest. */
export function readLogQuery(
  url: string,
): Omit<LogQuery, 'container'> & { container?: string; follow: boolean } {
  const raw = Object.fromEntries(new URL(url).searchParams)
  const parsed = logParams.safeParse(raw)
  if (!parsed.success)
    throw badRequest(`invalid log options: ${parsed.error.issues[0]?.path.join('.') ?? 'query'}`)
  const q = parsed.data
  return {
    container: q.container,
    follow: queryFlag(q.follow),
    previous: queryFlag(q.previous),
    timestamps: queryFlag(q.timestamps),
    tailLines: q.tailLines === undefined ? undefined : Number(q.tailLines),
    limitBytes: q.limitBytes === undefined ? undefined : Number(q.limitBytes),
  }
}

function containerID(pod: Pod | undefined, name: string): string | undefined {
  const st = pod?.status.containerStatuses?.find((c) => c.name === name)
  return st?.state.running ? st.containerID : undefined
}

export async function serveLogs(c: Context<KubeEnv>, p: ResourcePath): Promise<Response> {
  if (c.req.method !== 'GET') throw methodNotAllowed()
  const q = readLogQuery(c.req.url)
  const deps: FeedDeps = {
    db: c.get('db'),
    codec: c.get('codec'),
    clusterId: c.get('kube').clusterId,
    now: c.get('deps').now,
  }
  const feed = new ClusterFeed(deps)
  const view = await feed.current()
  if (!view) throw noRoute()
  const { pod, container } = podContainer(view.state, p.namespace, p.name ?? '', q.container)
  const query: LogQuery = { ...q, container }
  const read = readLog(view.state, pod, query)
  if ('error' in read) throw badRequest(read.error)
  let text = formatLines(read.lines, q.timestamps, containerStart(pod, query.container))
  if (q.limitBytes !== undefined)
    text = new TextDecoder().decode(new TextEncoder().encode(text).slice(0, q.limitBytes))
  const headers = { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }
  const id = containerID(pod, query.container)
  if (!q.follow || q.previous || id === undefined || q.limitBytes !== undefined)
    return new Response(text, { headers })
  const body = followLog(
    feed,
    deps,
    p,
    query,
    text,
    containerLines(view.state, pod, query.container),
    id,
  )
  // no compression for a followed log: see watch/serve-watch.ts
  return new Response(body, {
    headers: { ...headers, 'Content-Encoding': 'identity', 'X-Accel-Buffering': 'no' },
  })
}

function followLog(
  feed: ClusterFeed,
  deps: FeedDeps,
  p: ResourcePath,
  q: LogQuery,
  first: string,
  seen: string[],
  id: string,
): ReadableStream<Uint8Array> {
  const enc = new TextEncoder()
  let stopped = false
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (first) controller.enqueue(enc.encode(first))
      const followed = followLines(feed, deps, {
        namespace: p.namespace,
        pod: p.name ?? '',
        container: q.container,
        seen,
        // a restarted container is another log: the stream of this one has ended
        isSame: (pod) =>
          pod.status.containerStatuses?.find((c) => c.name === q.container)?.containerID === id,
        ended: () => stopped,
      })
      const loop = async () => {
        for await (const { added, now } of followed)
          if (added.length) controller.enqueue(enc.encode(formatLines(added, q.timestamps, now)))
      }
      loop()
        .catch((e: unknown) => console.error('log stream failed', e))
        .finally(() => {
          if (stopped) return
          stopped = true
          controller.close()
        })
    },
    cancel() {
      stopped = true
    },
  })
}
