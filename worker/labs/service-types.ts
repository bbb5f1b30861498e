// Lab `service-types`: the same pods behind a ClusterIP (inside only), a NodePort (every node's IP,
// from outside, plus a ClusterIP) and a LoadBalancer (its own external IP); a nodePort out of range.

import {
  answeredVia,
  fromPod,
  fromWorkstation,
  memAdd,
  memList,
  memoryForThisCluster,
  observing,
  requestsOf,
  service,
  type SeenRequest,
} from './checks'
import { CLIENT_POD } from './lab-manifests'
import { NGINX_1_1 } from './notes'
import { startCluster } from './setup'
import type { CheckContext, Lab } from './types'

const port = (name: string, svcPort: number) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: TYPE
  selector:
    app: nginx-1.1
  ports:
  - protocol: TCP
    port: ${svcPort}
    targetPort: 80
`

export const MY_CLUSTERIP_SERVICE = port('my-clusterip-service', 8080).replace('TYPE', 'ClusterIP')
export const MY_NODEPORT_SERVICE = port('my-nodeport-service', 8080).replace('TYPE', 'NodePort')
export const MY_NODEPORT_SERVICE_80 = `${MY_NODEPORT_SERVICE.trimEnd()}\n    nodePort: 80\n`
export const MY_LB_SERVICE = port('my-lb-service', 80).replace('TYPE', 'LoadBalancer')

const NODEPORT = `$(kubectl get service my-nodeport-service -o jsonpath='{.spec.ports[0].nodePort}')`
const LB_IP = `$(kubectl get service my-lb-service -o jsonpath='{.status.loadBalancer.ingress[0].ip}')`

function viaHop(
  r: SeenRequest,
  kind: 'service' | 'nodeport' | 'loadbalancer',
  name: string,
): boolean {
  return (
    r.outcome === 'answered' &&
    r.hops.some((h) => h.ok && h.kind === kind && h.object?.name === name)
  )
}

function observe(ctx: CheckContext): void {
  memoryForThisCluster(ctx, ['nodeport.ips'])
  for (const r of requestsOf(ctx.last)) {
    if (fromWorkstation(r) && viaHop(r, 'nodeport', 'my-nodeport-service'))
      memAdd(ctx.memory, 'nodeport.ips', r.host)
  }
}

const tasks = observing(observe, [
  {
    id: 'clusterip-inside',
    title: 'Reach my-clusterip-service from a pod',
    hints: [
      'Apply the my-clusterip-service YAML of step 1, then kubectl exec client -- curl -s my-clusterip-service:8080.',
      "The Service listens on 8080; 80 is the pods' port (targetPort).",
    ],
    check: (ctx) =>
      requestsOf(ctx.last).some((r) => fromPod(r) && answeredVia(r, 'my-clusterip-service')),
  },
  {
    id: 'clusterip-outside',
    title: 'See the ClusterIP time out from your workstation',
    hints: [
      'Use the CLUSTER-IP that kubectl get service my-clusterip-service shows, in a curl typed without kubectl exec.',
      'A name like my-clusterip-service does not even resolve on your workstation (no cluster DNS there): use the IP to see the packets go nowhere.',
      'Add --connect-timeout 5 so curl does not wait two minutes.',
    ],
    check: (ctx) => {
      const ip = service(ctx.state, 'my-clusterip-service')?.spec.clusterIP
      return (
        !!ip &&
        requestsOf(ctx.last).some(
          (r) => fromWorkstation(r) && r.host === ip && r.outcome !== 'answered',
        )
      )
    },
  },
  {
    id: 'nodeport-out-of-range',
    title: "Ask for nodePort 80 and read the API server's answer",
    hints: [
      'Apply the first NodePort YAML of step 3, the one with nodePort: 80.',
      "NodePorts come from 30000-32767 (the API server's --service-node-port-range), so 80 is refused.",
    ],
    check: (ctx) => ctx.last.stderr.includes('provided port is not in the valid range'),
  },
  {
    id: 'nodeport-outside',
    title: 'Reach my-nodeport-service from your workstation on a node IP',
    hints: [
      "kubectl get nodes -o wide shows the nodes' INTERNAL-IP (172.18.0.x); kubectl get service shows 8080:3xxxx/TCP — the number after the colon is the nodePort.",
      'From outside, use <node IP>:<nodePort>. The ClusterIP and port 8080 only exist inside the cluster.',
    ],
    check: (ctx) => memList(ctx.memory, 'nodeport.ips').length > 0,
  },
  {
    id: 'nodeport-every-node',
    title: 'Reach the same nodePort on all three nodes',
    hints: [
      'The nodePort is open on every node, even one that runs none of the pods: try 172.18.0.2, 172.18.0.3 and 172.18.0.4.',
      'The control-plane node counts too: kube-proxy runs there as well.',
    ],
    check: (ctx) => memList(ctx.memory, 'nodeport.ips').length >= 3,
  },
  {
    id: 'nodeport-has-clusterip',
    title: 'Reach my-nodeport-service through its ClusterIP from a pod',
    hints: [
      'A NodePort Service is also a ClusterIP Service: kubectl exec client -- curl -s my-nodeport-service:8080.',
      'Inside the cluster use the Service port 8080, not the nodePort.',
    ],
    check: (ctx) =>
      requestsOf(ctx.last).some((r) => fromPod(r) && viaHop(r, 'service', 'my-nodeport-service')),
  },
  {
    id: 'loadbalancer',
    title: 'Reach my-lb-service on its external IP from your workstation',
    hints: [
      'kubectl get service my-lb-service: wait for EXTERNAL-IP to change from <pending> to an address, then curl it on port 80.',
      'The external IP belongs to the load balancer, outside the nodes: no nodePort needed.',
    ],
    check: (ctx) =>
      requestsOf(ctx.last).some(
        (r) => fromWorkstation(r) && viaHop(r, 'loadbalancer', 'my-lb-service'),
      ),
  },
])

const instructions = `# Service types: ClusterIP, NodePort, LoadBalancer

The notes' \`nginx-deployment-1.1\` runs (three magicalnginx pods, label \`app: nginx-1.1\`), plus a
pod \`client\` (\`curlimages/curl\`) to ask from inside. You will put three Services in front of the
same pods and reach each from where it can be reached.

## 1. ClusterIP (the default)

\`\`\`yaml
${MY_CLUSTERIP_SERVICE}\`\`\`

\`\`\`sh
kubectl get service my-clusterip-service
kubectl exec client -- curl -s my-clusterip-service:8080
\`\`\`

## 2. ClusterIP from outside

Your terminal is a workstation outside the cluster. Try the ClusterIP from here:

\`\`\`sh
curl --connect-timeout 5 $(kubectl get service my-clusterip-service -o jsonpath='{.spec.clusterIP}'):8080
\`\`\`

It times out: a ClusterIP exists only in kube-proxy's rules on the cluster's nodes. As the notes
say, use ClusterIP when you do **not** want to expose the pods to the outside world.

## 3. NodePort

A NodePort opens one port on **every** node. You may pick it — but only from 30000-32767.
Try port 80 first:

\`\`\`yaml
${MY_NODEPORT_SERVICE_80}\`\`\`

The API server refuses it and names the valid range. Now let Kubernetes choose:

\`\`\`yaml
${MY_NODEPORT_SERVICE}\`\`\`

\`\`\`sh
kubectl get service my-nodeport-service
kubectl get nodes -o wide
curl -s 172.18.0.3:${NODEPORT}
\`\`\`

\`PORT(S)\` reads \`8080:3xxxx/TCP\`: the Service port, then the nodePort. Try the other nodes
(\`172.18.0.2\`, the control plane, and \`172.18.0.4\`) too — every node answers, whether or not it
runs one of the pods:

\`\`\`sh
for ip in 172.18.0.2 172.18.0.3 172.18.0.4; do curl -s $ip:${NODEPORT} | grep served; done
\`\`\`

A NodePort Service is a ClusterIP Service too:

\`\`\`sh
kubectl exec client -- curl -s my-nodeport-service:8080
\`\`\`

## 4. LoadBalancer

\`\`\`yaml
${MY_LB_SERVICE}\`\`\`

\`\`\`sh
kubectl get service my-lb-service
curl -s ${LB_IP}
\`\`\`

The Service got an \`EXTERNAL-IP\`: a load balancer outside the nodes, forwarding port 80 to the
pods (through a nodePort it also allocated).

*Simplification:* this cluster, like kind with a load-balancer controller, hands out external IPs
from 172.18.255.200-250 at once. On a cloud, each LoadBalancer Service provisions a real load
balancer: it takes a minute or two and it costs money — which is why the notes recommend one
load balancer in front of an Ingress rather than one per Service.
`

const explanation = `## What you learned

- **ClusterIP** (the default) is reachable only inside the cluster: from a pod it answered, from
  your workstation it timed out. Use it for everything that should not be exposed.
- **NodePort** opens the same port (30000-32767; 80 was refused with *provided port is not in the
  valid range*) on **every** node's IP, reachable from outside the cluster — on all three nodes,
  whichever node the pods run on. It is a ClusterIP Service as well.
- **LoadBalancer** adds an external load balancer with its own IP in front of the nodePorts. It is
  the most convenient and, on a cloud, the most expensive: the notes' advice is one load balancer in
  front of an Ingress, not one per Service.
- Each type builds on the previous one: LoadBalancer ⊃ NodePort ⊃ ClusterIP.
`

export const serviceTypes: Lab = {
  id: 'service-types',
  title: 'Service types: ClusterIP, NodePort, LoadBalancer',
  summary:
    'Expose the same pods three ways and reach each from where it can be reached (and not from elsewhere).',
  estimatedMinutes: 20,
  instructions,
  explanation,
  setup: (seed, now) => startCluster(seed, now, { manifests: [NGINX_1_1, CLIENT_POD] }),
  tasks,
}
