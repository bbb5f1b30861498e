// Proving a lab: its solution played in a fresh cluster must complete every task, and each near
// miss, in a fresh cluster of its own, must leave its named tasks undone. Lines are played as the
// platform plays a learner's (run, then gradeCommand), 15 simulated seconds apart.
import { run } from '../../sim/run'
import { gradeCommand, parseProgress, RECENT_MAX } from '../grade'
import type { Lab } from '../types'
import type { LabDocument, LabStep } from './lab-schema'

const STEP_MS = 15_000
const OUTPUT_MAX = 2000
/**
 * A verify plays every transcript within one HTTP request, so its CPU time is bounded by work, not
 * by a clock (a Worker's clock stands still while it computes): at most this many simulated
 * requests (curl, wget, nslookup ...) across all transcripts; 200 commands are capped by the schema.
 */
export const VERIFY_REQUEST_BUDGET = 2000
/**
 * And at most this many programs run (kubectl, curl, seq ...: what costs; builtins are free), so
 * loops of kubectl cannot hold the server for minutes: `kubectl get pods -A -o yaml` 200 times a
 * line, 200 lines, took 10 minutes in a 30-pod cluster.
 */
const VERIFY_PROGRAM_BUDGET = 1000

/** What is left of the verify's budget, shared by its transcripts. */
export interface Budget {
  requests: number
  programs?: number
}

const spent = (b: Budget) => b.requests < 0 || (b.programs ?? 0) < 0

export interface PlayedLine {
  command: string
  exitCode: number
  stdout: string
  stderr: string
  /** tasks this line completed */
  completed: string[]
}

export interface Played {
  lines: PlayedLine[]
  done: string[]
}

const clip = (s: string) =>
  s.length <= OUTPUT_MAX ? s : `${s.slice(0, OUTPUT_MAX)}\n[... output truncated ...]`

/** Plays `steps` from the lab's starting state (seed fixed, so a verify is reproducible). */
export function playSteps(
  lab: Lab,
  steps: LabStep[],
  start: number,
  budget: Budget = { requests: Infinity },
  seed = 1,
): Played & { overBudget: boolean } {
  let now = start
  let state = lab.setup(seed, now)
  const progress = parseProgress(null)
  const lines: PlayedLine[] = []
  for (const step of steps) {
    if (spent(budget)) break
    now += STEP_MS
    const input = typeof step === 'string' ? { command: step } : step
    const result = run(state, input.command, { now, stdin: input.stdin, history: progress.recent })
    const last = { command: input.command, stdin: input.stdin, ...result }
    const completed = result.internalError
      ? []
      : gradeCommand(lab, result.state, last, progress, now)
    if (input.command.trim() !== '')
      progress.recent = [...progress.recent, input.command].slice(-RECENT_MAX)
    if (!result.internalError) state = result.state
    budget.requests -= result.trace.length
    if (budget.programs !== undefined) budget.programs -= result.programs ?? 0
    lines.push({
      command: input.command,
      exitCode: result.exitCode,
      stdout: clip(result.stdout),
      stderr: clip(result.stderr),
      completed,
    })
  }
  const done = lab.tasks.map((t) => t.id).filter((id) => progress.tasks[id] !== undefined)
  return { lines, done, overBudget: spent(budget) }
}

export interface Verification {
  /** true when the lab may be published */
  ok: boolean
  problems: string[]
  solution: Played & { missing: string[] }
  nearMisses: (Played & { title: string; leavesUndone: string[]; ok: boolean })[]
}

export function verifyLab(
  doc: LabDocument,
  lab: Lab,
  start: number,
  requestBudget = VERIFY_REQUEST_BUDGET,
  programBudget = VERIFY_PROGRAM_BUDGET,
): Verification {
  const problems: string[] = []
  const budget: Budget = { requests: requestBudget, programs: programBudget }
  const sol = playSteps(lab, doc.solution, start, budget)
  const missing = lab.tasks.map((t) => t.id).filter((id) => !sol.done.includes(id))
  if (doc.solution.length === 0) problems.push('The lab has no solution transcript yet.')
  else if (missing.length > 0) problems.push(`The solution leaves ${missing.join(', ')} undone.`)
  if (lab.tasks.length === 0) problems.push('The lab has no tasks.')
  const nearMisses = doc.nearMisses.map((nm) => {
    const played = playSteps(lab, nm.steps, start, budget)
    const wrongly = nm.leavesUndone.filter((id) => played.done.includes(id))
    if (wrongly.length > 0)
      problems.push(`The near miss "${nm.title}" completes ${wrongly.join(', ')}.`)
    return { ...played, title: nm.title, leavesUndone: nm.leavesUndone, ok: wrongly.length === 0 }
  })
  if (budget.requests < 0)
    problems.unshift(
      `The transcripts send more than ${requestBudget} requests through the network, more than one check can play: shorten the loops (a few tries show load-balancing).`,
    )
  else if ((budget.programs ?? 0) < 0)
    problems.unshift(
      `The transcripts run more than ${programBudget} programs (kubectl, curl, seq ... in loops included), more than one check can play: shorten the loops.`,
    )
  return { ok: problems.length === 0, problems, solution: { ...sol, missing }, nearMisses }
}
