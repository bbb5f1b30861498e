// Lab `ingress`: the notes' advice made concrete — one LoadBalancer (ingress-nginx's) in front of
// several ClusterIP Services, routed by Host and by path, with the controller's own 404 and 503,
// and the classic slip of an Ingress without ingressClassName.

import { memList, observing } from './checks'
import {
  controllerAnswered,
  controllerLB,
  observeIngress,
  routedFromOutside,
  routesSeen,
  twoHostsTwoServices,
  twoPathsOneHost,
} from './ingress-checks'
import { INGRESS_LAB_APPS } from './ingress-manifests'
import { INGRESS_EXPLANATION, INGRESS_INSTRUCTIONS } from './ingress-text'
import { startCluster } from './setup'
import type { Lab } from './types'

const HOST_HEADER_HINT =
  "curl http://<LB IP>/ sends Host: <LB IP>, which no rule names: the controller answers its own 404. Add the host: curl -H 'Host: blue.example' http://<LB IP>/."
const CLUSTERIP_HINT =
  "Use the controller's EXTERNAL-IP (kubectl get svc -n ingress-nginx). The ClusterIPs of blue and magic exist only inside the cluster, and names like blue.example have no DNS on your workstation."

const tasks = observing(observeIngress, [
  {
    id: 'see-lb',
    title: "Find the ingress controller's one LoadBalancer Service and its EXTERNAL-IP",
    hints: [
      'kubectl get svc -n ingress-nginx lists the controller Service: TYPE LoadBalancer, an EXTERNAL-IP from 172.18.255.200 up.',
      'kubectl get svc -A shows every Service: yours are ClusterIP, only the controller has an external IP.',
    ],
    check: (ctx) => {
      const ip = controllerLB(ctx.state)
      const out = ctx.last.stdout
      return !!ip && out.includes('ingress-nginx-controller') && out.includes(ip)
    },
  },
  {
    id: 'two-hosts',
    title: 'Reach two Services through the same IP, chosen by the Host header',
    hints: [
      'Apply the Ingress hosts of step 2, then curl the LB IP twice with different Host headers.',
      HOST_HEADER_HINT,
      'The backend port is the Service port: blue listens on 8080 (its pods on 80). A port that is neither the Service port nor its targetPort gives 503.',
      CLUSTERIP_HINT,
    ],
    check: (ctx) => twoHostsTwoServices(routesSeen(ctx.memory)),
  },
  {
    id: 'see-404',
    title: "See the controller's own 404 for a host no rule names",
    hints: [
      "curl -i -H 'Host: shop.example' http://<LB IP>/ — no Server: header, and the page says only nginx: that is ingress-nginx's default server, not an application.",
      HOST_HEADER_HINT,
    ],
    check: (ctx) =>
      controllerAnswered(ctx, ['ingress-unknown-host', 'ingress-no-host-header', 'ingress-none']),
  },
  {
    id: 'no-class',
    title: 'Find why Ingress apps is ignored, fix it, and reach it',
    hints: [
      'kubectl get ingress: CLASS <none> and an ADDRESS that never fills. kubectl describe ingress apps: no events either.',
      'This controller serves only Ingresses of class nginx (kubectl get ingressclass; none is the default). Add ingressClassName: nginx under spec and apply again.',
      HOST_HEADER_HINT,
    ],
    check: (ctx) => {
      const ignored = memList(ctx.memory, 'ingress.ignored')
      return routedFromOutside(ctx).some((r) => ignored.includes(r.ingress))
    },
  },
  {
    id: 'by-path',
    title: 'Reach two Services through two paths of one host',
    hints: [
      "With Ingress apps served: curl -H 'Host: apps.example' http://<LB IP>/hostname reaches echo, and / reaches blue.",
      'pathType Prefix /hostname matches /hostname and /hostname/..., not /hostnames; Exact matches the path only. An Exact / does not cover /index.html.',
    ],
    check: (ctx) => twoPathsOneHost(routesSeen(ctx.memory)),
  },
  {
    id: 'see-503',
    title: 'See the 503 when a backend Service has no ready pods',
    hints: [
      'kubectl scale deployment magic --replicas=0, then curl magic.example through the LB IP again.',
      'The rule still matches, but the upstream has no endpoint: ingress-nginx answers 503 itself. Scale back to 2 afterwards.',
    ],
    check: (ctx) => controllerAnswered(ctx, ['ingress-no-endpoints']),
  },
])

export const ingress: Lab = {
  id: 'ingress',
  title: 'One load balancer, many Services',
  summary:
    'Put one ingress-nginx LoadBalancer in front of several ClusterIP Services and route by host and path.',
  estimatedMinutes: 25,
  instructions: INGRESS_INSTRUCTIONS,
  explanation: INGRESS_EXPLANATION,
  setup: (seed, now) =>
    startCluster(seed, now, { manifests: INGRESS_LAB_APPS, ingressNginx: true }),
  tasks,
}
