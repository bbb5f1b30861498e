// Lab `debug-service`: a challenge. The Service `web` does not work, for a reason drawn per learner
// (see debug-variants.ts); the learner makes `kubectl exec client -- curl -s web` answer.

import { findPod, fromPod, requestsOf, type SeenRequest } from './checks'
import {
  DEBUG_VARIANTS,
  debugVariantFor,
  VARIANT_FLAG,
  variantManifests,
  type DebugVariant,
} from './debug-variants'
import { CLIENT_POD } from './lab-manifests'
import { startCluster } from './setup'
import type { ClusterState } from '../sim/state'
import type { CheckContext, Lab } from './types'

const WEB_NAMES = new Set([
  'web',
  'web.default',
  'web.default.svc',
  'web.default.svc.cluster.local',
])

function asksWeb(r: SeenRequest): boolean {
  return (
    r.kind === 'http' &&
    fromPod(r, 'default', 'client') &&
    WEB_NAMES.has(r.host.replace(/\.$/, '')) &&
    r.port === 80
  )
}

/** Answered by one of Deployment web's pods (owned by a ReplicaSet named web-<hash>). */
function answeredByWeb(ctx: CheckContext, r: SeenRequest): boolean {
  if (r.outcome !== 'answered') return false
  const pod = findPod(ctx.state, r.pod)
  if (!pod || (pod.metadata.namespace ?? 'default') !== 'default') return false
  return (pod.metadata.ownerReferences ?? []).some(
    (o) => o.kind === 'ReplicaSet' && /^web-[a-z0-9]+$/.test(o.name),
  )
}

const tasks = [
  {
    id: 'reproduce',
    title: 'Reproduce the failure: curl web from client',
    hints: [
      'Run the goal command exactly: kubectl exec client -- curl -s web',
      "curl -s hides the error message: the exit code tells what happened (6: name not resolved, 7: connection refused, 28: timeout). Drop -s to read curl's own words.",
    ],
    check: (ctx: CheckContext) =>
      requestsOf(ctx.last).some((r) => asksWeb(r) && r.outcome !== 'answered'),
  },
  {
    id: 'fixed',
    title: 'Make kubectl exec client -- curl -s web answer',
    hints: [
      "kubectl get endpoints web: an empty ENDPOINTS column means no ready pod is selected. Compare the Service selector (kubectl describe service web) with the pods' labels (kubectl get pods --show-labels).",
      'Endpoints present but the connection is refused? Then the pods do not listen on the targetPort: compare TargetPort with the containerPort in kubectl get deployment web -o yaml.',
      'A named targetPort must match the name of a containerPort in the pod template, letter for letter.',
      'Pods not Ready (ErrImagePull, ImagePullBackOff)? kubectl describe pod shows the image it cannot pull; kubectl set image deployment/web <container>=<correct image> fixes the template.',
      "curl: (6) Could not resolve host: web — there is no Service web in the client's namespace. kubectl get services -A shows where it is; a Service only selects pods of its own namespace.",
    ],
    check: (ctx: CheckContext) =>
      requestsOf(ctx.last).some((r) => asksWeb(r) && answeredByWeb(ctx, r)),
  },
]

const instructions = `# Debug a broken Service

A challenge. Your cluster runs a Deployment \`web\` (two nginx pods), a Service \`web\`, and a pod
\`client\` (\`curlimages/curl\`). Someone reports that the Service does not work:

\`\`\`sh
kubectl exec client -- curl -s web
\`\`\`

**Goal:** make that exact command print nginx's welcome page. The fault was drawn for you from a
handful of classic mistakes, so your neighbour's cluster may be broken differently.

## A checklist that finds most Service faults

Walk the path of a request, from the name to the container:

\`\`\`sh
kubectl get services -A
kubectl describe service web
kubectl get endpoints web
kubectl get pods -o wide --show-labels
kubectl get deployment web -o yaml
kubectl get events
\`\`\`

1. **Does the name resolve?** \`curl: (6) Could not resolve host\` means there is no Service of that
   name in the client's namespace.
2. **Does the Service have endpoints?** An empty \`ENDPOINTS\` means its selector matches no ready
   pod in its namespace: a label that differs, pods that are not Ready, or a named \`targetPort\`
   that no container port carries.
3. **Do the endpoints listen?** Endpoints on a port where the container listens on nothing: the pod
   refuses the connection (\`curl: (7)\`).
4. **Are the pods running the right thing?** \`kubectl describe pod\` shows image pull errors and
   probe failures.

Fix what you find with \`kubectl apply\` (copy \`kubectl get service web -o yaml\` into the editor,
correct it, apply it), \`kubectl set image\`, \`kubectl expose\` or \`kubectl delete\` — whatever a
real fix would be. Then run the goal command again.
`

const explanation = `## What you learned

A Service works only when every link of the chain holds, and each broken link has its own symptom:

- **name → Service**: DNS answers a short name only for a Service in the client's own namespace
  (\`web\` in \`default\`); elsewhere curl says *Could not resolve host* (exit 6).
- **Service → pods**: the selector must equal the pods' labels, in the Service's namespace, and the
  pods must be Ready. Otherwise the Service has no endpoints and kube-proxy **refuses** the
  connection (exit 7) — \`kubectl get endpoints\` shows it at a glance.
- **targetPort → container**: a number is used as is, even if nothing listens there (refused);
  a name must match a \`containerPort\` name, or the pod is left out of the endpoints.
- **the container itself**: an image that cannot be pulled never becomes Ready, so it never becomes
  an endpoint.

The course notes' Services (\`my-service\`, \`my-blue-service\`) work because these links hold:
selector = labels, targetPort = the container's port, same namespace.
`

export const debugService: Lab = {
  id: 'debug-service',
  title: 'Debug a broken Service',
  summary:
    'A challenge: the Service web does not answer, for a reason drawn just for you. Find it and fix it.',
  estimatedMinutes: 20,
  instructions,
  explanation,
  setup: (seed, now, previous) =>
    setupVariant(keptVariant(previous) ?? debugVariantFor(seed), seed, now),
  tasks,
  hideDiagnoses: true,
}

/** The variant a previous cluster of this learner had: a reset keeps the same fault. */
function keptVariant(previous: ClusterState | undefined): DebugVariant | undefined {
  const v = previous?.runtime.flags[VARIANT_FLAG]
  return DEBUG_VARIANTS.find((d) => d === v)
}

/** The starting cluster of one variant (tests pick variants directly). */
export function setupVariant(variant: DebugVariant, seed: number, now: number): ClusterState {
  return startCluster(seed, now, {
    manifests: [...variantManifests(variant), CLIENT_POD],
    tweak: (s) => {
      s.runtime.flags[VARIANT_FLAG] = variant
    },
  })
}
