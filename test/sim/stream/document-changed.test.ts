// A line sent as a stream that does not stream (a `get`) must still say whether the document
// changed: the platform keeps the stored row when it says "unchanged".
import { describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { startStream } from '../../../worker/sim/stream'
import { runInTerminal } from '../../../worker/sim/session'
import { drive } from './drive'
import { scenario, T0 } from '../shell/fixture'

describe('startStream and documentChanged', () => {
  it('a read-only line after pods moved on reports the document changed', () => {
    const s = run(scenario(7), 'kubectl scale deployment nginx-deployment-3 --replicas=3', {
      now: T0 + 130_000,
    }).state
    const before = JSON.stringify(s)
    // seconds later the new pods have started: settling at the new `now` writes them
    const started = startStream(s, null, 'kubectl get pods', { now: T0 + 160_000 })
    const result = started.step.result!
    expect(JSON.stringify(result.state)).not.toBe(before)
    expect(result.documentChanged).toBe(true)
  })
})

describe('a streamed line inside a pod shell', () => {
  it("keeps the shell's history and adds itself to it, as bash does", () => {
    let s = scenario(7)
    let now = T0 + 130_000
    const open = runInTerminal(s, null, 'kubectl exec -it access-pod -- bash', { now })
    s = open.state
    let session = open.session!
    for (const line of ['cd /tmp', 'echo hi']) {
      now += 2000
      const r = runInTerminal(s, session, line, { now })
      s = r.state
      session = r.session!
    }
    now += 2000
    // `sleep 1` streams: it pauses, then ends one second later
    const d = drive(s, 'sleep 1', { now, seconds: 3, session })
    const after = d.last.result!
    const r = runInTerminal(after.state, after.session, 'history', { now: now + 5000 })
    expect(r.output.map((o) => o.text).join('')).toBe(
      '    1  cd /tmp\n    2  echo hi\n    3  sleep 1\n    4  history\n',
    )
  })
})
