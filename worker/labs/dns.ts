// Lab `dns`: Service names as cluster DNS answers them — short name only in the same namespace,
// `name.namespace` and the FQDN from anywhere, a headless Service answering pod IPs, and the
// Service environment variables the kubelet injects.

import {
  answeredVia,
  countMentioned,
  fromPod,
  podIP,
  readyPodsWith,
  requestsOf,
  service,
  type SeenRequest,
} from './checks'
import { CLIENT_POD } from './lab-manifests'
import { startCluster } from './setup'
import type { CheckContext, Lab } from './types'

export const BACKEND_NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  name: backend
`

export const API_SERVICES = `apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: backend
spec:
  selector:
    app: api
  ports:
  - port: 80
    targetPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: api-headless
  namespace: backend
spec:
  clusterIP: None
  selector:
    app: api
  ports:
  - port: 80
    targetPort: 80
`

export const API_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: backend
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
`

const norm = (host: string) => host.replace(/\.$/, '')

function apiAnswered(r: SeenRequest, host: string): boolean {
  return norm(r.host) === host && answeredVia(r, 'api', 'backend')
}

function headlessIPs(ctx: CheckContext): string[] {
  return readyPodsWith(ctx.state, 'backend', { app: 'api' })
    .map(podIP)
    .filter((ip): ip is string => !!ip)
}

const tasks = [
  {
    id: 'short-name-fails',
    title: 'See the short name api fail from client (namespace default)',
    hints: [
      'kubectl exec client -- curl -s api: curl exits with code 6, "Could not resolve host".',
      "client runs in namespace default; a short name is looked up in the asking pod's own namespace first.",
    ],
    check: (ctx: CheckContext) =>
      requestsOf(ctx.last).some(
        (r) => fromPod(r, 'default') && norm(r.host) === 'api' && r.outcome === 'nxdomain',
      ),
  },
  {
    id: 'name-namespace',
    title: 'Reach api as api.backend from client',
    hints: ['Add the namespace to the name: kubectl exec client -- curl -s api.backend'],
    check: (ctx: CheckContext) =>
      requestsOf(ctx.last).some((r) => fromPod(r, 'default') && apiAnswered(r, 'api.backend')),
  },
  {
    id: 'fqdn',
    title: 'Reach api by its fully qualified name from client',
    hints: [
      'The full name is <service>.<namespace>.svc.cluster.local: api.backend.svc.cluster.local',
      "cluster.local is this cluster's domain (the kubelet's clusterDomain).",
    ],
    check: (ctx: CheckContext) =>
      requestsOf(ctx.last).some(
        (r) => fromPod(r, 'default') && apiAnswered(r, 'api.backend.svc.cluster.local'),
      ),
  },
  {
    id: 'same-namespace',
    title: 'Reach api by its short name from a pod in namespace backend',
    hints: [
      'Ask from a pod of the api Deployment itself: kubectl exec -n backend deploy/api -- curl -s api (the nginx image has curl).',
      'Without -n backend, kubectl looks for the pod in namespace default.',
    ],
    check: (ctx: CheckContext) =>
      requestsOf(ctx.last).some((r) => fromPod(r, 'backend') && apiAnswered(r, 'api')),
  },
  {
    id: 'headless',
    title: 'Look up the headless Service api-headless and get both pod IPs',
    hints: [
      'kubectl exec client -- nslookup api-headless.backend.svc.cluster.local',
      'BusyBox nslookup does not apply the search list to a name with a dot in it: give it the full name.',
      'Compare with the normal Service: nslookup api.backend.svc.cluster.local answers one ClusterIP.',
    ],
    check: (ctx: CheckContext) => {
      const ips = headlessIPs(ctx)
      const traced = requestsOf(ctx.last).some(
        (r) => fromPod(r) && r.host.startsWith('api-headless') && r.outcome !== 'nxdomain',
      )
      const asked =
        traced || (/\bexec\b.*\bapi-headless\b/.test(ctx.last.command) && ctx.last.exitCode === 0)
      return ips.length >= 2 && asked && countMentioned(ctx.last, ips) === ips.length
    },
  },
  {
    id: 'env-vars',
    title: 'Find API_SERVICE_HOST in the environment of a pod in namespace backend',
    hints: [
      'kubectl exec -n backend deploy/api -- env lists the variables; pipe it into grep API_ to shorten it.',
      "client (in default) has no API_ variables: the kubelet only injects Services of the pod's own namespace, and only those that existed when the pod started.",
    ],
    check: (ctx: CheckContext) => {
      const ip = service(ctx.state, 'api', 'backend')?.spec.clusterIP
      return !!ip && ctx.last.stdout.includes(`API_SERVICE_HOST=${ip}`)
    },
  },
]

const instructions = `# Service names and DNS

Every Service gets a DNS name from the cluster DNS (CoreDNS at \`10.96.0.10\`). This cluster runs,
in namespace \`backend\`, a Deployment \`api\` (two nginx pods), a Service \`api\` and a headless
Service \`api-headless\`; and in namespace \`default\` a pod \`client\` (\`curlimages/curl\`):

\`\`\`yaml
${API_SERVICES}\`\`\`

\`\`\`sh
kubectl get pods,services -n backend -o wide
kubectl exec client -- cat /etc/resolv.conf
\`\`\`

\`resolv.conf\` shows the search list of a pod in \`default\`:
\`default.svc.cluster.local svc.cluster.local cluster.local\`.

## 1. Short name, other namespace

\`\`\`sh
kubectl exec client -- curl -s api
\`\`\`

\`command terminated with exit code 6\`: curl's code for *Could not resolve host* (\`-s\` hides
curl's own message; add \`-S\` to see it). The short name was tried as
\`api.default.svc.cluster.local\` (and the other suffixes), and there is no \`api\` in \`default\`.

## 2. Add the namespace

\`\`\`sh
kubectl exec client -- curl -s api.backend
kubectl exec client -- curl -s api.backend.svc.cluster.local
\`\`\`

\`api.backend\` + the search suffix \`svc.cluster.local\` gives the full name; the fully qualified name
works from any pod in any namespace.

## 3. Short name, same namespace

From a pod in \`backend\` the short name works (the nginx image has curl):

\`\`\`sh
kubectl exec -n backend deploy/api -- curl -s api
\`\`\`

## 4. A headless Service

\`api-headless\` has \`clusterIP: None\`: no virtual IP, no kube-proxy. DNS answers with the IPs of its
ready pods instead:

\`\`\`sh
kubectl exec client -- nslookup api.backend.svc.cluster.local
kubectl exec client -- nslookup api-headless.backend.svc.cluster.local
kubectl get pods -n backend -o wide
\`\`\`

(BusyBox \`nslookup\` does not apply the search list to names containing a dot, so give it the full
name; curl, which uses the system resolver, does.) Clients of a headless Service pick a pod
themselves, and must use the pods' port: there is no port translation.

## 5. Service environment variables

When a container starts, the kubelet adds variables for every Service **of its namespace** that
already exists:

\`\`\`sh
kubectl exec -n backend deploy/api -- env
kubectl exec client -- env
\`\`\`

The api pods see \`API_SERVICE_HOST\` and \`API_SERVICE_PORT\`; \`client\` in \`default\` sees only
\`KUBERNETES_SERVICE_HOST\`. Variables never change after the container starts, so a Service created
later does not appear until the pod is recreated: DNS is the dependable way to find a Service.
`

const explanation = `## What you learned

- A Service is reachable by name: \`<service>\` from its own namespace, \`<service>.<namespace>\` and
  \`<service>.<namespace>.svc.cluster.local\` from anywhere. The short name failed from \`default\`
  because the search list starts with the **asking pod's** namespace.
- This is the "single DNS name" the notes promise: the name stays the same while the pods behind it
  come and go.
- A **headless** Service (\`clusterIP: None\`) answers DNS with the ready pods' own IPs instead of one
  virtual IP; kube-proxy is not involved.
- The kubelet also injects \`<SERVICE>_SERVICE_HOST\`/\`_PORT\` variables, but only for Services of the
  pod's namespace that existed when it started — DNS has neither limit.
`

export const dns: Lab = {
  id: 'dns',
  title: 'Service names and DNS',
  summary:
    'Reach a Service by short name, name.namespace and FQDN, meet a headless Service, and its environment variables.',
  estimatedMinutes: 15,
  instructions,
  explanation,
  setup: (seed, now) =>
    startCluster(seed, now, {
      manifests: [BACKEND_NAMESPACE, API_SERVICES, API_DEPLOYMENT, CLIENT_POD],
    }),
  tasks,
}
