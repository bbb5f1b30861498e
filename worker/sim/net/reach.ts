// Where an IP packet goes from each origin (KUBERNETES-FACTS C7): ClusterIPs and pod IPs only
// inside the cluster, node IPs and LoadBalancer IPs from everywhere, loopback to the origin
// itself (and kubectl port-forward listeners on the workstation). No internet egress.

import { fail, podLabel, type Arrival, type Walk } from './walk'
import { findServicePort, viaClusterIP, portList } from './kube-proxy'
import { viaLoadBalancer, viaNodePort } from './node-ports'
import { findNode, findNodeByIP, findPod } from './view'
import { LB_POOL, POD_CIDR, SERVICE_CIDR, inCidr, isLoopback } from './ip'
import { FAKE_PUBLIC_NET } from './upstream'

/** Sends a TCP connection attempt to ip:port from the walk's origin. */
export function sendTo(w: Walk, ip: string, port: number): Arrival {
  // 0.0.0.0 as a destination means this host on Linux, like 127.0.0.1
  if (isLoopback(ip) || ip === '0.0.0.0') return toLoopback(w, port)
  const svc = w.v.servicesByIP.get(ip)
  if (svc) {
    if (w.origin.kind === 'workstation') return clusterIPFromOutside(w, ip, port)
    return viaClusterIP(w, svc, ip, port)
  }
  const lb = w.v.lbByIP.get(ip)
  if (lb) return viaLoadBalancer(w, lb, ip, port)
  const node = findNodeByIP(w.v, ip)
  // a node's pod-network gateway is routable only from inside, like the rest of 10.244.0.0/16
  if (node && (node.ip === ip || w.origin.kind !== 'workstation')) return viaNodePort(w, node, port)
  const pod = w.v.podsByIP.get(ip)
  if (pod && w.origin.kind !== 'workstation') {
    w.hops.push({ kind: 'network', label: `pod network -> ${ip}`, ok: true })
    return { kind: 'pod', pod, port, sourceIP: sourceToPod(w, pod.spec?.nodeName), ms: 1 }
  }
  return nowhere(w, ip, port)
}

function toLoopback(w: Walk, port: number): Arrival {
  if (w.origin.kind === 'pod') {
    const self = findPod(w.v, w.origin.namespace, w.origin.name)
    if (self) {
      w.hops.push({
        kind: 'network',
        label: `localhost:${port} (inside ${self.metadata.name})`,
        ok: true,
      })
      return { kind: 'pod', pod: self, port, sourceIP: '127.0.0.1', ms: 0 }
    }
  }
  if (w.origin.kind === 'node') {
    const node = findNode(w.v, w.origin.name)
    if (node) return viaNodePort(w, node, port)
  }
  if (w.origin.kind === 'workstation') return portForward(w, port)
  return fail('refused', 'no-listener', `Nothing listens on localhost:${port}.`)
}

function portForward(w: Walk, port: number): Arrival {
  const pf = w.s.runtime.portForwards.find((f) => f.localPort === port)
  if (!pf) {
    w.hops.push({
      kind: 'portforward',
      label: `localhost:${port}`,
      ok: false,
      detail: 'nothing listens',
    })
    return fail(
      'refused',
      'no-port-forward',
      `Nothing listens on localhost:${port} on your workstation. Start a port-forward first, e.g. kubectl port-forward svc/<name> ${port}:<service port>.`,
    )
  }
  const pod = findPod(w.v, pf.namespace, pf.pod)
  if (!pod || !pod.status?.podIP) {
    w.hops.push({
      kind: 'portforward',
      label: `localhost:${port} -> ${pf.target}`,
      ok: false,
      detail: `pod ${pf.pod} is gone`,
    })
    return fail(
      'refused',
      'port-forward-pod-gone',
      `kubectl port-forward ${pf.target} was tied to pod ${pf.pod}, which no longer exists: a port-forward follows one pod, not the Service. Start the port-forward again.`,
    )
  }
  // kubectl port-forward prints `Handling connection for PORT` per connection (worker/sim/stream)
  if (!w.probe) pf.connections = (pf.connections ?? 0) + 1
  w.hops.push({
    kind: 'portforward',
    label: `localhost:${port} -> ${podLabel(pod, pf.podPort)}`,
    object: { kind: 'Pod', namespace: pf.namespace, name: pf.pod },
    ok: true,
  })
  return {
    kind: 'pod',
    pod,
    port: pf.podPort,
    sourceIP: '127.0.0.1',
    forwardedFrom: pf.target,
    ms: 2,
  }
}

function sourceToPod(w: Walk, podNode: string | undefined): string {
  if (w.origin.kind !== 'node') return w.clientIP
  const origin = findNode(w.v, w.origin.name)
  return origin && origin.name === podNode && origin.gateway ? origin.gateway : w.clientIP
}

function clusterIPFromOutside(w: Walk, ip: string, port: number): Arrival {
  const svc = w.v.servicesByIP.get(ip)
  const name = svc?.metadata.name ?? '?'
  const detail = 'ClusterIPs are not routed outside the cluster'
  w.hops.push({ kind: 'network', label: `${ip}:${port}`, ok: false, detail })
  const np = svc?.spec.ports?.find((p) => p.nodePort)
  const worker = w.v.nodes.find((n) => !n.name.endsWith('control-plane')) ?? w.v.nodes[0]
  const sp = (svc && findServicePort(svc, port)) ?? svc?.spec.ports?.[0]
  const svcPort = sp?.port ?? port
  const hint =
    np && worker
      ? ` Service ${name} is type ${svc?.spec.type}: from outside use a node IP and its nodePort, e.g. ${worker.ip}:${np.nodePort}.`
      : ` Reach it from a pod (kubectl exec <pod> -- curl ${name}:${svcPort}), with kubectl port-forward svc/${name} ${svcPort}:${svcPort}, or make it a NodePort/LoadBalancer Service.`
  return fail(
    'timeout',
    'clusterip-from-outside',
    `${ip} is the ClusterIP of Service ${name} (ports ${svc ? portList(svc) : '?'}). ClusterIPs exist only inside the cluster, in kube-proxy's rules on the nodes, so from your workstation the packets go nowhere.${hint}`,
  )
}

function nowhere(w: Walk, ip: string, port: number): Arrival {
  const outside = w.origin.kind === 'workstation'
  w.hops.push({ kind: 'network', label: `${ip}:${port}`, ok: false, detail: 'no route' })
  if (inCidr(ip, POD_CIDR)) {
    if (outside && w.v.podsByIP.has(ip)) {
      const pod = w.v.podsByIP.get(ip)
      return fail(
        'timeout',
        'podip-from-outside',
        `${ip} is the IP of pod ${pod?.metadata.name}. Pod IPs are routable only inside the cluster; from your workstation use kubectl exec into a pod, kubectl port-forward pod/${pod?.metadata.name} ${port}:${port}, or a NodePort/LoadBalancer Service.`,
      )
    }
    if (outside) {
      return fail(
        'timeout',
        'podip-from-outside',
        `${ip} is in the pod network (${POD_CIDR}), which is not routed outside the cluster; besides, no pod has this IP now.`,
      )
    }
    const released = w.s.runtime.releasedPodIPs.includes(ip)
    return fail(
      'timeout',
      'stale-pod-ip',
      released
        ? `${ip} belonged to a pod that was deleted; a recreated pod gets a new IP, so nothing answers here. This is why clients use a Service name instead of pod IPs.`
        : `No pod has the IP ${ip} (kubectl get pods -o wide lists the current ones); the packets go unanswered.`,
    )
  }
  if (inCidr(ip, SERVICE_CIDR)) {
    if (outside)
      return fail(
        'timeout',
        'clusterip-from-outside',
        `${ip} is in the Service network (${SERVICE_CIDR}), which exists only inside the cluster.`,
      )
    return fail(
      'timeout',
      'unknown-clusterip',
      `No Service has the ClusterIP ${ip} (kubectl get svc -A lists them); nothing answers.`,
    )
  }
  if (inCidr(ip, LB_POOL)) return lbNotAssigned(w, ip)
  const fake = inCidr(ip, FAKE_PUBLIC_NET) ? ' (a public address)' : ''
  return fail(
    'timeout',
    'no-egress',
    `${ip}${fake} is outside this lab's network, and the lab has no internet access: the connection times out.`,
  )
}

function lbNotAssigned(w: Walk, ip: string): Arrival {
  const pending = w.v.services.find(
    (s) => s.spec.type === 'LoadBalancer' && !(s.status?.loadBalancer?.ingress ?? []).length,
  )
  if (pending) {
    const np = pending.spec.ports?.find((p) => p.nodePort)?.nodePort
    return fail(
      'timeout',
      'lb-pending',
      `No load balancer has the IP ${ip}. Service ${pending.metadata.name} is type LoadBalancer but its EXTERNAL-IP is <pending>: no load-balancer controller has given it an address.${np ? ` Its nodePort ${np} works on every node IP meanwhile.` : ''}`,
    )
  }
  return fail(
    'timeout',
    'unknown-ip',
    `No LoadBalancer Service has the IP ${ip} (kubectl get svc shows EXTERNAL-IP); nothing answers.`,
  )
}
