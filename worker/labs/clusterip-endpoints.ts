// Lab `clusterip-endpoints`: the notes' selector-less `my-service` with hand-written Endpoints in
// front of the three magicalnginx pods; load-balancing; a recreated pod leaves a stale endpoint.

import {
  answeredVia,
  deadEndpoint,
  endpointPairs,
  findPod,
  fromPod,
  memAdd,
  memList,
  memoryForThisCluster,
  observing,
  podIP,
  readyPodsWith,
  requestsOf,
  service,
} from './checks'
import { ACCESS_POD, MY_SERVICE, MY_SERVICE_ENDPOINTS, NGINX_1_1 } from './notes'
import { startCluster } from './setup'
import type { CheckContext, Lab } from './types'

const APP = { app: 'nginx-1.1' }

function servedByNginx(ctx: CheckContext): string[] {
  return requestsOf(ctx.last)
    .filter((r) => fromPod(r) && answeredVia(r, 'my-service'))
    .filter((r) => findPod(ctx.state, r.pod)?.metadata.labels?.app === 'nginx-1.1')
    .map((r) => r.pod?.name ?? '')
}

/** True when Endpoints my-service lists every ready nginx-1.1 pod on port 80, and nothing else. */
function endpointsCurrent(ctx: CheckContext): boolean {
  const want = readyPodsWith(ctx.state, 'default', APP)
    .map(podIP)
    .filter((ip): ip is string => ip !== undefined)
    .map((ip) => `${ip}:80`)
  const have = new Set(endpointPairs(ctx.state, 'my-service'))
  return want.length >= 3 && want.every((p) => have.has(p)) && have.size === want.length
}

/**
 * A request through my-service timed out at an address a pod had before it was recreated (the
 * notes' own example IPs, which no pod ever had here, do not count: that is another mistake).
 */
function sawStale(ctx: CheckContext): boolean {
  const released = ctx.state.runtime.releasedPodIPs
  return requestsOf(ctx.last).some((r) => {
    if (!fromPod(r) || r.outcome !== 'timeout') return false
    if (!r.hops.some((h) => h.kind === 'service' && h.object?.name === 'my-service')) return false
    const dead = deadEndpoint(r)
    return dead !== undefined && released.includes(dead)
  })
}

function observe(ctx: CheckContext): void {
  memoryForThisCluster(ctx, ['served', 'stale.seen'])
  memAdd(ctx.memory, 'served', ...servedByNginx(ctx))
  if (sawStale(ctx)) ctx.memory['stale.seen'] = true
}

const tasks = observing(observe, [
  {
    id: 'create-service',
    title: 'Create my-service without a selector (port 8080, targetPort 80)',
    hints: [
      "Apply the notes' Service YAML from step 2 as it is: it has no selector on purpose.",
      'port is where the Service listens (8080); targetPort is where the pods listen (80). Swapping them is the most common slip.',
    ],
    check: (ctx) => {
      const svc = service(ctx.state, 'my-service')
      if (!svc || Object.keys(svc.spec.selector ?? {}).length > 0) return false
      return (svc.spec.ports ?? []).some((p) => p.port === 8080 && (p.targetPort ?? p.port) === 80)
    },
  },
  {
    id: 'write-endpoints',
    title: 'Write Endpoints my-service with the IPs of your three pods, port 80',
    hints: [
      "The IPs in the notes (10.244.0.119, ...) come from the author's cluster. Use yours: kubectl get pods -l app=nginx-1.1 -o wide.",
      'ports: in Endpoints is the port the pods listen on (80), not the Service port 8080.',
      'metadata.name must be exactly my-service: an Endpoints object belongs to the Service with the same name.',
      'List all three Running pods, and only them.',
    ],
    check: endpointsCurrent,
  },
  {
    id: 'curl-service',
    title: 'Curl my-service on port 8080 from access-pod',
    hints: [
      'ubuntu:latest has no curl: kubectl exec access-pod -- apt-get update, then kubectl exec access-pod -- apt-get install -y curl.',
      'The Service listens on 8080: curl my-service:8080. Port 80 belongs to the pods and times out on the ClusterIP.',
      'A curl typed without kubectl exec runs on your workstation, where neither the name nor the ClusterIP exists.',
    ],
    check: (ctx) => servedByNginx(ctx).length > 0,
  },
  {
    id: 'load-balanced',
    title: 'See all three pods take turns answering through my-service',
    hints: [
      'magicalnginx names the pod that served each request. Send several requests with the loop in step 4.',
      'Each connection picks an endpoint at random, so run the loop again if one pod has not shown up yet.',
      'Only pods listed in Endpoints my-service can answer: check kubectl get endpoints my-service.',
    ],
    check: (ctx) => memList(ctx.memory, 'served').length >= 3,
  },
  {
    id: 'stale-endpoint',
    title: 'Delete a pod and see a request through my-service time out',
    hints: [
      'kubectl delete pod <one of the nginx-deployment-1.1 pods>; the Deployment replaces it with a new IP.',
      'Your Endpoints still name the old IP. Run the curl loop again: requests sent to the old address time out (use --connect-timeout 2).',
    ],
    check: sawStale,
  },
  {
    id: 'fix-endpoints',
    title: 'Fix Endpoints my-service so every request is answered again',
    hints: [
      'kubectl get pods -l app=nginx-1.1 -o wide shows the current IPs; kubectl get endpoints my-service shows what you wrote.',
      'Edit your Endpoints YAML with the new IP and apply it again: kubectl apply updates the object in place.',
    ],
    check: (ctx) => ctx.memory['stale.seen'] === true && endpointsCurrent(ctx),
  },
])

const instructions = `# A Service with hand-written Endpoints

Your cluster runs the notes' \`nginx-deployment-1.1\`: three pods of
\`anshuldevops/magicalnginx:latest\`, a page that names the pod that served it. The notes'
\`access-pod\` (ubuntu) is there too, to ask from inside the cluster.

## 1. Look at the pods

\`\`\`sh
kubectl get pods -o wide
\`\`\`

Three IPs, one per pod. A frontend would not know which to use — hence a Service.

## 2. Create the Service (no selector)

The notes' Service: it listens on **port 8080** and forwards to **targetPort 80** of the pods.

\`\`\`yaml
${MY_SERVICE}\`\`\`

\`\`\`sh
kubectl get service my-service
kubectl get endpoints my-service
\`\`\`

It got a ClusterIP, but with no selector Kubernetes does not know which pods it fronts: there is no
Endpoints object at all (\`NotFound\`), and a request to the Service would be refused.

## 3. Write its Endpoints

The notes' Endpoints, with the notes' example IPs. **Replace the three IPs with your pods' IPs**
from step 1 before applying; the port is the pods' port, 80.

\`\`\`yaml
${MY_SERVICE_ENDPOINTS}\`\`\`

\`\`\`sh
kubectl get endpoints my-service
kubectl describe service my-service
\`\`\`

## 4. Use the Service from inside the cluster

\`ubuntu:latest\` has no curl; install it in access-pod, then ask the Service by name on port 8080:

\`\`\`sh
kubectl exec access-pod -- apt-get update
kubectl exec access-pod -- apt-get install -y curl
kubectl exec access-pod -- curl -s my-service:8080
for i in 1 2 3 4 5 6 7 8 9 10; do kubectl exec access-pod -- curl -s --connect-timeout 2 my-service:8080 | grep -i served; done
\`\`\`

Each connection goes to one of the endpoints, chosen at random by kube-proxy: the page names a
different pod now and then. That is the load-balancing the notes promise.

## 5. Recreate a pod

Delete one of the three pods (any one: this line picks the first of the list), then look again:

\`\`\`sh
kubectl delete pod $(kubectl get pods -l app=nginx-1.1 -o jsonpath='{.items[0].metadata.name}')
kubectl get pods -o wide
kubectl get endpoints my-service
\`\`\`

The Deployment made a new pod with a **new IP**, but your Endpoints still list the old one: nobody
updates hand-written Endpoints. Run the loop from step 4 again: the requests sent to the old
address time out (exit code 28), the others are answered.

## 6. Fix it

Put the new IP in your Endpoints YAML instead of the old one and apply it again. Run the loop once
more: every request is answered.
`

const explanation = `## What you learned

- A Service gives one stable address (its ClusterIP, and the DNS name \`my-service\`) in front of
  several pods, and spreads connections over them — the notes' load-balancing.
- \`port: 8080\` is where the Service listens; \`targetPort: 80\` is where the pods listen. In the
  Endpoints you wrote the **pods'** port, 80.
- A Service **without a selector** has no endpoints of its own: it uses the Endpoints object with
  the **same name**. That is how the notes' \`my-service\` found its pods.
- Hand-written Endpoints go **stale**: when a pod is recreated it gets a new IP, the Endpoints keep
  the old one, and connections sent there time out. You had to fix them by hand — which is exactly
  what a selector does for you automatically (the \`selectors\` lab).
- Selector-less Services with manual Endpoints are still useful for things outside the cluster
  (a database on a fixed IP). Kubernetes 1.33+ marks the \`v1 Endpoints\` API deprecated in favour
  of EndpointSlices; in 1.32 (this cluster) it is the normal API, and kube-proxy reads the
  EndpointSlices mirrored from it.
`

export const clusteripEndpoints: Lab = {
  id: 'clusterip-endpoints',
  title: 'ClusterIP with hand-written Endpoints',
  summary:
    "Put the notes' my-service in front of three pods with your own Endpoints, watch it load-balance, then go stale.",
  estimatedMinutes: 20,
  instructions,
  explanation,
  setup: (seed, now) => startCluster(seed, now, { manifests: [NGINX_1_1, ACCESS_POD] }),
  tasks,
}
