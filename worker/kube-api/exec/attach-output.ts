// `kubectl attach POD` to a container whose main process is not a shell (nginx, http-echo): the
// client sees what the process writes from now on, i.e. the lines its log gets, until the
// container stops (Success on the error stream, close 1000) or the stream limit passes. Input is
// read and dropped (the simulated servers do not read stdin). One version read a second, as a watch.

import { followLines } from '../logs/follow-lines'
import { ClusterFeed, type FeedDeps } from '../watch/feed'
import { ERROR, STDOUT, failureStatus, frame, readClientFrame, successStatus } from './frames'
import type { ExecHandlers, ExecPeer } from './peer'

export interface AttachTarget {
  namespace: string
  pod: string
  uid: string
  container: string
  /** the log as it was when the client attached (it sees only what comes after) */
  seen: string[]
  tty: boolean
}

export function attachOutput(
  peer: ExecPeer,
  protocol: string,
  deps: FeedDeps,
  t: AttachTarget,
): ExecHandlers {
  const feed = new ClusterFeed(deps)
  let done = false
  const finish = (status: object) => {
    if (done) return
    done = true
    peer.send(frame(ERROR, JSON.stringify(status)))
    peer.close(1000)
  }
  const loop = async () => {
    const followed = followLines(feed, deps, {
      ...t,
      isSame: (pod) => pod.metadata.uid === t.uid,
      ended: () => done,
    })
    for await (const { added } of followed) {
      const text = added.map((l) => `${l.replace(/\n$/, '')}\n`).join('')
      if (text) peer.send(frame(STDOUT, t.tty ? text.replace(/\n/g, '\r\n') : text))
    }
    finish(successStatus())
  }
  loop().catch((e: unknown) => {
    console.error('attach failed', e)
    finish(failureStatus('the attach stream failed'))
  })
  return {
    onMessage(data) {
      const f = readClientFrame(data, protocol)
      if (f.type === 'invalid') finish(failureStatus(f.message, 'BadRequest'))
    },
    onClose() {
      done = true
    },
  }
}
