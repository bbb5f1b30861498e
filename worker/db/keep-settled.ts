// What a read settled (the lab page's map, the Kubernetes API's reads and watches) is kept when the
// controllers moved an object:
// a rolling update is a chain of steps (a new pod is created, starts, becomes ready; only then is
// an old one scaled down and the next new one created), and each step's pod is stamped with the
// time of the settle that made it. A view never stored would make that pod again, "0s" old, at
// every read: `kubectl rollout status`, `get pods -w` and the map would wait for ever on a rollout
// the lab terminal (which stores every command's settle) finishes. Kept as the terminal keeps a command's
// document: one conditional write, no history row; a lost race keeps nothing (the other writer's
// document is newer).

import type { Database } from './client'
import { updateClusterState } from './clusters'
import type { DocumentWrite, StateCodec, StoredForm } from './state-codec'
import { settle } from '../sim/controllers/settle'
import { writeStamp, type ClusterState } from '../sim/state'

export interface KeepTarget {
  db: Database
  codec: StateCodec
  clusterId: string
  /** the version the document was read at */
  version: number
  stored: StoredForm
}

/**
 * Settles `state` at `now`; when an object changed, stores it over the version it was read at.
 * Answers the columns written when it was stored (the row's version is then `version + 1`, and
 * the codec remembers that version's stored form), else undefined.
 */
export async function settleAndKeep(
  state: ClusterState,
  now: number,
  t: KeepTarget,
): Promise<DocumentWrite | undefined> {
  const before = writeStamp()
  settle(state, now)
  if (writeStamp() === before) return undefined
  const encoded = await t.codec.encodeChanged(state, t.stored)
  if (!encoded.write) return undefined
  const ok = await updateClusterState(t.db, {
    clusterId: t.clusterId,
    expectedVersion: t.version,
    document: encoded.write,
    now,
  })
  if (!ok) return undefined
  t.codec.remember({ clusterId: t.clusterId, version: t.version + 1 }, encoded.stored)
  return encoded.write
}
