// The `ingress` lab's Markdown: steps with the YAML and commands a learner runs, and the closing
// explanation tied to the notes' cost argument.

import { APPS_INGRESS, APPS_INGRESS_NO_CLASS, HOSTS_INGRESS } from './ingress-manifests'

export const LB_IP = `$(kubectl get svc -n ingress-nginx ingress-nginx-controller -o jsonpath='{.status.loadBalancer.ingress[0].ip}')`

export const INGRESS_INSTRUCTIONS = `# One load balancer, many Services

The notes end their LoadBalancer section with: *"It is quite expensive. To avoid more expenses,
create single load balancer service and create multiple ingress and attach the ingress to the load
balancer."* This cluster is set up that way. Three apps run behind **ClusterIP** Services:
\`blue\` (nginx, Service port 8080 → pods' 80), \`magic\` (magicalnginx, 80 → 80) and \`echo\`
(agnhost, 8080). In front of them sits **ingress-nginx** (v1.12, its cloud install): one
Deployment, one **LoadBalancer** Service, and IngressClass \`nginx\`.

## 1. The one load balancer

\`\`\`sh
kubectl get svc -A
kubectl get pods -n ingress-nginx -o wide
kubectl get ingressclass
\`\`\`

Only \`ingress-nginx-controller\` has an \`EXTERNAL-IP\`. Every request for every app will come in
there; the controller pod (an nginx) decides where it goes by the rules of your Ingresses.

## 2. Two hosts, two Services, one IP

\`\`\`yaml
${HOSTS_INGRESS}\`\`\`

\`\`\`sh
kubectl get ingress
curl -s -H 'Host: blue.example' http://${LB_IP}/
curl -s -H 'Host: magic.example' http://${LB_IP}/
\`\`\`

Same IP, same port, two applications: nginx picks the rule by the **Host** header. The names
\`blue.example\` and \`magic.example\` have no DNS here, so curl connects to the IP and names the
host in the header (a browser would send the name it resolved). \`ADDRESS\` stays empty for up to a
minute: the controller writes the load balancer's IP into each Ingress's status every 60 seconds;
routing works before that. Run \`kubectl get ingress\` again later.

The backend names the **Service port** (\`blue: 8080\`), and ingress-nginx sends the request to a
**pod IP** from the Service's endpoints, not to the ClusterIP:

\`\`\`sh
kubectl logs -n ingress-nginx deploy/ingress-nginx-controller
\`\`\`

## 3. A host no rule names

\`\`\`sh
curl -i -H 'Host: shop.example' http://${LB_IP}/
curl -i http://${LB_IP}/
\`\`\`

\`404 Not Found\` with no \`Server:\` header and a page that says just \`nginx\`: the controller's own
default server answered. Without \`-H\`, curl sends \`Host: <the IP>\` — no rule names that either.

## 4. Paths on one host — and an Ingress nothing serves

Many tutorials write an Ingress like this one, for two paths of \`apps.example\`:

\`\`\`yaml
${APPS_INGRESS_NO_CLASS}\`\`\`

\`\`\`sh
curl -i -H 'Host: apps.example' http://${LB_IP}/hostname
kubectl get ingress
kubectl describe ingress apps
\`\`\`

Still the 404, \`CLASS <none>\`, no \`ADDRESS\`, no events. Find out why, then apply the fix:

\`\`\`yaml
${APPS_INGRESS}\`\`\`

\`\`\`sh
curl -s -H 'Host: apps.example' http://${LB_IP}/hostname
curl -s -H 'Host: apps.example' http://${LB_IP}/
\`\`\`

\`/hostname\` goes to \`echo\` (it answers its pod's name), everything else under the \`Prefix /\` rule
to \`blue\`: nginx takes the longest matching prefix, and Prefix matches whole path elements
(\`/hostname/x\` yes, \`/hostnames\` no).

## 5. A backend without pods

\`\`\`sh
kubectl scale deployment magic --replicas=0
curl -i -H 'Host: magic.example' http://${LB_IP}/
kubectl scale deployment magic --replicas=2
\`\`\`

The rule matches, but the Service has no ready endpoint: the controller answers
\`503 Service Temporarily Unavailable\` itself.

*Simplifications:* the load balancer gets its IP at once (kind with a load-balancer controller); a
cloud takes a minute and bills for it. The admission Jobs, RBAC objects and the
ValidatingWebhookConfiguration object of the real install are not in this cluster; the webhook's
checks still apply when you create an Ingress. TLS is answered with the controller's fake
certificate only.
`

export const INGRESS_EXPLANATION = `## What you learned

- **One LoadBalancer, many Services.** Only the controller's Service is type LoadBalancer; blue,
  magic and echo stayed ClusterIP. On a cloud every LoadBalancer Service is a load balancer you pay
  for — this is the notes' advice: *create single load balancer service and create multiple
  ingress and attach the ingress to the load balancer*. A new app costs an Ingress rule, not a load
  balancer.
- **An Ingress is only rules**; the controller (an nginx in a pod) does the work. It picks a rule by
  **Host** (exact, case-insensitive; \`*.x\` covers one label) and **path** (Exact first, then the
  longest Prefix, whole path elements), and proxies to a **pod IP** from the Service's endpoints —
  the backend sees the controller pod as its client.
- **Its own answers:** no matching rule → its **404** (no \`Server:\` header, page footer \`nginx\`);
  a rule whose Service has no ready pod → its **503**. An application's 404 looks different.
- **ingressClassName matters:** this controller serves class \`nginx\` only and no class is the
  default, so an Ingress without \`ingressClassName\` is ignored — no routing, no ADDRESS, no events.
- **ADDRESS** is written by the controller on its next status sync (every 60 s): routing works
  before it shows.
`
