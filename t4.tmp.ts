import { Lab, deployment } from './test/sim/controllers/helpers'
import * as c from './worker/sim/controllers/settle'
import { reconcileEndpointSliceMirroring } from './worker/sim/controllers/endpoint-slice-mirroring'
import { reconcileLoadBalancers } from './worker/sim/controllers/load-balancer'
import { schedulePods } from './worker/sim/controllers/scheduler'
import { pruneEvents } from './worker/sim/controllers/events'
import { reconcileDeployments } from './worker/sim/controllers/deployment'
import { runKubelets } from './worker/sim/controllers/kubelet'
import { reconcileEndpointSlices } from './worker/sim/controllers/endpoint-slices'
import { reconcileEndpoints } from './worker/sim/controllers/endpoints'
import { reconcileReplicaSets } from './worker/sim/controllers/replica-set'
import { collectGarbage } from './worker/sim/controllers/garbage-collector'
const yaml = [deployment('a', 'nginx:1.19', 1), deployment('b', 'anshuldevops/magicalnginx:latest', 3), deployment('c', 'nginx:1.19', 1), deployment('d', 'nginx:1.19', 1)].join('---\n')
const lab = new Lab(); lab.create(yaml); lab.wait(30)
for (const [n, f] of Object.entries({ collectGarbage, reconcileDeployments, reconcileReplicaSets, schedulePods, runKubelets, reconcileEndpoints, reconcileEndpointSlices, reconcileEndpointSliceMirroring, reconcileLoadBalancers, pruneEvents })) console.log(n, (f as any)(lab.s, lab.now))
