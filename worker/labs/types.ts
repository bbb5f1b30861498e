// What a lab is: content, a starting state, and tasks that are pure checks.
import type { ClusterState } from '../sim/state'
import type { HttpRequest, Origin, RouteResult, TraceEntry } from '../sim/net/types'

/** The command a check is looking at (the one just run). */
export interface CheckedCommand {
  command: string
  stdin?: string
  stdout: string
  stderr: string
  exitCode: number
  trace: TraceEntry[]
}

export interface CheckContext {
  /** the cluster after the command */
  state: ClusterState
  now: number
  /** the command just run */
  last: CheckedCommand
  /**
   * Small per-lab memory kept with the learner's progress (survives reset): a check may note an
   * observation (e.g. the pod IP the learner saw) for a later check to compare against.
   */
  memory: Record<string, unknown>
  /** Sends a request through the simulated network without touching the cluster (no PRNG draw, no log line). */
  probe: (
    origin: Origin,
    request: Partial<HttpRequest> & { host: string; port: number },
  ) => RouteResult
}

export interface LabTask {
  id: string
  title: string
  /** written for the mistakes learners actually make, most useful first */
  hints: string[]
  /** true once the task is done; a done task stays done (the platform keeps the first completion time) */
  check: (ctx: CheckContext) => boolean
}

export interface Lab {
  id: string
  title: string
  summary: string
  estimatedMinutes: number
  /** Markdown: steps, YAML to apply (```yaml), commands to try (```sh) */
  instructions: string
  /** Markdown shown once every task is done: what you learned, tied back to the notes */
  explanation: string
  /**
   * the cluster a learner starts with; `seed` is the cluster's own, so per-learner variants are
   * reproducible. On reset the platform may pass the `previous` state, so that a per-learner
   * variant (debug-service's fault) stays the same across resets.
   */
  setup: (seed: number, now: number, previous?: ClusterState) => ClusterState
  tasks: LabTask[]
  /**
   * A challenge lab keeps the simulator's explanations of failed requests to itself (they would
   * give the answer away); the request's hops are still shown, and the hints are one click away.
   */
  hideDiagnoses?: boolean
}
