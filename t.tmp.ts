import { Lab, deployment } from './test/sim/controllers/helpers'
import { settle } from './worker/sim/controllers/settle'
import { newCluster } from './worker/sim/bootstrap'
const lab = new Lab()
lab.create([deployment('a', 'nginx:1.19', 1), deployment('b', 'anshuldevops/magicalnginx:latest', 3), deployment('c', 'nginx:1.19', 1), deployment('d', 'nginx:1.19', 1)].join('---\n'))
lab.wait(30)
const base = JSON.stringify(newCluster(1, lab.now))
const yaml = [deployment('a', 'nginx:1.19', 1), deployment('b', 'anshuldevops/magicalnginx:latest', 3), deployment('c', 'nginx:1.19', 1), deployment('d', 'nginx:1.19', 1)].join('---\n')
const t = performance.now()
for (let i = 0; i < 300; i++) { settle(lab.s, lab.now) }
const t1 = performance.now()
const times = []
for (let i = 0; i < 200; i++) { const l = new Lab(i); const t2 = performance.now(); l.create(yaml); times.push(performance.now() - t2) }
times.sort((a,b)=>a-b); console.log('noop', (t1 - t) / 300, 'create+settle', times[100])
