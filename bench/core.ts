// The core's own figures (issue 3): apply+settle of the seed scenario, one routed request, the
// document's size, parse+serialise time, and a whole `run` as the platform calls it.
import { newCluster, route, run } from '../worker/sim'
import { settle } from '../worker/sim/controllers/settle'
import type { ClusterState } from '../worker/sim/state'
import { SEED_SCENARIO } from './seed-scenario'
import { gunzipSync, gzipSync } from 'node:zlib'
import { stateCodec } from '../worker/db/state-codec'

/** the Node entry's codec (workerd's CompressionStream is native too; Node's web streams are not) */
const codec = stateCodec({ gzip: (b) => gzipSync(b, { level: 1 }), gunzip: (b) => gunzipSync(b) })
import { summarise, timeIt, type Summary } from './stats'

export interface CoreFigures {
  applySettle: Summary
  route: Summary
  documentBytes: number
  storedBytes: number
  encodeDecode: Summary
  parseSerialise: Summary
  wholeRun: Summary
  wholeRunCurl: Summary
  wholeRunLoop: Summary
}

/** the clock the seeded cluster is built at */
export const T0 = Date.UTC(2026, 10, 26, 9, 0, 0)

/** The scenario applied and settled, pods running (a minute later). */
export function seededCluster(): ClusterState {
  const r = run(newCluster(42, T0), 'kubectl apply -f -', { now: T0, stdin: SEED_SCENARIO })
  if (r.exitCode !== 0) throw new Error(`seed scenario failed: ${r.stderr}`)
  let s = r.state
  settle(s, T0 + 60_000)
  for (const line of [
    'kubectl exec access-pod -- apt-get update',
    'kubectl exec access-pod -- apt-get install -y curl',
  ]) {
    const step = run(s, line, { now: T0 + 60_000 })
    if (step.exitCode !== 0) throw new Error(`${line}: ${step.stderr}`)
    s = step.state
  }
  return s
}

export async function coreFigures(n = 300): Promise<CoreFigures> {
  const empty = newCluster(42, T0)
  // a Worker isolate that has served a few requests is warm: discard a warm-up pass first
  const applySettle = timeIt(
    () => {
      run(empty, 'kubectl apply -f -', { now: T0, stdin: SEED_SCENARIO })
    },
    n,
    300,
  )
  const s = seededCluster()
  const access = { kind: 'pod' as const, namespace: 'default', name: 'access-pod' }
  const req = { host: 'my-blue-service', port: 8080, method: 'GET', path: '/', headers: {} }
  const routeSamples = timeIt(() => {
    route(s, access, req, { now: T0 + 60_000, probe: true })
  }, n * 10)
  const text = JSON.stringify(s)
  const parseSerialise = timeIt(() => {
    JSON.stringify(JSON.parse(text))
  }, n)
  const wholeRun = timeIt(() => {
    const r = run(JSON.parse(text) as ClusterState, 'kubectl get pods -o wide', {
      now: T0 + 61_000,
    })
    JSON.stringify(r.state)
  }, n)
  const wholeRunCurl = timeIt(() => {
    const r = run(
      JSON.parse(text) as ClusterState,
      'kubectl exec access-pod -- curl -s my-blue-service:8080',
      { now: T0 + 61_000 },
    )
    JSON.stringify(r.state)
  }, n)
  const loop =
    'for i in $(seq 1 20); do kubectl exec access-pod -- curl -s my-blue-service:8080; done | sort | uniq -c'
  const wholeRunLoop = timeIt(
    () => {
      const r = run(JSON.parse(text) as ClusterState, loop, { now: T0 + 61_000 })
      JSON.stringify(r.state)
    },
    Math.ceil(n / 3),
  )
  const stored = await codec.encode(s)
  const codecTimes: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await codec.decode(await codec.encode(s))
    codecTimes.push(performance.now() - t)
  }
  return {
    storedBytes: stored.state.length,
    encodeDecode: summarise(codecTimes),
    wholeRunLoop: summarise(wholeRunLoop),
    applySettle: summarise(applySettle),
    route: summarise(routeSamples),
    documentBytes: new TextEncoder().encode(text).length,
    parseSerialise: summarise(parseSerialise),
    wholeRun: summarise(wholeRun),
    wholeRunCurl: summarise(wholeRunCurl),
  }
}
