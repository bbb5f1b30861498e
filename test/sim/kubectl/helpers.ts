// A fresh simulated cluster and a `kubectl` runner for the kubectl verb tests.
import { newCluster } from '../../../worker/sim/bootstrap'
import type { Ctx, ProcessResult } from '../../../worker/sim/context'
import { kubectl } from '../../../worker/sim/kubectl'
import { settle } from '../../../worker/sim/controllers/settle'
import { parse } from 'shell-quote'

export const T0 = Date.UTC(2026, 10, 26, 6, 0, 0)

export interface Lab {
  ctx: Ctx
  /** runs `kubectl <line>` (the line is split like a shell would, quotes honoured) */
  k: (line: string, stdin?: string) => ProcessResult
  /** moves the clock and lets controllers catch up */
  advance: (ms: number) => void
}

export function lab(seed = 7): Lab {
  const s = newCluster(seed, T0)
  const ctx: Ctx = { s, now: T0 + 60_000, trace: [], changed: [], history: [], clear: false }
  settle(s, ctx.now)
  const k = (line: string, stdin = '') => {
    const argv = parse(line).map(String)
    return kubectl(ctx, argv, stdin, {})
  }
  const advance = (ms: number) => {
    ctx.now += ms
    settle(ctx.s, ctx.now)
  }
  return { ctx, k, advance }
}

export const out = (r: ProcessResult) => ({
  stdout: r.stdout,
  stderr: r.stderr,
  exitCode: r.exitCode,
})
