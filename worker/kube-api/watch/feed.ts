// One stream's view of one cluster over time. Each call to poll() costs one tiny read (the row's
// version); the document is read only when the version moved, and decoded and settled only then
// or when a scheduled transition (a container starting, a probe passing) is due. No database
// handle is held between polls: D1 has none to hold, libSQL shares one client per process.
//
// A view is the stored document settled at `now` and never stored: the next command settles the
// same stored document at its own later `now`, and the controllers are a function of (objects,
// now), so it passes through the same states the streams showed.

import type { Database } from '../../db/client'
import { readClusterState, readClusterVersion } from '../../db/cluster-feed'
import type { StateCodec, StoredDocument } from '../../db/state-codec'
import { settle } from '../../sim/controllers/settle'
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

  /** The cluster as of now (reads the document once), or undefined when it is gone. */
  async current(): Promise<ClusterView | undefined> {
    this.reads += 1
    const row = await readClusterState(this.d.db, this.d.clusterId)
    if (!row) return undefined
    this.version = row.version
    this.stored = row
    return this.view()
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

  private async view(): Promise<ClusterView> {
    const now = this.d.now()
    const state = await this.d.codec.decode(this.stored ?? { state: '', stateDelta: null })
    settle(state, now)
    this.dueAt = nextDueAt(state, now)
    return { state, now }
  }
}
