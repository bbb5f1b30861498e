// The job-control builtins over the job table (jobs.ts): jobs, kill, wait, fg, bg, with bash's
// (builtins/jobs.def, kill.def, wait.def, fg_bg.def) and busybox ash's (ash.c jobscmd, killcmd,
// waitcmd, fg_bgcmd) wording. Time does not pass inside a line that does not stream, so there
// `wait` and `fg` end a sleeping job at once (as a foreground `sleep` returns at once); a line
// that streams waits for it (stream/stream-shell.ts).

import type { Io } from './io'
import type { Shell } from './interpreter'
import { builtinPrefix } from './builtin-prefix'
import { jobEnd, jobLine, signalJob, writeLastWords, type Job } from './jobs'

type Builtin = (sh: Shell, argv: string[], io: Io) => number

/** The job a spec names (`%1`, `%%`, `%+`, `%-`, `%sleep`, `%?port`), or the error to print. */
export function findJob(sh: Shell, spec: string | undefined): Job | string {
  const t = sh.jobTable
  const ash = sh.dialect === 'ash'
  if (spec === undefined || spec === '%' || spec === '%%' || spec === '%+') {
    const job = t[t.length - 1]
    if (job) return job
    return ash
      ? 'No current job'
      : spec === undefined
        ? 'current: no such job'
        : `${spec}: no such job`
  }
  if (spec === '%-') return t[t.length - 2] ?? (ash ? 'No previous job' : '%-: no such job')
  const name = spec.slice(1)
  if (/^\d+$/.test(name)) return t.find((j) => j.n === Number(name)) ?? `${spec}: no such job`
  const matches = name.startsWith('?')
    ? t.filter((j) => j.command.includes(name.slice(1)))
    : t.filter((j) => j.command.startsWith(name))
  if (matches.length === 1) return matches[0] as Job
  if (matches.length > 1) return ash ? `${spec}: ambiguous` : `${spec}: ambiguous job spec`
  return `${spec}: no such job`
}

/** An error of a builtin (ash raises it: status 2). */
function fail(sh: Shell, io: Io, builtin: string, text: string, status: number): number {
  io.err.write(`${builtinPrefix(sh, builtin)}${text}\n`)
  return sh.dialect === 'ash' ? 2 : status
}

const jobs: Builtin = (sh, argv, io) => {
  const flags = argv.slice(1).filter((a) => /^-[lprs]+$/.test(a))
  const specs = argv.slice(1).filter((a) => !flags.includes(a))
  const pids = flags.some((f) => f.includes('l'))
  const onlyPids = flags.some((f) => f.includes('p'))
  let listed: Job[] = []
  let status = 0
  for (const spec of specs) {
    const job = findJob(sh, spec)
    if (typeof job === 'string') status = fail(sh, io, 'jobs', job, 1)
    else listed.push(job)
  }
  if (specs.length === 0) listed = sh.dialect === 'ash' ? [...sh.jobTable].reverse() : sh.jobTable
  for (const job of listed) {
    const end = jobEnd(sh.ctx, job)
    if (end) writeLastWords(job, end, io.err)
    io.out.write(onlyPids ? `${job.pid}\n` : jobLine(sh, job, end, pids))
  }
  // a job listed as ended is forgotten, as both shells do
  sh.jobTable = sh.jobTable.filter((j) => !listed.includes(j) || !jobEnd(sh.ctx, j))
  return status
}

/** Linux's signal names, 1 to 31 (ash calls 29 POLL). */
const SIGNALS = (
  'HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT CHLD CONT STOP ' +
  'TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO PWR SYS'
).split(' ')

function signalNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) >= 1 && Number(text) <= 31 ? Number(text) : undefined
  const name = text.toUpperCase().replace(/^SIG/, '')
  const n = SIGNALS.indexOf(name === 'POLL' ? 'IO' : name)
  return n < 0 ? undefined : n + 1
}

/** `kill -l`: bash's table (real-time signals too), ash's list; or one name or number. */
function listSignals(sh: Shell, args: string[], io: Io): number {
  const ash = sh.dialect === 'ash'
  const name = (n: number) => (ash && n === 29 ? 'POLL' : (SIGNALS[n - 1] as string))
  for (const a of args) {
    const n = /^\d+$/.test(a) ? (Number(a) > 128 ? Number(a) - 128 : Number(a)) : signalNumber(a)
    if (n === undefined || n > 31)
      return fail(sh, io, 'kill', `${a}: invalid signal specification`, 1)
    io.out.write(/^\d+$/.test(a) ? `${name(n)}\n` : `${n}\n`)
  }
  if (args.length > 0) return 0
  if (ash) {
    for (let n = 1; n <= 31; n++) io.out.write(`${String(n).padStart(2)}) ${name(n)}\n`)
    return 0
  }
  const rt = (n: number) =>
    n === 34 ? 'RTMIN' : n === 64 ? 'RTMAX' : n < 50 ? `RTMIN+${n - 34}` : `RTMAX-${64 - n}`
  const all = [...SIGNALS.keys()].map((i) => i + 1).concat([...Array(31).keys()].map((i) => i + 34))
  let text = ''
  all.forEach((n, i) => {
    text += `${String(n).padStart(2)}) SIG${n > 31 ? rt(n) : name(n)}${(i + 1) % 5 === 0 ? '\n' : '\t'}`
  })
  io.out.write(text.endsWith('\n') ? text : `${text}\n`)
  return 0
}

const kill: Builtin = (sh, argv, io) => {
  const args = argv.slice(1)
  if (args[0] === '-l' || args[0] === '-L') return listSignals(sh, args.slice(1), io)
  let signal: number | undefined = 15
  const first = args[0]
  if (first === '-s' || first === '-n') {
    args.shift()
    signal = signalNumber(args.shift() ?? '')
  } else if (first !== undefined && first.length > 1 && first.startsWith('-') && first !== '--') {
    signal = signalNumber(first.slice(1))
    args.shift()
  }
  if (signal === undefined) {
    const name = first === '-s' || first === '-n' ? (argv[2] ?? '') : (first ?? '').slice(1)
    return sh.dialect === 'ash'
      ? fail(sh, io, 'kill', `bad signal name '${name}'`, 1)
      : fail(sh, io, 'kill', `${name}: invalid signal specification`, 1)
  }
  if (args[0] === '--') args.shift()
  if (args.length === 0) {
    if (sh.dialect === 'ash') {
      io.err.write('sh: you need to specify whom to kill\n')
      return 1
    }
    io.err.write(
      'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n',
    )
    return 2
  }
  let status = 0
  for (const target of args) status = Math.max(status, killOne(sh, io, target, signal))
  return status
}

function killOne(sh: Shell, io: Io, target: string, signal: number): number {
  let job: Job | undefined
  if (target.startsWith('%')) {
    const found = findJob(sh, target)
    if (typeof found === 'string') return fail(sh, io, 'kill', found, 1)
    job = found
  } else if (/^\d+$/.test(target)) {
    job = sh.jobTable.find((j) => j.pid === Number(target))
    // the shell itself (interactive shells ignore SIGTERM) and a container's PID 1
    if (!job && (target === sh.param('$') || (sh.host.container && target === '1'))) return 0
  } else {
    return fail(sh, io, 'kill', `${target}: arguments must be process or job IDs`, 1)
  }
  if (!job || jobEnd(sh.ctx, job)) {
    const pid = job?.pid ?? target
    io.err.write(
      sh.dialect === 'ash'
        ? `sh: can't kill pid ${pid}: No such process\n`
        : `${builtinPrefix(sh, 'kill')}(${pid}) - No such process\n`,
    )
    return 1
  }
  // CONT, STOP and TSTP: stopped jobs are not simulated; the job runs on
  if (signal < 18 || signal > 20) signalJob(sh.ctx, job, signal)
  return 0
}

/** `wait [%N|PID]...`: every job, or those named; the status of the last. */
const wait: Builtin = (sh, argv, io) => {
  const targets = waitTargets(sh, argv, io)
  if (typeof targets === 'number') return targets
  let status = 0
  for (const job of targets) {
    // a sleeping job's time passes at once here (see the header)
    if (!jobEnd(sh.ctx, job) && job.endsAt !== null) job.endsAt = sh.ctx.now
    status = jobEnd(sh.ctx, job)?.status ?? 0
    sh.waited.add(job)
  }
  return argv.length > 1 ? status : 0
}

/** The jobs `wait` waits for, or its status when one is unknown. */
export function waitTargets(sh: Shell, argv: string[], io: Io): Job[] | number {
  const specs = argv.slice(1).filter((a) => a !== '-n' && a !== '-f')
  if (specs.length === 0) return [...sh.jobTable]
  const found: Job[] = []
  for (const spec of specs) {
    const job = spec.startsWith('%')
      ? findJob(sh, spec)
      : (sh.jobTable.find((j) => String(j.pid) === spec) ??
        `pid ${spec} is not a child of this shell`)
    if (typeof job === 'string') return fail(sh, io, 'wait', job, 127)
    found.push(job)
  }
  return found
}

/** `fg [%N]`: prints the job's command and runs it in the foreground (here: it ends now). */
const fg: Builtin = (sh, argv, io) => {
  const job = fgJob(sh, argv, io)
  if (typeof job === 'number') return job
  if (job.endsAt === null) return 0
  const end = jobEnd(sh.ctx, job)
  sh.jobTable = sh.jobTable.filter((j) => j !== job)
  return end?.status ?? job.status
}

/** The job `fg` brings back, its command printed; or fg's status when there is none. */
export function fgJob(sh: Shell, argv: string[], io: Io): Job | number {
  const job = findJob(sh, argv[1])
  if (typeof job === 'string') return fail(sh, io, 'fg', job, 1)
  // the ended job is reported before the next prompt, as any other
  if (jobEnd(sh.ctx, job) && sh.dialect !== 'ash')
    return fail(sh, io, 'fg', 'job has terminated', 1)
  io.out.write(`${job.command}\n`)
  return job
}

const bg: Builtin = (sh, argv, io) => {
  const job = findJob(sh, argv[1])
  if (typeof job === 'string') return fail(sh, io, 'bg', job, 1)
  if (sh.dialect === 'ash') io.out.write(`[${job.n}] ${job.command}\n`)
  else io.err.write(`${builtinPrefix(sh, 'bg')}job ${job.n} already in background\n`)
  return 0
}

export const JOB_BUILTINS: Record<string, Builtin> = { jobs, kill, wait, fg, bg }
