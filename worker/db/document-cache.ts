// Recently used cluster documents, kept in this isolate or process between commands, so a
// learner's next command starts from the parsed document (or its JSON) instead of un-base64ing,
// gunzipping and parsing the stored row. An entry is the document exactly as stored at one
// version: every write of a cluster row bumps its version (commands, resets, other doors), so a
// stale entry is a miss, never a wrong answer.
import type { ClusterState } from '../sim/state'
import { adoptQuiet, snapshotQuiet, type QuietSnapshot } from '../sim/controllers/settle-memo'

/** JSON kept: about 100 KB each, ~13 MB at most (a Workers isolate has 128 MB) */
const MAX_ENTRIES = 128
/** parsed documents kept (several times their JSON's size in memory): the most recent only */
const MAX_PARSED = 16

export interface DocumentKey {
  clusterId: string
  version: number
}

interface Entry {
  version: number
  json: string
  state?: ClusterState
  /**
   * what settle knew about the document when it was kept (which controllers had nothing to do),
   * given to each parse of `json`, so a command that starts from the JSON skips the same work
   */
  quiet?: QuietSnapshot
}

export class DocumentCache {
  private readonly entries = new Map<string, Entry>()
  private parsed = 0

  /**
   * The document stored at exactly this version, if this isolate has it. A parsed document is
   * handed over (the caller may change it): a second caller of the same version gets the JSON.
   */
  take(key: DocumentKey): { json: string; state?: ClusterState } | undefined {
    const e = this.entries.get(key.clusterId)
    if (!e || e.version !== key.version) return undefined
    const state = e.state
    if (state) this.parsed -= 1
    this.entries.delete(key.clusterId)
    this.entries.set(key.clusterId, { version: e.version, json: e.json, quiet: e.quiet })
    return { json: e.json, state }
  }

  /** Parses the JSON of an entry taken without its document, with what settle knew of it. */
  parse(json: string, key: DocumentKey): ClusterState {
    const state = JSON.parse(json) as ClusterState
    const e = this.entries.get(key.clusterId)
    if (e?.quiet && e.version === key.version && e.json === json) adoptQuiet(state, e.quiet)
    return state
  }

  /** Keeps what is now stored at `key`; `state` must be a document no one else will change. */
  put(key: DocumentKey, json: string, state?: ClusterState): void {
    const old = this.entries.get(key.clusterId)
    if (old?.state) this.parsed -= 1
    this.entries.delete(key.clusterId)
    const quiet = state && snapshotQuiet(state)
    this.entries.set(key.clusterId, { version: key.version, json, state, quiet })
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
