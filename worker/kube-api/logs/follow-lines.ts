// What a followed container writes from now on (`logs -f`, `attach` to a process that is not a
// shell): the lines its log gets, a batch each time the cluster changed, one version read a second
// as a watch, until the container stops, the pod goes or is another, or the stream limit passes.

import type { Pod } from '../../sim/objects/types'
import { getObject } from '../../sim/state'
import type { ClusterFeed, FeedDeps } from '../watch/feed'
import { POLL_MS, WATCH_LIMIT_SECONDS } from '../watch/stream'
import { appendedLines, containerLines } from './log-lines'

export interface FollowedContainer {
  namespace: string | undefined
  pod: string
  container: string
  /** the log lines already sent */
  seen: string[]
  /** false: the pod read is not the one followed any more (recreated, or its container restarted) */
  isSame: (pod: Pod) => boolean
  /** true once the client has gone */
  ended: () => boolean
}

export async function* followLines(
  feed: ClusterFeed,
  deps: FeedDeps,
  t: FollowedContainer,
): AsyncGenerator<{ added: string[]; now: number }> {
  let lines = t.seen
  const deadline = deps.now() + WATCH_LIMIT_SECONDS * 1000
  while (!t.ended() && deps.now() < deadline) {
    await new Promise((r) => setTimeout(r, POLL_MS))
    if (t.ended()) return
    const r = await feed.poll()
    if (t.ended() || r === 'gone') return
    if (r === 'unchanged') continue
    const pod = getObject<Pod>(r.state, 'Pod', t.namespace, t.pod)
    if (!pod || !t.isSame(pod)) return
    const now = containerLines(r.state, pod, t.container)
    const added = appendedLines(lines, now)
    lines = now
    yield { added, now: r.now }
    const st = pod.status.containerStatuses?.find((c) => c.name === t.container)
    if (!st?.state.running) return
  }
}
