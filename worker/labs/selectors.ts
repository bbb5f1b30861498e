// Lab `selectors`: the notes' two "blue" Deployments behind my-blue-service; the selector finds
// the pods of both, and scaling or deleting pods moves the endpoints without touching the Service.

import {
  answeredVia,
  countMentioned,
  endpointIPs,
  findPod,
  fromPod,
  isStalePodIP,
  memAdd,
  memList,
  memoryForThisCluster,
  observing,
  podIP,
  readyPodsWith,
  requestsOf,
  service,
} from './checks'
import { CLIENT_POD } from './lab-manifests'
import { MY_BLUE_SERVICE, NGINX_3, NGINX_4 } from './notes'
import { startCluster } from './setup'
import type { CheckContext, Lab } from './types'

const BLUE = { color: 'blue' }
const MAGICAL = 'anshuldevops/magicalnginx:latest'

function imageOf(
  ctx: CheckContext,
  ref: { namespace?: string; name: string } | undefined,
): string | undefined {
  return findPod(ctx.state, ref)?.spec.containers[0]?.image
}

/** The selector is still the notes' one: the learner let the Service find its pods itself. */
function selectorUntouched(ctx: CheckContext): boolean {
  const sel = service(ctx.state, 'my-blue-service')?.spec.selector ?? {}
  return Object.keys(sel).length === 1 && sel.color === 'blue'
}

/** Endpoints my-blue-service list exactly the ready blue pods (the endpoints controller's work). */
function endpointsFollowPods(ctx: CheckContext): string[] | undefined {
  const want = readyPodsWith(ctx.state, 'default', BLUE)
    .map(podIP)
    .filter((ip): ip is string => !!ip)
  const have = endpointIPs(ctx.state, 'my-blue-service')
  const same = want.length === have.length && want.every((ip) => have.includes(ip))
  return same && selectorUntouched(ctx) ? have : undefined
}

/**
 * The learner looked at the Service's endpoints (get endpoints/endpointslices, describe service):
 * the output names the Service and shows its addresses (kubectl prints at most 3).
 */
function showsEndpoints(ctx: CheckContext, ips: string[]): boolean {
  if (ips.length === 0 || !ctx.last.stdout.includes('my-blue-service')) return false
  return countMentioned(ctx.last, ips) >= Math.min(3, ips.length)
}

function observe(ctx: CheckContext): void {
  memoryForThisCluster(ctx, ['blue.ips', 'blue.images'])
  memAdd(ctx.memory, 'blue.ips', ...endpointIPs(ctx.state, 'my-blue-service'))
  for (const r of requestsOf(ctx.last)) {
    if (!fromPod(r) || !answeredVia(r, 'my-blue-service')) continue
    const image = imageOf(ctx, r.pod)
    if (image) memAdd(ctx.memory, 'blue.images', image)
  }
}

const tasks = observing(observe, [
  {
    id: 'blue-endpoints',
    title: 'See my-blue-service pick up the pods of both Deployments',
    hints: [
      'Apply the three YAML blocks of step 1 (both Deployments and the Service), then kubectl get endpoints my-blue-service.',
      'Both Deployments label their pods color: blue, and the Service selects color: blue: no Endpoints to write.',
      'Wait for the pods to be Running: only ready pods become endpoints.',
    ],
    check: (ctx) => {
      const ips = endpointsFollowPods(ctx)
      if (!ips || ips.length < 2) return false
      const images = new Set(
        readyPodsWith(ctx.state, 'default', BLUE).map((p) => p.spec.containers[0]?.image),
      )
      return images.has('nginx:1.19') && images.has(MAGICAL) && showsEndpoints(ctx, ips)
    },
  },
  {
    id: 'both-answer',
    title: 'Get answers from both images through my-blue-service',
    hints: [
      'kubectl exec client -- curl -s my-blue-service:8080, several times: nginx:1.19 answers "Welcome to nginx!", magicalnginx names its pod.',
      'Each connection picks an endpoint at random: use the loop in step 2.',
    ],
    check: (ctx) => {
      const seen = memList(ctx.memory, 'blue.images')
      return seen.includes('nginx:1.19') && seen.includes(MAGICAL)
    },
  },
  {
    id: 'scale-follows',
    title: 'Scale a blue Deployment and see the new pods join the endpoints',
    hints: [
      'kubectl scale deployment nginx-deployment-3 --replicas=3, wait until the pods are Running, then kubectl get endpoints my-blue-service.',
      'Do not edit the Service or write Endpoints: the point is that the selector finds the new pods by itself.',
    ],
    check: (ctx) => {
      const ips = endpointsFollowPods(ctx)
      return !!ips && ips.length >= 3 && showsEndpoints(ctx, ips)
    },
  },
  {
    id: 'delete-follows',
    title: 'Delete a blue pod and see its replacement take its place in the endpoints',
    hints: [
      'kubectl delete pod <one of the blue pods>; the Deployment replaces it with a new pod and a new IP.',
      'Then kubectl get endpoints my-blue-service (or kubectl describe service my-blue-service): the old IP is gone, the new one is there.',
    ],
    check: (ctx) => {
      const ips = endpointsFollowPods(ctx)
      if (!ips || !showsEndpoints(ctx, ips)) return false
      return memList(ctx.memory, 'blue.ips').some(
        (ip) => !ips.includes(ip) && isStalePodIP(ctx.state, ip),
      )
    },
  },
])

const instructions = `# Dynamic endpoints with selectors

In the \`clusterip-endpoints\` lab you wrote Endpoints by hand and watched them go stale. The notes'
answer: give the Service a **selector**, and Kubernetes keeps its endpoints up to date. A pod
\`client\` (\`curlimages/curl\`) is running to ask from inside.

## 1. Two Deployments, one color

The notes' two Deployments run different images, but both label their pods \`color: blue\`:

\`\`\`yaml
${NGINX_3}\`\`\`

\`\`\`yaml
${NGINX_4}\`\`\`

And a Service selecting \`color: blue\`:

\`\`\`yaml
${MY_BLUE_SERVICE}\`\`\`

\`\`\`sh
kubectl get pods -o wide --show-labels
kubectl get endpoints my-blue-service
\`\`\`

You wrote no Endpoints, yet \`my-blue-service\` lists both pods: the endpoints controller found them
by their label.

## 2. Both answer

\`\`\`sh
for i in 1 2 3 4 5 6; do kubectl exec client -- curl -s my-blue-service:8080 | grep -i -e served -e welcome; done
\`\`\`

\`nginx:1.19\` answers with *Welcome to nginx!*, magicalnginx with the name of its pod. One Service,
two Deployments: a selector is about labels, not about which Deployment made a pod. kube-proxy
picks an endpoint at random for every connection, so now and then six tries all land on one pod:
if only one kind of answer shows, run the loop again.

## 3. Scale

\`\`\`sh
kubectl scale deployment nginx-deployment-3 --replicas=3
kubectl get pods -l color=blue -o wide
kubectl get endpoints my-blue-service
\`\`\`

As soon as the new pods are Ready they are endpoints (\`kubectl get endpoints\` shows three and
\`+ 1 more...\`; \`kubectl describe service my-blue-service\` too). You did not touch the Service.

## 4. Replace a pod

Delete one of the blue pods (this line picks the first of the list), then look again:

\`\`\`sh
kubectl delete pod $(kubectl get pods -l color=blue -o jsonpath='{.items[0].metadata.name}')
kubectl get pods -l color=blue -o wide
kubectl get endpoints my-blue-service -o yaml
\`\`\`

(\`kubectl get endpoints\` prints three addresses and \`+ N more...\`; \`-o yaml\` lists them
all.) The old IP left the endpoints, the replacement's new IP joined them. No stale endpoint,
nothing to fix.
`

const explanation = `## What you learned

- A Service with a **selector** does not need hand-written Endpoints: the endpoints controller
  lists every **ready** pod whose labels match, in the Service's namespace.
- The selector matches **labels**, not Deployments: \`nginx-deployment-3\` and \`nginx-deployment-4\`
  both served \`my-blue-service\` because their pods carry \`color: blue\` (the Deployments' own
  \`app: nginx-3\` / \`app: nginx-4\` labels play no part).
- Scaling up added endpoints, and a deleted pod's IP was replaced by its successor's, all without
  touching the Service — as the notes put it, "if we are increasing the replicas of the pods, still
  service picks pod's ip address automatically". That is why in practice almost every Service has
  a selector.
- A pod that is not Ready is left out (it appears under \`notReadyAddresses\`), so a Service only
  sends traffic to pods that can take it.
`

export const selectors: Lab = {
  id: 'selectors',
  title: 'Dynamic endpoints with selectors',
  summary:
    'Let my-blue-service find the pods of two Deployments by label, and follow scaling and pod replacement by itself.',
  estimatedMinutes: 15,
  instructions,
  explanation,
  setup: (seed, now) => startCluster(seed, now, { manifests: [CLIENT_POD] }),
  tasks,
}
