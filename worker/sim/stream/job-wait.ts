// `wait` and `fg` in a line that streams: they hold the line while the job runs (a `sleep 30 &`
// until its 30 s are up; a port-forward until it closes or Ctrl+C), as bash and ash do.

import { fgJob, waitTargets } from '../shell/job-builtins'
import { jobEnd, signalJob, type Job } from '../shell/jobs'
import { KUBECTL_INTERRUPT, type Pause, type StreamProgram } from './types'

/** Resume when the first of the jobs ends by itself; each second for a port-forward's. */
function nextCheck(now: number, running: Job[]): Pause {
  const until = Math.min(...running.map((j) => (j.ports ? now + 1000 : (j.endsAt ?? Infinity))))
  return { until, onChange: running.some((j) => j.ports) }
}

/** `wait [%N|PID]...`: Ctrl+C ends the wait (130), not the jobs. */
export const waitProgram: StreamProgram = function* (p) {
  const targets = waitTargets(p.sh, p.argv, p.io)
  if (typeof targets === 'number') return targets
  for (;;) {
    const running = targets.filter((j) => !jobEnd(p.ctx, j))
    if (running.length === 0) break
    yield nextCheck(p.ctx.now, running)
  }
  for (const job of targets) p.sh.waited.add(job)
  const last = targets[targets.length - 1]
  return p.argv.length > 1 && last ? (jobEnd(p.ctx, last)?.status ?? 0) : 0
}

/** `fg [%N]`: the job in the foreground; Ctrl+C interrupts it (SIGINT), and it is gone. */
export const fgProgram: StreamProgram = function* (p) {
  const job = fgJob(p.sh, p.argv, p.io)
  if (typeof job === 'number') return job
  // kubectl's own Ctrl+C handler: `^C`, exit 1, the prompt on the same line
  if (/^kubectl\s/.test(job.command)) p.onInterrupt(KUBECTL_INTERRUPT)
  let ended = false
  try {
    while (!jobEnd(p.ctx, job)) yield nextCheck(p.ctx.now, [job])
    ended = true
  } finally {
    if (!ended) signalJob(p.ctx, job, 2)
    p.sh.jobTable = p.sh.jobTable.filter((j) => j !== job)
  }
  return jobEnd(p.ctx, job)?.status ?? 0
}
