import { Lab, deployment } from './test/sim/controllers/helpers'
import { settle } from './worker/sim/controllers/settle'
import { reconcileDeployments } from './worker/sim/controllers/deployment'
import { runKubelets } from './worker/sim/controllers/kubelet'
import { reconcileEndpointSlices } from './worker/sim/controllers/endpoint-slices'
import { reconcileEndpoints } from './worker/sim/controllers/endpoints'
import { reconcileReplicaSets } from './worker/sim/controllers/replica-set'
import { collectGarbage } from './worker/sim/controllers/garbage-collector'
const yaml = [deployment('a', 'nginx:1.19', 1), deployment('b', 'anshuldevops/magicalnginx:latest', 3), deployment('c', 'nginx:1.19', 1), deployment('d', 'nginx:1.19', 1)].join('---\n')
const lab = new Lab(); lab.create(yaml); lab.wait(30)
function best(f: () => void, n = 200) { let b = Infinity; for (let r = 0; r < 5; r++) { const t = performance.now(); for (let i = 0; i < n; i++) f(); b = Math.min(b, (performance.now() - t) / n) } return (b * 1000).toFixed(1) + 'us' }
for (const [n, f] of Object.entries({ settle, reconcileDeployments, runKubelets, reconcileEndpointSlices, reconcileEndpoints, reconcileReplicaSets, collectGarbage })) console.log(n, best(() => (f as any)(lab.s, lab.now)))
let bestCreate = Infinity
for (let i = 0; i < 100; i++) { const l = new Lab(i); const t = performance.now(); l.create(yaml); bestCreate = Math.min(bestCreate, performance.now() - t) }
console.log('create+settle best', bestCreate.toFixed(2), 'ms')
