import { describe, expect, it } from 'vitest'
import { route } from '../../../worker/sim/net/route'
import { labScenario, NOW, P } from './scenario'
import { origin, request, summary } from './helpers'

interface Row {
  name: string
  from: string
  url: string
  want: string
  cause?: string
  says?: string
}

const pod = 'pod:client'
const dev = 'pod:dev/dev-client'
const ws = 'ws'
const node = 'node:lab-worker'

const rows: Row[] = [
  // from a pod, by IP, name and FQDN
  { name: 'pod IP directly', from: pod, url: 'http://10.244.1.2', want: `pod ${P.nginx10}:80` },
  {
    name: 'short name',
    from: pod,
    url: 'http://my-service:8080',
    want: 'pod nginx-deployment-1.1-',
  },
  {
    name: 'name.namespace',
    from: pod,
    url: 'http://my-service.default:8080',
    want: 'pod nginx-deployment-1.1-',
  },
  {
    name: 'name.namespace.svc',
    from: pod,
    url: 'http://my-service.default.svc:8080',
    want: 'pod nginx-deployment-1.1-',
  },
  {
    name: 'FQDN',
    from: pod,
    url: 'http://my-service.default.svc.cluster.local:8080',
    want: 'pod nginx-deployment-1.1-',
  },
  {
    name: 'absolute FQDN',
    from: pod,
    url: 'http://my-service.default.svc.cluster.local.:8080',
    want: 'pod nginx-deployment-1.1-',
  },
  {
    name: 'ClusterIP',
    from: pod,
    url: 'http://10.96.10.10:8080',
    want: 'pod nginx-deployment-1.1-',
  },
  {
    name: 'targetPort asked on the ClusterIP',
    from: pod,
    url: 'http://my-service',
    want: 'timeout',
    cause: 'port-not-on-service',
    says: 'targetPort of Service my-service',
  },
  {
    name: 'port the Service lacks',
    from: pod,
    url: 'http://my-service:9999',
    want: 'timeout',
    cause: 'port-not-on-service',
    says: 'defines port 8080/TCP, not 9999',
  },
  {
    name: 'selector Service',
    from: pod,
    url: 'http://my-blue-service:8080',
    want: 'pod nginx-deployment-',
  },
  {
    name: 'NodePort Service by name',
    from: pod,
    url: 'http://web-np',
    want: `pod ${P.nginx10}:80`,
  },
  {
    name: 'nodePort asked on the ClusterIP',
    from: pod,
    url: 'http://web-np:30080',
    want: 'timeout',
    cause: 'nodeport-on-clusterip',
    says: 'use port 80',
  },
  {
    name: 'NodePort from a pod',
    from: pod,
    url: 'http://172.18.0.3:30080',
    want: `pod ${P.nginx10}:80`,
  },
  {
    name: 'wrong targetPort',
    from: pod,
    url: 'http://wrong-tp',
    want: 'refused',
    cause: 'wrong-target-port',
    says: 'targetPort 8080, but nothing in pod',
  },
  {
    name: 'selector matches nothing',
    from: pod,
    url: 'http://selector-typo',
    want: 'refused',
    cause: 'no-endpoints',
    says: 'selector app=nginx-1.O matches no pod in namespace default. Pods that nearly match: nginx-deployment-1.0-7d9f8b6c5-x2k4p (app=nginx-1.0), nginx-deployment-1.1-5c6d7e8f9-bq2wz and 2 more (app=nginx-1.1)',
  },
  {
    name: 'pod cannot pull its image',
    from: pod,
    url: 'http://bad-image',
    want: 'refused',
    cause: 'no-endpoints',
    says: 'its image "nginx:1.999" cannot be pulled (ImagePullBackOff)',
  },
  {
    name: 'pod not ready',
    from: pod,
    url: 'http://slow-svc',
    want: 'refused',
    cause: 'no-endpoints',
    says: 'readiness probe (httpGet :8080/healthz) is failing',
  },
  {
    name: 'named targetPort missing',
    from: pod,
    url: 'http://named-missing',
    want: 'refused',
    cause: 'named-port-missing',
    says: 'targetPort is the name "http"',
  },
  {
    name: 'short name of another namespace',
    from: pod,
    url: 'http://api',
    want: 'nxdomain',
    cause: 'dns-cross-namespace',
    says: 'Use api.dev',
  },
  {
    name: 'name.namespace across namespaces, named targetPort',
    from: pod,
    url: 'http://api.dev',
    want: 'pod api-7f9c6d5b4-hw2jk:8080',
  },
  {
    name: 'headless: Service port is not translated',
    from: pod,
    url: 'http://db:8080',
    want: 'refused',
    cause: 'headless-port',
    says: 'Ask port 80',
  },
  { name: 'headless: container port', from: pod, url: 'http://db', want: 'pod db-0:80' },
  { name: 'headless hostname record', from: pod, url: 'http://db-0.db', want: 'pod db-0:80' },
  {
    name: 'ExternalName to an in-cluster name',
    from: pod,
    url: 'http://ext:8080',
    want: 'pod nginx-deployment-',
  },
  {
    name: 'ExternalName to the internet',
    from: pod,
    url: 'http://ext-web',
    want: 'timeout',
    cause: 'no-egress',
  },
  {
    name: 'ExternalName to a name that does not exist',
    from: pod,
    url: 'http://ext-bad',
    want: 'nxdomain',
    says: 'CNAME nothing.invalid',
  },
  {
    name: 'Endpoints under another name',
    from: pod,
    url: 'http://manual-missing',
    want: 'refused',
    cause: 'endpoints-name-mismatch',
    says: 'rename it to manual-missing',
  },
  {
    name: 'manual Endpoints with a stale IP',
    from: pod,
    url: 'http://stale-manual',
    want: 'timeout',
    cause: 'manual-endpoints-stale',
    says: '10.244.0.119:80',
  },
  {
    name: 'hand-written Endpoints on the wrong port',
    from: pod,
    url: 'http://manual-port:8080',
    want: 'refused',
    cause: 'wrong-target-port',
    says: 'Fix the port in Endpoints manual-port',
  },
  {
    name: 'Endpoints port name differs',
    from: pod,
    url: 'http://portname',
    want: 'refused',
    cause: 'endpoint-port-name-mismatch',
  },
  {
    name: 'IP of a deleted pod',
    from: pod,
    url: 'http://10.244.1.99',
    want: 'timeout',
    cause: 'stale-pod-ip',
  },
  { name: 'unknown name', from: pod, url: 'http://nosuch', want: 'nxdomain', cause: 'nxdomain' },
  {
    name: 'typo of a Service name',
    from: pod,
    url: 'http://my-servce:8080',
    want: 'nxdomain',
    cause: 'nxdomain',
    says: 'Did you mean my-service?',
  },
  {
    name: 'API server over plain http',
    from: pod,
    url: 'http://kubernetes:443',
    want: 'apiserver 400',
    cause: 'plain-http-to-https',
  },
  { name: 'API server over https', from: pod, url: 'https://kubernetes', want: 'apiserver 403' },
  {
    name: 'API server as kubernetes.default',
    from: pod,
    url: 'https://kubernetes.default/healthz',
    want: 'apiserver 200',
  },
  {
    name: 'pod A record',
    from: pod,
    url: 'http://10-244-1-2.default.pod.cluster.local',
    want: `pod ${P.nginx10}:80`,
  },
  {
    name: 'localhost inside a pod that serves nothing',
    from: pod,
    url: 'http://localhost',
    want: 'refused',
    cause: 'no-listener',
  },
  {
    name: 'numeric targetPort to a non-80 server',
    from: pod,
    url: 'http://echo-svc',
    want: 'pod echo-7b8c9d6f5-q8w7e:5678',
  },
  {
    name: 'LoadBalancer IP from inside',
    from: pod,
    url: 'http://172.18.255.200',
    want: 'pod nginx-deployment-1.1-',
  },
  {
    name: 'unused ClusterIP',
    from: pod,
    url: 'http://10.96.99.99',
    want: 'timeout',
    cause: 'unknown-clusterip',
  },
  {
    name: 'pod name is not a DNS name',
    from: pod,
    url: 'http://access-pod',
    want: 'nxdomain',
    says: 'name of a pod',
  },
  // from another namespace
  {
    name: 'short name in own namespace',
    from: dev,
    url: 'http://api',
    want: 'pod api-7f9c6d5b4-hw2jk:8080',
  },
  {
    name: 'short name of default from dev',
    from: dev,
    url: 'http://my-service:8080',
    want: 'nxdomain',
    cause: 'dns-cross-namespace',
    says: 'Use my-service.default',
  },
  {
    name: 'name.namespace from dev',
    from: dev,
    url: 'http://my-service.default:8080',
    want: 'pod nginx-deployment-1.1-',
  },
  // from the workstation
  {
    name: 'ClusterIP from outside',
    from: ws,
    url: 'http://10.96.10.10:8080',
    want: 'timeout',
    cause: 'clusterip-from-outside',
  },
  {
    name: 'pod IP from outside',
    from: ws,
    url: 'http://10.244.1.2',
    want: 'timeout',
    cause: 'podip-from-outside',
  },
  {
    name: 'Service name from outside',
    from: ws,
    url: 'http://my-service:8080',
    want: 'nxdomain',
    cause: 'no-cluster-dns',
  },
  {
    name: 'NodePort on the control plane',
    from: ws,
    url: 'http://172.18.0.2:30080',
    want: `pod ${P.nginx10}:80`,
  },
  {
    name: 'NodePort on lab-worker',
    from: ws,
    url: 'http://172.18.0.3:30080',
    want: `pod ${P.nginx10}:80`,
  },
  {
    name: 'NodePort on lab-worker2',
    from: ws,
    url: 'http://172.18.0.4:30080',
    want: `pod ${P.nginx10}:80`,
  },
  {
    name: 'Service port on a node IP',
    from: ws,
    url: 'http://172.18.0.3:8080',
    want: 'refused',
    cause: 'nodeport-on-clusterip',
  },
  {
    name: "a node's pod-network gateway from outside",
    from: ws,
    url: 'http://10.244.1.1:30080',
    want: 'timeout',
    cause: 'podip-from-outside',
  },
  {
    name: "a node's pod-network gateway from a pod",
    from: pod,
    url: 'http://10.244.1.1:30080',
    want: `pod ${P.nginx10}:80`,
  },
  {
    name: 'closed node port',
    from: ws,
    url: 'http://172.18.0.3:12345',
    want: 'refused',
    cause: 'node-port-closed',
  },
  {
    name: 'LoadBalancer IP',
    from: ws,
    url: 'http://172.18.255.200',
    want: 'pod nginx-deployment-1.1-',
  },
  {
    name: 'LoadBalancer IP, wrong port',
    from: ws,
    url: 'http://172.18.255.200:8080',
    want: 'timeout',
    cause: 'port-not-on-service',
  },
  {
    name: 'Local policy, node with the endpoint',
    from: ws,
    url: 'http://172.18.0.3:30090',
    want: `pod ${P.nginx10}:80`,
  },
  {
    name: 'Local policy, node without one',
    from: ws,
    url: 'http://172.18.0.4:30090',
    want: 'timeout',
    cause: 'external-traffic-local',
    says: 'run on lab-worker',
  },
  { name: 'port-forward', from: ws, url: 'http://localhost:8080', want: `pod ${P.nginx10}:80` },
  {
    name: 'port-forward to a port nothing listens on',
    from: ws,
    url: 'http://localhost:8081',
    want: `pod ${P.nginx10}:8080`,
    cause: 'port-forward-no-listener',
  },
  {
    name: 'port-forward to a deleted pod',
    from: ws,
    url: 'http://127.0.0.1:9090',
    want: 'refused',
    cause: 'port-forward-pod-gone',
  },
  {
    name: 'no port-forward',
    from: ws,
    url: 'http://localhost:7000',
    want: 'refused',
    cause: 'no-port-forward',
  },
  {
    name: 'unassigned LB address',
    from: ws,
    url: 'http://172.18.255.201',
    want: 'timeout',
    cause: 'lb-pending',
    says: 'Service lb-pending',
  },
  {
    name: 'nodePort of a pending LoadBalancer',
    from: ws,
    url: 'http://172.18.0.3:31999',
    want: `pod ${P.nginx10}:80`,
  },
  { name: 'internet name from outside', from: ws, url: 'http://example.com', want: 'nxdomain' },
  {
    name: 'node name from outside',
    from: ws,
    url: 'http://lab-worker:30080',
    want: 'nxdomain',
    says: 'InternalIP 172.18.0.3',
  },
  {
    name: '0.0.0.0 is the pod itself',
    from: `pod:${P.nginx10}`,
    url: 'http://0.0.0.0',
    want: `pod ${P.nginx10}:80`,
  },
  // from a node
  {
    name: 'ClusterIP from a node',
    from: node,
    url: 'http://10.96.10.10:8080',
    want: 'pod nginx-deployment-1.1-',
  },
  { name: 'pod IP from a node', from: node, url: 'http://10.244.2.2', want: `pod ${P.magic2}:80` },
  {
    name: 'Local policy from another node',
    from: node,
    url: 'http://172.18.0.4:30090',
    want: 'timeout',
    cause: 'external-traffic-local',
  },
  {
    name: 'Local policy from the node itself',
    from: node,
    url: 'http://172.18.0.3:30090',
    want: `pod ${P.nginx10}:80`,
  },
  {
    name: 'Service name on a node',
    from: node,
    url: 'http://my-service:8080',
    want: 'nxdomain',
    cause: 'no-cluster-dns',
  },
  {
    name: 'node name on a node',
    from: node,
    url: 'http://lab-worker2:30080',
    want: `pod ${P.nginx10}:80`,
  },
  {
    name: 'API server on the control plane',
    from: node,
    url: 'https://172.18.0.2:6443/api/v1/pods',
    want: 'apiserver 403',
  },
]

describe('route: the routing table', () => {
  it.each(rows)('$name ($from -> $url)', (row) => {
    const f = labScenario()
    const r = route(f.s, origin(row.from), request(row.url), { now: NOW, probe: true })
    expect(summary(r).startsWith(row.want), `${summary(r)} / ${r.cause}: ${r.diagnosis}`).toBe(true)
    if (row.cause) expect(r.cause).toBe(row.cause)
    if (row.says) expect(r.diagnosis).toContain(row.says)
    if (r.outcome !== 'answered') expect(r.diagnosis, 'every failure is explained').toBeTruthy()
    expect(r.hops[0]?.kind).toBe('client')
  })

  it('has at least 40 rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40)
  })
})
