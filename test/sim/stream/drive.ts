// Drives a streaming line as the platform does: resume each second, hand over changes made
// elsewhere, collect the output with its simulated times.
import {
  advanceStream,
  interruptStream,
  startStream,
  type StreamStep,
} from '../../../worker/sim/stream'
import type { ShellSession } from '../../../worker/sim/session'
import type { ClusterState } from '../../../worker/sim/state'

export interface Drive {
  steps: StreamStep[]
  text: string
  at: (needle: string) => number | undefined
  last: StreamStep
}

export function drive(
  state: ClusterState,
  line: string,
  o: {
    now: number
    seconds: number
    session?: ShellSession | null
    columns?: number
    rows?: number
    /** a change made elsewhere at a given second (another tab, the editor) */
    elsewhere?: Record<number, (s: ClusterState, now: number) => ClusterState>
    interruptAt?: number
  },
): Drive {
  const started = startStream(state, o.session ?? null, line, {
    now: o.now,
    columns: o.columns,
    rows: o.rows,
  })
  const steps = [started.step]
  const stream = started.stream
  if (stream) {
    let s = stream.ctx.s
    for (let sec = 1; sec <= o.seconds && !steps[steps.length - 1]?.result; sec++) {
      const now = o.now + sec * 1000
      const change = o.elsewhere?.[sec]
      if (change) s = change(s, now)
      if (o.interruptAt === sec) {
        steps.push(interruptStream(stream))
        break
      }
      steps.push(advanceStream(stream, s, now, change !== undefined))
    }
  }
  const chunks = steps.flatMap((st) => st.output)
  return {
    steps,
    text: chunks.map((c) => c.text).join(''),
    at: (needle) => chunks.find((c) => c.text.includes(needle))?.at,
    last: steps[steps.length - 1] as StreamStep,
  }
}
