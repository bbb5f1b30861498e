// The two database moves of the Kubernetes API, the same as a terminal line's: a read is one
// cluster read (after the token read in auth.ts), settled at `now` and not stored; a write is the
// pure change, the controllers, grading, and one conditional write of the cluster plus one history
// row in one batch (worker/db/clusters.ts storeRun). A lost race runs the change again on the
// fresh document, as the terminal does.

import type { Context } from 'hono'
import { findCluster, storeRun, type ClusterRow } from '../db/clusters'
import { labOfCluster } from '../http/lab-access'
import { gradeCommand, parseProgress } from '../labs/grade'
import type { Lab } from '../labs/types'
import { settle } from '../sim/controllers/settle'
import type { ClusterState } from '../sim/state'
import type { KubeEnv } from './auth'
import { KubeError, noRoute } from './status'

const MAX_ATTEMPTS = 40

export interface ClusterView {
  row: ClusterRow
  state: ClusterState
  /** the JSON the document was loaded from */
  json: string
  now: number
}

/**
 * The caller's cluster as of now (pods that started since the last write have started): the row
 * read with the token (auth.ts) the first time, a fresh read after that (a lost race).
 */
export async function readCluster(c: Context<KubeEnv>): Promise<ClusterView> {
  const kube = c.var.kube
  const pre = c.var.kubeCluster
  if (pre) c.set('kubeCluster', undefined)
  const row = pre ? pre.row : await findCluster(c.var.db, kube.clusterId, kube.userId)
  if (!row) throw noRoute()
  const now = c.var.deps.now()
  // this isolate's copy of that version when it has one: no gunzip
  const doc = await c.var.codec.load(row.state, { clusterId: row.id, version: row.version })
  settle(doc.state, now)
  return { row, state: doc.state, json: doc.json, now }
}

export interface WriteOutcome<T> {
  /** what the API answers (taken before the controllers run, as the apiserver answers) */
  value: T
  /** false: nothing to store (a no-op update) */
  changed: boolean
  /** the history line, e.g. `kubectl scale deployment web --replicas=3 (API)` */
  line: string
  /** what the history row shows as output, e.g. `deployment.apps/web scaled` */
  summary: string
}

/**
 * Runs `change` on the cluster as of now and stores the result (one batch). `change` mutates the
 * state it is given and answers the outcome, or throws a KubeError (nothing is stored then).
 */
export async function writeCluster<T>(
  c: Context<KubeEnv>,
  change: (state: ClusterState, now: number) => WriteOutcome<T>,
): Promise<T> {
  // read on the first store and kept through lost races: a cluster's lab does not change under it
  let lab: Promise<Lab | undefined> | undefined
  const labOnce = (row: ClusterRow) => (lab ??= labOfCluster(c.var.db, row.labId, row.userId))
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const view = await readCluster(c)
    const { state, now } = view
    const out = change(state, now)
    if (!out.changed) return out.value
    const value = structuredClone(out.value)
    settle(state, now)
    const stored = await store(c, view, out, await labOnce(view.row))
    if (stored) return value
    await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)))
  }
  throw new KubeError('Conflict', 'the cluster is busy with other requests; please try again')
}

async function store<T>(
  c: Context<KubeEnv>,
  { row, state, json, now }: ClusterView,
  out: WriteOutcome<T>,
  // an authored lab is graded like a built-in one (the version this user plays)
  lab: Lab | undefined,
): Promise<boolean> {
  const progress = parseProgress(row.progress)
  const last = { command: out.line, stdout: out.summary, stderr: '', exitCode: 0, trace: [] }
  const done = lab ? gradeCommand(lab, state, last, progress, now) : []
  const encoded = await c.var.codec.encodeChanged(state, json)
  const stored = await storeRun(c.var.db, {
    clusterId: row.id,
    expectedVersion: row.version,
    state: encoded.stored,
    progress: JSON.stringify(progress),
    now,
    timeSpentDelta: 0,
    history: {
      at: now,
      command: out.line,
      stdin: null,
      exitCode: 0,
      stdout: `${out.summary}\n`,
      stderr: '',
      tasksCompleted: JSON.stringify(done),
      causes: '[]',
    },
  })
  // the learner's next request (API or terminal) starts from this document, as a command's does
  if (stored)
    c.var.codec.remember({ clusterId: row.id, version: row.version + 1 }, encoded.json, state)
  return stored
}
