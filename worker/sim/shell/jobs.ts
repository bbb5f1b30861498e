// Background jobs (`cmd &`) of an interactive shell, kept in the terminal tab's or the container
// session's shell state between lines. A job runs at once, as every command here does; what it
// leaves is when it ends: `sleep N` after N seconds (`infinity` never), `kubectl port-forward` when
// its forwards close (killed, or its pod gone), anything else as it starts. bash (jobs.c) and
// busybox ash (ash.c showjob) print the table and, before the next prompt, what has ended.
// Left out: stopped jobs (Ctrl+Z), `set -b`, `disown`, job output written after the line ends.

import type { AndOr } from './ast'
import type { Io, Writer } from './io'
import type { Shell } from './interpreter'
import type { Ctx } from '../context'
import { getObject } from '../state'
import { expandFields } from './expand'
import { sleepMs } from './sleep-time'

export interface Job {
  n: number
  pid: number
  /** the list as typed, as `jobs` shows it */
  command: string
  /** when it ends by itself (ms since epoch); null: not by itself */
  endsAt: number | null
  /** its exit status when it ends by itself */
  status: number
  /** the workstation ports of the forwards it holds (kubectl port-forward) */
  ports?: number[]
  /** the signal that ended it, and when */
  signal?: number
  killedAt?: number
}

export interface JobEnd {
  at: number
  status: number
  signal?: number
}

/** How a job ended, or undefined while it runs. */
export function jobEnd(ctx: Ctx, job: Job): JobEnd | undefined {
  if (job.signal !== undefined)
    return { at: job.killedAt ?? ctx.now, status: 128 + job.signal, signal: job.signal }
  if (job.ports) {
    // kubectl port-forward exits 1 with `error: lost connection to pod` when its pod goes
    return job.ports.some((port) => isForwarded(ctx, port))
      ? undefined
      : { at: -Infinity, status: 1 }
  }
  if (job.endsAt === null || ctx.now < job.endsAt) return undefined
  return { at: job.endsAt, status: job.status }
}

function isForwarded(ctx: Ctx, port: number): boolean {
  const f = ctx.s.runtime.portForwards.find((pf) => pf.localPort === port)
  return f !== undefined && getObject(ctx.s, 'Pod', f.namespace, f.pod) !== undefined
}

/** Ends a job with a signal (kill, Ctrl+C on `fg`): its forwards close with it. */
export function signalJob(ctx: Ctx, job: Job, signal: number): void {
  job.signal = signal
  job.killedAt = ctx.now
  if (job.ports) {
    const rt = ctx.s.runtime
    rt.portForwards = rt.portForwards.filter((f) => !job.ports?.includes(f.localPort))
  }
}

/**
 * `LIST &`: an interactive bash says `[N] PID` before anything the job writes (busybox ash says
 * nothing); the job runs, and its end is kept for `jobs`. `$?` is 0.
 */
export function startJob(sh: Shell, item: AndOr, io: Io, run: () => void): void {
  const n = Math.max(0, ...sh.jobTable.map((j) => j.n)) + 1
  sh.jobs += 1
  // plausible process ids: a container's are small (its PID 1 is the image's command)
  const base = sh.host.container ? 40 : 4200
  const pid = Math.max(base + sh.ctx.history.length * 7, sh.lastPid ?? 0) + 1
  sh.lastPid = pid
  const interactive = sh.history !== undefined
  if (interactive && sh.dialect === 'bash') io.err.write(`[${n}] ${pid}\n`)
  const sleep = sleepOf(sh, item, io)
  const before = new Set(sh.ctx.s.runtime.portForwards.map((f) => f.localPort))
  run()
  if (sh.stopped || !interactive) return
  const status = sh.status
  sh.status = 0
  const ports = sh.ctx.s.runtime.portForwards.map((f) => f.localPort).filter((p) => !before.has(p))
  const job: Job = { n, pid, command: item.text, endsAt: sh.ctx.now, status }
  if (ports.length > 0) Object.assign(job, { endsAt: null, status: 0, ports })
  else if (sleep !== undefined && status === 0)
    job.endsAt = sleep === Infinity ? null : sh.ctx.now + sleep
  sh.jobTable.push(job)
}

/** The time a job that is one `sleep` command sleeps (words without substitutions only). */
function sleepOf(sh: Shell, item: AndOr, io: Io): number | undefined {
  const only = item.rest.length === 0 ? item.first.commands : []
  const cmd = only.length === 1 ? only[0] : undefined
  if (cmd?.type !== 'simple' || item.first.negate) return undefined
  const plain = cmd.words.every((w) => w.every((p) => p.t === 'lit' || (p.t === 'param' && !p.op)))
  if (!plain) return undefined
  const argv = expandFields(sh.expander(io), cmd.words)
  return argv[0]?.replace(/^.*\//, '') === 'sleep' ? sleepMs(argv.slice(1)) : undefined
}

/** The current job (`%+`, `%%`) is the newest, the previous (`%-`) the one before. */
export function markOf(sh: Shell, job: Job): string {
  const t = sh.jobTable
  if (job === t[t.length - 1]) return '+'
  return job === t[t.length - 2] ? '-' : ' '
}

/** One line of `jobs` or of a notice, as bash (print_pipeline) or ash (showjob) writes it. */
export function jobLine(sh: Shell, job: Job, end: JobEnd | undefined, pids: boolean): string {
  const head = `[${job.n}]${markOf(sh, job)}`
  const state = end === undefined ? 'Running' : endText(sh, end)
  if (sh.dialect === 'ash') {
    const left = `${head}  ${pids ? `${job.pid} ` : ''}${state}`
    return `${left.padEnd(33)}${job.command}\n`
  }
  const text = end === undefined ? `${job.command} &` : job.command
  return `${head}${pids ? ` ${job.pid} ` : '  '}${state.padEnd(22)}  ${text}\n`
}

const SIGNAL_TEXT: Record<number, string> = {
  1: 'Hangup',
  2: 'Interrupt',
  3: 'Quit',
  9: 'Killed',
  15: 'Terminated',
}

function endText(sh: Shell, end: JobEnd): string {
  if (end.signal !== undefined) return SIGNAL_TEXT[end.signal] ?? `Signal ${end.signal}`
  if (sh.dialect === 'ash') return end.status === 0 ? 'Done' : `Done(${end.status})`
  return end.status === 0 ? 'Done' : `Exit ${end.status}`
}

/** What a job wrote as it ended by itself: kubectl port-forward's error when its pod went. */
export function writeLastWords(job: Job, end: JobEnd, err: Writer): void {
  if (job.ports && end.signal === undefined) err.write('error: lost connection to pod\n')
}

/**
 * Before the next prompt the shell reports the jobs that ended before the line did (bash
 * notify_of_job_status, ash showjobs(SHOW_CHANGED)) on stderr, and forgets them. A job that ends
 * as the line runs is reported after the next line, as a real shell's race usually has it.
 */
export function reportEndedJobs(sh: Shell, err: Writer): void {
  const ended = sh.jobTable.flatMap((job) => {
    const end = jobEnd(sh.ctx, job)
    return end && (end.at < sh.ctx.now || sh.waited.has(job)) ? [{ job, end }] : []
  })
  for (const { job, end } of ended) {
    writeLastWords(job, end, err)
    err.write(jobLine(sh, job, end, false))
  }
  sh.jobTable = sh.jobTable.filter((j) => !ended.some((e) => e.job === j))
}

/** Connections made so far through the forwards of the shell's port-forward jobs, by port. */
export function forwardConnections(sh: Shell): Map<number, number> | undefined {
  const ports = sh.jobTable.flatMap((j) => (j.signal === undefined ? (j.ports ?? []) : []))
  if (ports.length === 0) return undefined
  const counts = new Map<number, number>()
  for (const f of sh.ctx.s.runtime.portForwards)
    if (ports.includes(f.localPort)) counts.set(f.localPort, f.connections ?? 0)
  return counts
}

/**
 * A port-forward job writes `Handling connection for PORT` to the terminal as it accepts each
 * connection: before what the program that connected prints of the answer.
 */
export function reportForwardConnections(sh: Shell, before: Map<number, number>): void {
  const now = forwardConnections(sh)
  const out = sh.tty?.out
  if (!now || !out) return
  for (const [port, count] of now) {
    const was = before.get(port) ?? count
    if (count > was) out.write(`Handling connection for ${port}\n`.repeat(count - was))
  }
}
