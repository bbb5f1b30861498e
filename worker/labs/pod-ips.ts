// Lab `pod-ips`: every pod has its own IP, reachable only inside the cluster, and a recreated pod
// gets a new one, so the old address stops answering (a timeout, not the notes' "404").

import {
  countMentioned,
  findPod,
  fromPod,
  fromWorkstation,
  isIPv4,
  isStalePodIP,
  memAdd,
  memList,
  memoryForThisCluster,
  memString,
  observing,
  podByIP,
  podIP,
  podsWith,
  requestsOf,
  type SeenRequest,
} from './checks'
import { ACCESS_POD, NGINX_1_0 } from './notes'
import { startCluster } from './setup'
import type { CheckContext, Lab } from './types'

const APP = { app: 'nginx-1.0' }
const POD_IP_CMD = `$(kubectl get pods -l app=nginx-1.0 -o jsonpath='{.items[0].status.podIP}')`

/** True when the request went straight to an nginx-1.0 pod's IP (no Service) and it answered. */
function reachedNginxDirectly(ctx: CheckContext, r: SeenRequest): boolean {
  if (r.outcome !== 'answered' || !isIPv4(r.host) || r.services.length > 0) return false
  return findPod(ctx.state, r.pod)?.metadata.labels?.app === 'nginx-1.0'
}

/** Notes the first nginx-1.0 IP the learner saw or reached, and every one reached from a pod. */
function observe(ctx: CheckContext): void {
  memoryForThisCluster(ctx, ['ip.first', 'ip.reached'])
  for (const r of requestsOf(ctx.last)) {
    if (!fromPod(r) || !reachedNginxDirectly(ctx, r)) continue
    if (!memString(ctx.memory, 'ip.first')) ctx.memory['ip.first'] = r.host
    memAdd(ctx.memory, 'ip.reached', r.host)
  }
  if (memString(ctx.memory, 'ip.first')) return
  const seen = podsWith(ctx.state, 'default', APP)
    .map(podIP)
    .filter((ip): ip is string => ip !== undefined)
    .find((ip) => countMentioned(ctx.last, [ip]) > 0)
  if (seen) ctx.memory['ip.first'] = seen
}

function oldIPs(ctx: CheckContext): string[] {
  const first = memString(ctx.memory, 'ip.first')
  return [...(first ? [first] : []), ...memList(ctx.memory, 'ip.reached')]
}

const tasks = observing(observe, [
  {
    id: 'find-pod-ip',
    title: 'Find the IP address of the nginx pod',
    hints: [
      'kubectl get pods shows no IPs: add -o wide to get the IP and NODE columns.',
      'The pod belongs to the Deployment nginx-deployment-1.0; its name starts with nginx-deployment-1.0-.',
    ],
    check: (ctx) =>
      podsWith(ctx.state, 'default', APP).some((p) => {
        const ip = podIP(p)
        return ip !== undefined && countMentioned(ctx.last, [ip]) > 0
      }),
  },
  {
    id: 'outside-fails',
    title: 'Try the pod IP from your workstation and see it fail',
    hints: [
      'The terminal runs on your workstation, outside the cluster: a plain curl <pod IP> is what this task wants.',
      'Add --connect-timeout 5 so curl gives up after 5 seconds instead of about two minutes.',
      'Running curl inside a pod (kubectl exec) is the next task; here the point is that the outside cannot reach a pod IP.',
    ],
    check: (ctx) =>
      requestsOf(ctx.last).some(
        (r) =>
          fromWorkstation(r) &&
          isIPv4(r.host) &&
          r.outcome !== 'answered' &&
          podByIP(ctx.state, r.host) !== undefined,
      ),
  },
  {
    id: 'inside-works',
    title: 'Reach the nginx pod by its IP from another pod',
    hints: [
      'Create access-pod from the notes (the YAML in step 3) and wait until kubectl get pods shows it Running.',
      'ubuntu:latest has no curl: "executable file not found in $PATH" means you must install it first with apt-get update, then apt-get install -y curl, inside the pod.',
      'kubectl exec access-pod -- curl -s <pod IP> runs curl inside access-pod; without kubectl exec, curl runs on your workstation.',
    ],
    check: (ctx) => requestsOf(ctx.last).some((r) => fromPod(r) && reachedNginxDirectly(ctx, r)),
  },
  {
    id: 'new-ip',
    title: 'Delete the pod and find the new IP of its replacement',
    hints: [
      'kubectl delete pod <name> (or kubectl delete pod -l app=nginx-1.0) removes it; the Deployment creates a new pod at once.',
      'Then kubectl get pods -o wide again: the new pod has a new name and a new IP. Wait until it is Running.',
    ],
    check: (ctx) => {
      const first = memString(ctx.memory, 'ip.first')
      if (!first || !isStalePodIP(ctx.state, first)) return false
      const fresh = podsWith(ctx.state, 'default', APP)
        .filter((p) => !p.metadata.deletionTimestamp)
        .map(podIP)
        .filter((ip): ip is string => !!ip && ip !== first)
      return fresh.length > 0 && countMentioned(ctx.last, fresh) > 0
    },
  },
  {
    id: 'old-ip-times-out',
    title: 'Curl the old IP from access-pod and watch it time out',
    hints: [
      'Use the IP you found first (before deleting the pod), from inside access-pod: kubectl exec access-pod -- curl --connect-timeout 5 <old IP>.',
      'From your workstation every pod IP fails, old or new, so that proves nothing: ask from inside the cluster.',
      'Nothing answers at the old address any more, so curl waits and gives up (exit code 28).',
    ],
    check: (ctx) => {
      const old = new Set([...oldIPs(ctx), ...ctx.state.runtime.releasedPodIPs])
      return requestsOf(ctx.last).some(
        (r) =>
          fromPod(r) &&
          old.has(r.host) &&
          isStalePodIP(ctx.state, r.host) &&
          r.outcome === 'timeout',
      )
    },
  },
  {
    id: 'new-ip-works',
    title: 'Reach the replacement pod at its new IP from access-pod',
    hints: [
      'kubectl get pods -o wide shows the new IP; curl it from access-pod as you did the old one.',
      'access-pod runs sleep 3600: after an hour its container restarts and the curl you installed is gone (a new container starts from the image). Install it again.',
    ],
    check: (ctx) => {
      const first = memString(ctx.memory, 'ip.first')
      if (!first || !isStalePodIP(ctx.state, first)) return false
      return requestsOf(ctx.last).some(
        (r) => fromPod(r) && r.host !== first && reachedNginxDirectly(ctx, r),
      )
    },
  },
])

const instructions = `# Every pod has its own IP

The notes start here: *in Kubernetes every pod has its own IP address* (containers inside one pod
share it and talk over \`localhost\`). A frontend could call a backend pod by that IP — until the pod
is recreated. Your cluster already runs the notes' \`nginx-deployment-1.0\` (one \`nginx:1.19\` pod):

\`\`\`yaml
${NGINX_1_0}\`\`\`

## 1. Find the pod's IP

\`\`\`sh
kubectl get pods -o wide
\`\`\`

The \`IP\` column is the pod's address in the pod network (\`10.244.x.y\`). Note it down.

## 2. Try it from your workstation

This terminal is your workstation, **outside** the cluster. Ask the pod directly:

\`\`\`sh
curl --connect-timeout 5 ${POD_IP_CMD}
\`\`\`

(\`$(...)\` fills in the pod's IP; typing the IP yourself works just as well.) Nothing answers: the pod
network exists only inside the cluster, so the packets go nowhere and curl gives up after 5 seconds.

## 3. Reach it from inside the cluster

As the notes say, to reach a pod you go into another pod. Apply the notes' \`access-pod\`:

\`\`\`yaml
${ACCESS_POD}\`\`\`

\`ubuntu:latest\` ships without curl, so install it inside the pod first (this takes a moment, as it
would on a real cluster), then curl the nginx pod from there:

\`\`\`sh
kubectl get pods
kubectl exec access-pod -- curl -s ${POD_IP_CMD}
kubectl exec access-pod -- apt-get update
kubectl exec access-pod -- apt-get install -y curl
kubectl exec access-pod -- curl -s ${POD_IP_CMD}
\`\`\`

The first \`curl\` fails with \`executable file not found in $PATH\`: that is the missing curl, not
the network. After the install you get nginx's welcome page.

## 4. Recreate the pod

\`\`\`sh
kubectl delete pod -l app=nginx-1.0
kubectl get pods -o wide
\`\`\`

The Deployment replaces the pod at once: new name, **new IP**.

## 5. Ask the old address

From access-pod, curl the IP you noted in step 1, e.g.
\`kubectl exec access-pod -- curl --connect-timeout 5 10.244.1.5\` (with your old IP). Then curl the
new one:

\`\`\`sh
kubectl exec access-pod -- curl -s ${POD_IP_CMD}
\`\`\`

**The notes say a stale IP gives "a 404 error". It does not:** a 404 would need a web server to
answer, and nobody has that address any more. The connection attempt simply goes unanswered and curl
times out (\`curl: (28) ...\`, exit code 28). Without \`--connect-timeout\` it waits about two minutes.

*Simplification:* this cluster never hands a released pod IP to a new pod during a lab. A real
cluster may, after a while, give it to an unrelated pod — then the stale address answers, from the
wrong pod, which is worse.
`

const explanation = `## What you learned

- Every pod gets its own IP from its node's pod range (\`10.244.x.0/24\` here). It is reachable from
  other pods and nodes, **not** from outside the cluster: from your workstation it timed out.
- To reach a pod from outside you went *into* another pod (\`kubectl exec access-pod -- curl ...\`),
  exactly as the notes describe. \`ubuntu:latest\` has no curl until you install it.
- A pod is not repaired, it is **replaced**: the Deployment made a new pod with a new IP. The old IP
  did not answer with the notes' "404" — nothing answered at all, and curl timed out.
- So a frontend configured with a backend pod's IP breaks whenever that pod is recreated, and with
  several replicas (or autoscaling) there is no single IP to configure. That is the problem a
  **Service** solves: one stable IP and DNS name in front of changing pods — the next labs.
`

export const podIps: Lab = {
  id: 'pod-ips',
  title: 'Every pod has its own IP',
  summary:
    'Reach a pod by its IP from inside the cluster, fail from outside, and see a recreated pod lose its old IP.',
  estimatedMinutes: 15,
  instructions,
  explanation,
  setup: (seed, now) => startCluster(seed, now, { manifests: [NGINX_1_0] }),
  tasks,
}
