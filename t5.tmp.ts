import { Lab, deployment } from './test/sim/controllers/helpers'
import { applyObject } from './worker/sim/objects/apply'
import { settle } from './worker/sim/controllers/settle'
import { parse } from 'yaml'
const svc = (name: string, selector: string, port: number, targetPort: string | number, type = 'ClusterIP') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: ${type}
${selector ? `  selector:\n    ${selector}\n` : ''}  ports:
  - protocol: TCP
    port: ${port}
    targetPort: ${targetPort}
`
const docs = [deployment('nginx-deployment-1.0', 'nginx:1.19', 1, '        ports:\n        - containerPort: 80\n'),
  deployment('nginx-deployment-1.1', 'anshuldevops/magicalnginx:latest', 3, '        ports:\n        - containerPort: 80\n'),
  deployment('nginx-deployment-3', 'nginx:1.19', 1, '        ports:\n        - containerPort: 80\n').replace(/app: nginx-deployment-3/g, 'color: blue'),
  deployment('nginx-deployment-4', 'anshuldevops/magicalnginx:latest', 1, '        ports:\n        - containerPort: 80\n').replace(/app: nginx-deployment-4/g, 'color: blue'),
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: access-pod\nspec:\n  containers:\n  - name: access-pod-container\n    image: ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n`,
  svc('my-service', '', 8080, 80), svc('my-blue-service', 'color: blue', 8080, 80), svc('my-np', 'color: blue', 8080, 80, 'NodePort'),
  `apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: my-service\nsubsets:\n- addresses:\n  - ip: 10.244.1.2\n  - ip: 10.244.2.2\n  ports:\n  - port: 80\n`]
const lab = new Lab()
for (const d of docs) { const o: any = parse(d); o.metadata.namespace = 'default'; const r = applyObject(lab.s, o, { now: lab.now }); if (!r.ok) console.log(r.error) }
settle(lab.s, lab.now)
lab.wait(60)
const by: Record<string, [number, number]> = {}
for (const o of Object.values(lab.s.objects)) { const k = o.kind; by[k] = by[k] ?? [0, 0]; by[k][0]++; by[k][1] += JSON.stringify(o).length }
console.log(by, 'runtime', JSON.stringify(lab.s.runtime).length, 'total', JSON.stringify(lab.s).length)
const ev = lab.events()[0]; console.log(JSON.stringify(ev))
console.log(JSON.stringify(lab.pod('nginx-deployment-1.0')))
