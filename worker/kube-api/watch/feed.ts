// One stream's view of one cluster over time. Each call to poll() costs one tiny read (the row's
// version); the document is read only when the version moved, and decoded and settled only then
// or when a scheduled transition (a container starting, a probe passing) is due. No database
// handle is held between polls: D1 has none to hold, libSQL shares one client per process.
//
// A view is the stored document settled at `now`; when the controllers moved an object it is
// stored (db/keep-settled.ts), as a read's is, so that a rollout goes on while only streams watch
// it. The feed then knows that version as it wrote it: the next poll does not read it back.

import type { Database } from '../../db/client'
import { readClusterState, readClusterVersion } from '../../db/cluster-feed'
import { settleAndKeep } from '../../db/keep-settled'
import type { DocumentWrite, StateCodec, StoredDocument } from '../../db/state-codec'
import type { ClusterState } from '../../sim/state'
import { nextDueAt } from './due'

export interface FeedDeps {
  db: Database
  codec: StateCodec
  clusterId: string
  now(): number
}

export interface ClusterView {
  state: ClusterState
  now: number
}

export type PollResult = ClusterView | 'unchanged' | 'gone'

export class ClusterFeed {
  private version: number | undefined
  private stored: StoredDocument | undefined
  private dueAt: number | undefined
  /** reads made, for the tests and the benchmark */
  reads = 0

  constructor(private readonly d: FeedDeps) {}

  /**
   * The cluster as of now (reads the document once), or undefined when it is gone. `asStored`
   * sees the document as read, before it is settled.
   */
  async current(asStored?: (state: ClusterState) => void): Promise<ClusterView | undefined> {
    this.reads += 1
    const row = await readClusterState(this.d.db, this.d.clusterId)
    if (!row) return undefined
    this.version = row.version
    this.stored = row
    return this.view(asStored)
  }

  /** One look: a new view when something changed or is due, else 'unchanged'. */
  async poll(): Promise<PollResult> {
    this.reads += 1
    const version = await readClusterVersion(this.d.db, this.d.clusterId)
    if (version === undefined) return 'gone'
    if (version !== this.version || this.stored === undefined) {
      const view = await this.current()
      return view ?? 'gone'
    }
    if (this.dueAt !== undefined && this.d.now() >= this.dueAt) return this.view()
    return 'unchanged'
  }

  private async view(asStored?: (state: ClusterState) => void): Promise<ClusterView> {
    const now = this.d.now()
    const version = this.version ?? 0
    const loaded = await this.d.codec.load(this.stored ?? { state: '', stateDelta: null })
    const { state } = loaded!
    asStored?.(state)
    // a step the controllers took is stored (db/keep-settled.ts): the row is now what we wrote
    const kept = await settleAndKeep(state, now, { ...this.d, version, stored: loaded!.stored })
    if (kept && this.stored) {
      this.version = version + 1
      this.stored = storedAfter(this.stored, kept)
    }
    this.dueAt = nextDueAt(state, now)
    return { state, now }
  }
}

/** The row's document after `write` over `before`: a new base, or a new delta over the same one. */
function storedAfter(before: StoredDocument, write: DocumentWrite): StoredDocument {
  return 'state' in write
    ? { state: write.state, stateDelta: null }
    : { state: before.state, stateDelta: write.stateDelta }
}
