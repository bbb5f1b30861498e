// One line typed in a terminal tab (workstation or container shell): the same path and cost as
// any command (worker/http/command-loop.ts: one read, one batch of two rows, the per-isolate
// document cache, no rewrite of an unchanged document), graded and recorded like
// `kubectl exec POD -- LINE` when it ran inside a pod.
import type { Database } from '../db/client'
import type { StateCodec } from '../db/state-codec'
import {
  runInTerminal,
  type ShellSession,
  type TerminalInput,
  type TerminalResult,
} from '../sim/session'
import type { StoredForm } from '../db/state-codec'
import type { ClusterState } from '../sim/state'
import { commandLoop, type LoadedCluster } from '../http/command-loop'
import { gradedLine, type SimulatedLine } from '../http/graded-line'
import { readProgress } from '../http/kept-progress'
import { runAnswer } from '../http/run-command'
import { terminalRecord, touchTerminal } from './records'

export interface TerminalLineBody {
  command: string
  stdin?: string
  terminal?: string
  columns?: number
  rows?: number
  eof?: boolean
  /** `$?`: the exit status of the tab's previous workstation line, as the terminal saw it */
  status?: number
}

/** `{pod, container, namespace}` for the API, or null on the workstation. */
export function shellView(session: ShellSession | null) {
  return session
    ? { pod: session.pod, container: session.container, namespace: session.namespace }
    : null
}

/**
 * A line on a decoded cluster, in its tab: `start` runs it (whole, or up to its first pause, for a
 * stream) in the tab's shell at the tab's size; the tab's record notes it, and it is graded.
 */
export function terminalLine<T>(
  { row, lab }: LoadedCluster,
  state: ClusterState,
  body: TerminalLineBody,
  now: number,
  start: (session: ShellSession | null, input: TerminalInput) => TerminalResult,
  answer: (s: SimulatedLine<TerminalResult>, stored: StoredForm) => T,
) {
  const progress = readProgress(row.id, row.progress)
  const id = body.terminal ?? 'default'
  const rec = terminalRecord(state, id, now)
  const sessionBefore = JSON.stringify(rec.session)
  const columns = body.columns ?? rec.columns
  const rows = body.rows ?? rec.rows
  const result = start(rec.session, {
    now,
    stdin: body.stdin,
    history: progress.recent,
    owned: true,
    columns,
    rows,
    eof: body.eof,
    workstation: rec.workstation,
    status: body.status,
  })
  // a line past the workstation's limit (or run in a container) leaves the tab's as it was
  const workstation = result.workstation ?? rec.workstation
  const after = { session: result.session, columns, rows, ...(workstation ? { workstation } : {}) }
  const touched =
    !result.internalError && touchTerminal(result.state, id, after, sessionBefore, now)
  const line = { body, session: rec.session, now, touched }
  return gradedLine(lab, progress, result, line, answer)
}

/** The JSON answer of a terminal line: today's fields plus prompt, shell, output (and ended). */
function lineAnswer(s: SimulatedLine<TerminalResult>) {
  const { result } = s
  return {
    ...runAnswer(s),
    prompt: result.prompt,
    shell: shellView(result.session),
    output: result.output,
    ...(result.ended ? { ended: result.ended } : {}),
  }
}

/** A non-streamed terminal line (first: the cluster the caller has just read). */
export async function runTerminalLine(
  db: Database,
  codec: StateCodec,
  userId: string,
  clusterId: string,
  body: TerminalLineBody,
  clock: () => number,
  first?: LoadedCluster,
  /** a line typed through the Kubernetes API (`kubectl exec -it`): its traces go to the map */
  viaApi = false,
) {
  const ref = { db, codec, userId, clusterId, clock, viaApi }
  return commandLoop(ref, first, (loaded, state, now) =>
    terminalLine(
      loaded,
      state,
      body,
      now,
      (session, input) => runInTerminal(state, session, body.command, input),
      lineAnswer,
    ),
  )
}
