// Which commands stream when typed in a terminal, and how: sleep, watch, ping, and the kubectl
// forms that keep running (get -w, logs -f, rollout status, wait, delete, port-forward, run -it).

import type { Shell } from '../shell/interpreter'
import { execute } from '../shell/simple-command'
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
import type { Pause, StreamProc, StreamProgram } from './types'

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/** coreutils sleep: the sum of its operands (`1m 30s`); `infinity` never ends. */
function sleepMs(args: string[]): number | undefined {
  let total = 0
  for (const a of args) {
    if (a === 'infinity' || a === 'inf') return Infinity
    const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(a)
    if (!m) return undefined
    total += Number(m[1]) * (UNITS[m[2] || 's'] as number)
  }
  return args.length > 0 ? total : undefined
}

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

/** The streaming form of a program the shell's host has, if it streams. */
export function streamingProgram(sh: Shell, name: string): StreamProgram | undefined {
  const base = name.replace(/^.*\//, '')
  const program = Object.prototype.hasOwnProperty.call(PROGRAMS, base) ? PROGRAMS[base] : undefined
  return program && sh.host.find(name) ? program : undefined
}
