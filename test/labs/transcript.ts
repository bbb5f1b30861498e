// Plays a lab the way a learner does through the platform: the lab's starting state, one line at a
// time through run(), time moving on between lines, and gradeCommand() after every line exactly as
// worker/http/run-command.ts calls it. Lines may be functions of the state, for values a learner
// reads off the screen (a pod IP, a nodePort).

import { findLab } from '../../worker/labs'
import { gradeCommand, parseProgress, RECENT_MAX, type Progress } from '../../worker/labs/grade'
import type { Lab } from '../../worker/labs/types'
import { run, type RunResult } from '../../worker/sim/run'
import type { ClusterState } from '../../worker/sim/state'

export interface StepInput {
  command: string
  stdin?: string
}

/** The learner presses Reset: the lab's starting state again, progress and memory kept. */
export interface ResetStep {
  reset: true
}

/** A line as typed, a line with stdin, or a function building one from what the learner can see. */
export type Step = string | StepInput | ResetStep | ((state: ClusterState) => string | StepInput)

export interface PlayOptions {
  seed?: number
  /** when the learner opens the lab (ms since epoch) */
  startNow?: number
  /** time between two lines (default 15 s: enough for a pod to become Ready) */
  stepMs?: number
  /** start from this state instead of the lab's setup (e.g. one debug-service variant) */
  state?: ClusterState
}

export interface StepOutput {
  command: string
  stdout: string
  stderr: string
  exitCode: number
  /** tasks this line completed */
  completed: string[]
  result: RunResult
}

export interface Transcript {
  /** ids of the tasks done at the end, in the lab's order */
  done: string[]
  outputs: StepOutput[]
  state: ClusterState
  progress: Progress
  lab: Lab
}

export const DEFAULT_START = Date.UTC(2026, 10, 26, 9, 0, 0)

export function playTranscript(labId: string, steps: Step[], opts: PlayOptions = {}): Transcript {
  const lab = findLab(labId)
  if (!lab) throw new Error(`no lab ${labId}`)
  const stepMs = opts.stepMs ?? 15_000
  let now = opts.startNow ?? DEFAULT_START
  let state = opts.state ?? lab.setup(opts.seed ?? 1, now)
  const progress = parseProgress(null)
  const outputs: StepOutput[] = []
  for (const step of steps) {
    now += stepMs
    if (typeof step === 'object' && 'reset' in step) {
      // as worker/http/clusters.ts resets: a seed derived from the old state, the old state passed on
      state = lab.setup(state.rng ^ 0x5bd1e995, now, state)
      continue
    }
    const typed = typeof step === 'function' ? step(state) : step
    const input = typeof typed === 'string' ? { command: typed } : typed
    const result = run(state, input.command, { now, stdin: input.stdin, history: progress.recent })
    const last = { command: input.command, stdin: input.stdin, ...result }
    const completed = gradeCommand(lab, result.state, last, progress, now)
    if (input.command.trim() !== '')
      progress.recent = [...progress.recent, input.command].slice(-RECENT_MAX)
    state = result.state
    outputs.push({
      command: input.command,
      stdout: result.stdout,
      stderr: result.stderr,
      exitCode: result.exitCode,
      completed,
      result,
    })
  }
  const done = lab.tasks.map((t) => t.id).filter((id) => progress.tasks[id] !== undefined)
  return { done, outputs, state, progress, lab }
}

/** Every task id of a lab, in order. */
export function allTasks(labId: string): string[] {
  return findLab(labId)?.tasks.map((t) => t.id) ?? []
}

/** A readable dump of a transcript, for failure messages. */
export function describeTranscript(t: Transcript): string {
  return t.outputs
    .map(
      (o) =>
        `$ ${o.command}\n${o.stdout}${o.stderr}[exit ${o.exitCode}] ${o.completed.length ? `done: ${o.completed.join(', ')}` : ''}`,
    )
    .join('\n')
}
