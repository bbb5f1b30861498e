// Recently used cluster documents, kept in this isolate or process between commands, so a
// learner's next command starts from the parsed document (or its stored JSON) instead of reading,
// gunzipping and parsing the stored row, and can store a delta against the base it knows. An entry is the document exactly as stored at one
// version: every write of a cluster row bumps its version (commands, resets, other doors), so a
// stale entry is a miss, never a wrong answer.
import type { ClusterState } from '../sim/state'
import type { StoredForm } from './state-codec'
import { adoptQuiet, snapshotQuiet, type QuietSnapshot } from '../sim/controllers/settle-memo'

/** stored forms kept: about 100 KB of JSON each, ~13 MB at most (a Workers isolate has 128 MB) */
const MAX_ENTRIES = 128
/** parsed documents kept (several times their JSON's size in memory): the most recent only */
const MAX_PARSED = 16

export interface DocumentKey {
  clusterId: string
  version: number
}

interface Entry {
  version: number
  stored: StoredForm
  state?: ClusterState
  /**
   * what settle knew about the document when it was kept (which controllers had nothing to do),
   * given to each parse of `stored`, so a command that starts from the JSON skips the same work
   */
  quiet?: QuietSnapshot
}

export class DocumentCache {
  private readonly entries = new Map<string, Entry>()
  private parsed = 0

  /**
   * The document stored at exactly this version, if this isolate has it. A parsed document is
   * handed over (the caller may change it): a second caller of the same version gets the stored
   * form only, to parse.
   */
  take(key: DocumentKey): { stored: StoredForm; state?: ClusterState } | undefined {
    const e = this.entries.get(key.clusterId)
    if (!e || e.version !== key.version) return undefined
    const state = e.state
    if (state) this.parsed -= 1
    this.entries.delete(key.clusterId)
    this.entries.set(key.clusterId, { version: e.version, stored: e.stored, quiet: e.quiet })
    return { stored: e.stored, state }
  }

  /** The version held for a cluster, if any. */
  version(clusterId: string): number | undefined {
    return this.entries.get(clusterId)?.version
  }

  /** Parses an entry taken without its document (`rebuild`), with what settle knew of it. */
  parse(key: DocumentKey, rebuild: (stored: StoredForm) => ClusterState): ClusterState {
    const e = this.entries.get(key.clusterId)
    if (!e || e.version !== key.version) throw new Error('parse: take the entry first')
    const state = rebuild(e.stored)
    if (e.quiet) adoptQuiet(state, e.quiet)
    return state
  }

  /** Keeps what is now stored at `key`; `state` must be a document no one else will change. */
  put(key: DocumentKey, stored: StoredForm, state?: ClusterState): void {
    const old = this.entries.get(key.clusterId)
    if (old?.state) this.parsed -= 1
    this.entries.delete(key.clusterId)
    const quiet = state && snapshotQuiet(state)
    this.entries.set(key.clusterId, { version: key.version, stored, state, quiet })
    if (state) this.parsed += 1
    this.trim()
  }

  private trim(): void {
    for (const [id, e] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES && this.parsed <= MAX_PARSED) return
      if (this.entries.size > MAX_ENTRIES) {
        this.entries.delete(id)
        if (e.state) this.parsed -= 1
      } else if (e.state) {
        e.state = undefined
        this.parsed -= 1
      }
    }
  }
}
