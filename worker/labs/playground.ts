import { newClusterWithIngressNginx } from '../sim/addons/ingress-nginx'
import type { Lab } from './types'

export const playground: Lab = {
  id: 'playground',
  title: 'Playground',
  summary: 'An empty three-node cluster to try anything, with no tasks.',
  estimatedMinutes: 0,
  instructions: `# Playground

A fresh cluster with three nodes (\`lab-control-plane\`, \`lab-worker\`, \`lab-worker2\`), nothing of yours in it yet.
The ingress-nginx controller is installed (namespace \`ingress-nginx\`, IngressClass \`nginx\`) for Ingresses.
Apply YAML from the editor, or type kubectl in the terminal:

\`\`\`sh
kubectl get nodes -o wide
kubectl create deployment web --image=nginx:1.19 --replicas=2
kubectl expose deployment web --port=8080 --target-port=80
kubectl run client --image=curlimages/curl --command -- sleep 3600
kubectl exec client -- curl -s web:8080
\`\`\`
`,
  explanation: 'There is nothing to grade here: this cluster is yours to explore.',
  // ingress-nginx is installed, as in the ingress lab, so Ingresses can be tried here too
  setup: (seed, now) => newClusterWithIngressNginx(seed, now),
  tasks: [],
}
