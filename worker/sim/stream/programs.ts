// Which commands stream when typed in a terminal, and how: sleep, watch, ping, wait and fg for a
// background job, and the kubectl forms that keep running (get -w, logs -f, rollout status, wait, delete, port-forward, run -it).

import type { Shell } from '../shell/interpreter'
import { execute } from '../shell/simple-command'
import { sleepMs } from '../shell/sleep-time'
import { parseKubectl } from '../kubectl'
import { watchGet } from './kubectl-watch'
import {
  deleteAndWait,
  followLogs,
  holdPortForward,
  rolloutStatus,
  runAttach,
  waitFor,
} from './kubectl-follow'
import { pingProgram } from './ping'
import { watchProgram } from './watch'
import { fgProgram, waitProgram } from './job-wait'
import type { Pause, StreamProc, StreamProgram } from './types'

const sleepProgram: StreamProgram = function* (p) {
  const ms = sleepMs(p.argv.slice(1))
  if (ms === undefined) return execute(p.sh, p.argv, p.io, p.env)
  const until = p.ctx.now + ms
  while (p.ctx.now < until) yield { until }
  return 0
}

function* kubectlProgram(p: StreamProc): Generator<Pause, number, void> {
  const inv = parseKubectl(p.ctx, p.argv.slice(1), '', p.env)
  const f = inv?.flags
  if (inv && f) {
    switch (inv.commandPath) {
      case 'kubectl get':
        if (f.bool('watch') || f.bool('watch-only')) return yield* watchGet(p, inv)
        break
      case 'kubectl logs':
        if (f.bool('follow')) return yield* followLogs(p, inv)
        break
      case 'kubectl rollout status':
        if (f.bool('watch', true)) return yield* rolloutStatus(p, inv)
        break
      case 'kubectl wait':
        return yield* waitFor(p, inv)
      case 'kubectl delete':
        if (f.bool('wait', true)) return yield* deleteAndWait(p)
        break
      case 'kubectl port-forward':
        return yield* holdPortForward(p)
      case 'kubectl run':
        if (f.bool('stdin') && f.bool('tty') && p.ctx.terminal) return yield* runAttach(p, inv)
        break
    }
  }
  return execute(p.sh, p.argv, p.io, p.env)
}

const PROGRAMS: Record<string, StreamProgram> = {
  sleep: sleepProgram,
  kubectl: kubectlProgram,
  ping: pingProgram,
  watch: watchProgram,
}

/** The streaming form of a program the shell's host has (or of a job builtin), if it streams. */
export function streamingProgram(sh: Shell, name: string): StreamProgram | undefined {
  if (name === 'wait' || name === 'fg') return name === 'wait' ? waitProgram : fgProgram
  const base = name.replace(/^.*\//, '')
  const program = Object.prototype.hasOwnProperty.call(PROGRAMS, base) ? PROGRAMS[base] : undefined
  return program && sh.host.find(name) ? program : undefined
}
