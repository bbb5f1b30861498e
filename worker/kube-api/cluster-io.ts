// The two database moves of the Kubernetes API, the same as a terminal line's: a read is one
// cluster read (after the token read in auth.ts), settled at `now` (and stored only when the
// controllers moved an object: db/keep-settled.ts); a write is the pure change, the controllers,
// grading, and one conditional write of the cluster plus one history row in one batch
// (worker/db/clusters.ts storeRun). A lost race runs the change again on the fresh document, as
// the terminal does.

import type { Context } from 'hono'
import type { CommandRow } from '../db/command-read'
import { findCluster, storeRun } from '../db/clusters'
import { settleAndKeep } from '../db/keep-settled'
import type { StoredForm } from '../db/state-codec'
import { labOfCluster } from '../http/lab-access'
import { gradeCommand, parseProgress } from '../labs/grade'
import type { Lab } from '../labs/types'
import { settle } from '../sim/controllers/settle'
import type { ClusterState } from '../sim/state'
import type { KubeEnv } from './auth'
import { KubeError, noRoute } from './status'

const MAX_ATTEMPTS = 40

export interface ClusterView {
  row: CommandRow
  state: ClusterState
  /** what the document was loaded from */
  stored: StoredForm
  now: number
}

/**
 * The caller's cluster as of now (pods that started since the last write have started): the row
 * read with the token (auth.ts) the first time, a fresh read after that (a lost race). `keep`
 * (a read): what the controllers did meanwhile is stored (db/keep-settled.ts); a write stores it
 * with its change.
 */
export async function readCluster(
  c: Context<KubeEnv>,
  { keep = false }: { keep?: boolean } = {},
): Promise<ClusterView> {
  const pre = c.get('kubeCluster')
  if (pre) c.set('kubeCluster', undefined)
  let row: CommandRow | undefined = pre ? pre.row : await readWhole(c)
  if (!row) throw noRoute()
  // this isolate's copy of that version when it has one: no gunzip (and the row was read without
  // its document); a copy gone since is read again whole
  let doc = await c.get('codec').load(row, { clusterId: row.id, version: row.version })
  if (!doc) {
    row = await readWhole(c)
    if (!row) throw noRoute()
    doc = (await c.get('codec').load(row, { clusterId: row.id, version: row.version }))!
  }
  const now = c.get('deps').now()
  if (!keep) settle(doc.state, now)
  else
    await settleAndKeep(doc.state, now, {
      db: c.get('db'),
      codec: c.get('codec'),
      clusterId: row.id,
      version: row.version,
      stored: doc.stored,
    })
  return { row, state: doc.state, stored: doc.stored, now }
}

const readWhole = (c: Context<KubeEnv>) =>
  findCluster(c.get('db'), c.get('kube').clusterId, c.get('kube').userId)

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
  const labOnce = (row: CommandRow) => (lab ??= labOfCluster(c.get('db'), row.labId, row.userId))
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
  { row, state, stored: before, now }: ClusterView,
  out: WriteOutcome<T>,
  // an authored lab is graded like a built-in one (the version this user plays)
  lab: Lab | undefined,
): Promise<boolean> {
  const progress = parseProgress(row.progress)
  const last = { command: out.line, stdout: out.summary, stderr: '', exitCode: 0, trace: [] }
  const done = lab ? gradeCommand(lab, state, last, progress, now) : []
  const encoded = await c.get('codec').encodeChanged(state, before)
  const stored = await storeRun(c.get('db'), {
    clusterId: row.id,
    expectedVersion: row.version,
    document: encoded.write,
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
    c.get('codec').remember({ clusterId: row.id, version: row.version + 1 }, encoded.stored, state)
  return stored
}
