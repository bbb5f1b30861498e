import { Lab, deployment } from './test/sim/controllers/helpers'
import { reconcileDeployments } from './worker/sim/controllers/deployment'
const yaml = [deployment('a', 'nginx:1.19', 1), deployment('b', 'anshuldevops/magicalnginx:latest', 3), deployment('c', 'nginx:1.19', 1), deployment('d', 'nginx:1.19', 1)].join('---\n')
const lab = new Lab(); lab.create(yaml); lab.wait(30)
for (let i = 0; i < 20000; i++) reconcileDeployments(lab.s, lab.now)
