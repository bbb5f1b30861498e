import { newCluster, run } from './worker/sim'
import { SEED_SCENARIO } from './bench/seed-scenario'
const T0 = Date.UTC(2026, 10, 26, 9, 0, 0)
const empty = newCluster(42, T0)
for (let i = 0; i < 300; i++) run(empty, 'kubectl apply -f -', { now: T0, stdin: SEED_SCENARIO })
const ts: number[] = []
for (let i = 0; i < 300; i++) { const t = performance.now(); run(empty, 'kubectl apply -f -', { now: T0, stdin: SEED_SCENARIO }); ts.push(performance.now() - t) }
ts.sort((a, b) => a - b); console.log('median', ts[150], 'min', ts[0])
