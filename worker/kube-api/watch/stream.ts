// A watch as a streamed response body: newline-delimited events, pushed as the cluster changes
// through any door (the browser, another kubectl). The stream looks once a second (one tiny read,
// see feed.ts) and ends by itself after `timeoutSeconds` or the server's limit, whichever is
// first; `kubectl get -w` then exits quietly, informers (rollout status, wait) watch again.

import { ClusterFeed, type FeedDeps } from './feed'
import {
  diffSnapshots,
  openingEvents,
  snapshot,
  type Snapshot,
  type Stored,
  type WatchEvent,
} from './diff'
import { bookmarkObject, encodeObject, eventLine } from './encode'
import { matchesSpec, type WatchSpec } from './spec'
import { withPodStart } from '../../sim/stream/watch-pod-start'
import { statusBody } from '../status'

/** The longest a watch stays open (seconds): 30 minutes, then the client must watch again. */
export const WATCH_LIMIT_SECONDS = 30 * 60
/** How often a watch looks for changes. */
export const POLL_MS = 1000
/** How often a watch that allows bookmarks gets one while nothing happens. */
export const BOOKMARK_MS = 60_000

export interface WatchOptions extends FeedDeps {
  pollMs?: number
  limitSeconds?: number
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)))

/** Opens the watch: undefined when the cluster is gone, else the body to stream. */
export async function openWatch(
  o: WatchOptions,
  spec: WatchSpec,
): Promise<ReadableStream<Uint8Array> | undefined> {
  const feed = new ClusterFeed(o)
  let stored: Stored = { snap: new Map(), rv: 0 }
  const first = await feed.current(
    (state) => (stored = { snap: snapshot(state, spec), rv: state.rv }),
  )
  if (!first) return undefined
  const enc = new TextEncoder()
  let snap: Snapshot = snapshot(first.state, spec)
  let rv = String(first.state.rv)
  let sentHeader = false
  let stopped = false
  const started = o.now()
  /** when the watch last read the cluster: pods created since then get their first events */
  let lastLook = first.now
  const limit = Math.min(spec.timeoutSeconds ?? Infinity, o.limitSeconds ?? WATCH_LIMIT_SECONDS)
  const deadline = started + limit * 1000
  const pollMs = o.pollMs ?? POLL_MS

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const emit = (events: WatchEvent[], now: number) => {
        for (const e of events) {
          controller.enqueue(
            enc.encode(eventLine(e.type, encodeObject(e.object, spec, now, !sentHeader))),
          )
          sentHeader = true
        }
      }
      const bookmark = (end: boolean) =>
        controller.enqueue(enc.encode(eventLine('BOOKMARK', bookmarkObject(spec.kind, rv, end))))
      const opening = openingEvents(stored, snap, spec)
      if (opening === 'expired') {
        const message = `too old resource version: ${spec.resourceVersion} (${stored.rv})`
        controller.enqueue(enc.encode(eventLine('ERROR', statusBody('Expired', message))))
        controller.close()
        return
      }
      emit(opening, first.now)
      if (spec.sendInitialEvents && spec.allowWatchBookmarks) bookmark(true)
      const loop = async () => {
        let lastBookmark = o.now()
        while (!stopped) {
          const left = deadline - o.now()
          if (left <= 0) break
          await sleep(Math.min(pollMs, left))
          if (stopped || o.now() >= deadline) break
          const r = await feed.poll()
          if (r === 'gone') break
          if (r !== 'unchanged') {
            const next = snapshot(r.state, spec)
            emit(withStart(diffSnapshots(snap, next), spec, lastLook), r.now)
            lastLook = r.now
            snap = next
            rv = String(r.state.rv)
          }
          if (spec.allowWatchBookmarks && o.now() - lastBookmark >= BOOKMARK_MS) {
            bookmark(false)
            lastBookmark = o.now()
          }
        }
      }
      loop()
        .catch((e: unknown) => console.error('watch stream failed', e))
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

/**
 * The events with what a real watch shows of a new pod before the state read (created Pending,
 * then bound, then ContainerCreating: the simulation does all three in one step). A view the
 * watch would not match (a field selector on spec.nodeName) is left out.
 */
function withStart(events: WatchEvent[], spec: WatchSpec, since: number): WatchEvent[] {
  const real = new Set(events.map((e) => e.object))
  return withPodStart(
    events.map((e) => [e.type, e.object]),
    since,
  )
    .filter(([, object]) => real.has(object) || matchesSpec(object, spec))
    .map(([type, object]) => ({ type, object }))
}
