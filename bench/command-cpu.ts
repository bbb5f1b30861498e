// Per command kind of the isolated phases, the core's own CPU per command as the server spends it
// (issue 11): the simulation (`run` on the document kept from the previous command, time moving
// on), then the encode the platform does when the document changed (JSON + gzip level 1). Two
// ways: today's (documentChanged from the core, then serializeDocument, which re-serialises only
// objects written since), and the platform's before them (JSON.stringify every document and
// compare it with the JSON it was loaded from).
import { gzipSync } from 'node:zlib'
import { run } from '../worker/sim/run'
import { serializeDocument } from '../worker/sim/serialize'
import type { ClusterState } from '../worker/sim/state'
import { seededCluster } from './core'

export const CPU_KINDS: { kind: string; line: (i: number) => string }[] = [
  { kind: 'get pods', line: () => 'kubectl get pods' },
  { kind: 'exec curl', line: () => 'kubectl exec access-pod -- curl -s my-blue-service:8080' },
  { kind: 'describe', line: () => 'kubectl describe service my-blue-service' },
  {
    kind: 'scale',
    line: (i) => `kubectl scale deployment nginx-deployment-3 --replicas=${1 + (i % 2)}`,
  },
]

export type ChangeTest = 'flag' | 'serialise'

export interface CommandCpu {
  kind: string
  test: ChangeTest
  /** ms per command, wall clock: the mean of the least disturbed of several rounds (GC included) */
  run: number
  encode: number
  /** CPU ms per command (process.cpuUsage over the round: GC and compiler threads included) */
  cpu: number
  /** share of commands that stored the document */
  changed: number
}

interface Round {
  run: number
  encode: number
  cpu: number
  changed: number
}

const cpuMs = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/** `n` commands of one kind, 250 ms apart (a learner's bench pace), from the seeded document. */
function round(text: string, kind: (typeof CPU_KINDS)[number], test: ChangeTest, n: number): Round {
  let s = JSON.parse(text) as ClusterState
  let json = text
  let now = s.createdAt + 180_000
  const out = { run: 0, encode: 0, changed: 0 }
  const cpu0 = cpuMs()
  for (let i = 0; i < n; i++) {
    now += 250
    const t0 = performance.now()
    const r = run(s, kind.line(i), { now, owned: true })
    const t1 = performance.now()
    if (test === 'flag' && r.documentChanged) {
      json = serializeDocument(r.state)
      out.changed += gzipSync(json, { level: 1 }).length > 0 ? 1 : 0
    } else if (test === 'serialise') {
      const after = JSON.stringify(r.state)
      if (after !== json) out.changed += gzipSync(after, { level: 1 }).length > 0 ? 1 : 0
      json = after
    }
    out.run += t1 - t0
    out.encode += performance.now() - t1
    s = r.state
  }
  const cpu = (cpuMs() - cpu0) / n
  return { run: out.run / n, encode: out.encode / n, cpu, changed: out.changed / n }
}

/**
 * Each kind both ways, `rounds` rounds of `n` commands, interleaved so that load from others on
 * a shared machine falls on both alike; the least disturbed round (lowest CPU) counts.
 */
export function commandCpu(
  n = 60,
  rounds = 7,
  start: ClusterState = seededCluster(),
): CommandCpu[] {
  const text = JSON.stringify(start)
  const tests: ChangeTest[] = ['flag', 'serialise']
  const best = new Map<string, Round>()
  for (let r = 0; r <= rounds; r++)
    for (const k of CPU_KINDS)
      for (const test of tests) {
        const got = round(text, k, test, n)
        const key = `${k.kind}|${test}`
        const was = best.get(key)
        // round 0 warms the JIT on every kind and is not counted
        if (r > 0 && (!was || got.cpu < was.cpu)) best.set(key, got)
      }
  return CPU_KINDS.flatMap((k) =>
    tests.map((test) => ({ kind: k.kind, test, ...best.get(`${k.kind}|${test}`)! })),
  )
}

const f = (x: number) => x.toFixed(3)

/** Lines for the bench's output. */
export function commandCpuLines(rows: CommandCpu[]): string[] {
  return [
    '## A command in the core, per kind (ms per command, the round with least CPU of several):',
    '## run, then JSON + gzip when the document changed, told by documentChanged or by serialising',
    '## (run/encode: wall clock; CPU: process CPU time over the round, GC threads included)',
    ...rows.map(
      (r) =>
        `${r.kind.padEnd(10)} ${(r.test === 'flag' ? 'documentChanged' : 'serialise+compare').padEnd(17)}  run ${f(r.run)}   ` +
        `encode ${f(r.encode)}   in all ${f(r.run + r.encode)}   CPU ${f(r.cpu)}   stored ${(r.changed * 100).toFixed(0)} %`,
    ),
  ]
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const l of commandCpuLines(commandCpu(Number(process.argv[2] ?? 60)))) console.log(l)
}
