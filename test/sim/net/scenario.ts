// The seed notes' scenario (four Deployments' pods, the access pod, my-service with manual
// Endpoints, my-blue-service) plus one Service per networking mistake the tests exercise.

import { Fixture, NOW } from './fixture'

export const P = {
  nginx10: 'nginx-deployment-1.0-7d9f8b6c5-x2k4p',
  magic1: 'nginx-deployment-1.1-5c6d7e8f9-bq2wz',
  magic2: 'nginx-deployment-1.1-5c6d7e8f9-kx7vn',
  magic3: 'nginx-deployment-1.1-5c6d7e8f9-t9mhd',
  blue3: 'nginx-deployment-3-6b8c9d7f5-p4r2s',
  blue4: 'nginx-deployment-4-84f6d5c7b-zz8lq',
}

export function seedScenario(seed = 42): Fixture {
  const f = new Fixture(seed)
  const sleep = ['sh', '-c', 'sleep 3600']
  f.pod({
    name: P.nginx10,
    labels: { app: 'nginx-1.0' },
    image: 'nginx:1.19',
    node: 'lab-worker',
    ip: '10.244.1.2',
  })
  f.pod({
    name: P.magic1,
    labels: { app: 'nginx-1.1' },
    image: 'anshuldevops/magicalnginx:latest',
    node: 'lab-worker',
    ip: '10.244.1.3',
  })
  f.pod({
    name: P.magic2,
    labels: { app: 'nginx-1.1' },
    image: 'anshuldevops/magicalnginx:latest',
    node: 'lab-worker2',
    ip: '10.244.2.2',
  })
  f.pod({
    name: P.magic3,
    labels: { app: 'nginx-1.1' },
    image: 'anshuldevops/magicalnginx:latest',
    node: 'lab-worker2',
    ip: '10.244.2.3',
  })
  f.pod({
    name: 'access-pod',
    image: 'ubuntu:latest',
    command: sleep,
    node: 'lab-worker',
    ip: '10.244.1.4',
    ports: [],
  })
  f.pod({
    name: P.blue3,
    labels: { color: 'blue' },
    image: 'nginx:1.19',
    node: 'lab-worker2',
    ip: '10.244.2.4',
  })
  f.pod({
    name: P.blue4,
    labels: { color: 'blue' },
    image: 'anshuldevops/magicalnginx:latest',
    node: 'lab-worker',
    ip: '10.244.1.5',
  })
  f.service({
    name: 'my-service',
    clusterIP: '10.96.10.10',
    ports: [{ protocol: 'TCP', port: 8080, targetPort: 80 }],
  })
  f.endpoints('my-service', ['10.244.1.3', '10.244.2.2', '10.244.2.3'], 80)
  f.service({
    name: 'my-blue-service',
    clusterIP: '10.96.20.20',
    selector: { color: 'blue' },
    ports: [{ protocol: 'TCP', port: 8080, targetPort: 80 }],
  })
  return f
}

/** The seed scenario plus the mistakes: one Service (or pod) per failure the routing table covers. */
export function labScenario(seed = 42): Fixture {
  const f = seedScenario(seed)
  const sleep = ['sleep', '3600']
  f.pod({
    name: 'client',
    image: 'curlimages/curl:8.11.1',
    command: sleep,
    node: 'lab-worker2',
    ip: '10.244.2.10',
    ports: [],
  })
  f.pod({
    name: 'dev-client',
    ns: 'dev',
    image: 'busybox:1.36',
    command: sleep,
    node: 'lab-worker',
    ip: '10.244.1.10',
    ports: [],
  })
  f.pod({
    name: 'api-7f9c6d5b4-hw2jk',
    ns: 'dev',
    labels: { app: 'api' },
    image: 'registry.k8s.io/e2e-test-images/agnhost:2.53',
    args: ['netexec', '--http-port=8080'],
    node: 'lab-worker2',
    ip: '10.244.2.11',
    ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
  })
  f.pod({
    name: 'web-bad-6c7d8f9b5-mm4xq',
    labels: { app: 'web-bad' },
    image: 'nginx:1.999',
    waiting: 'ImagePullBackOff',
    node: 'lab-worker',
    ip: '10.244.1.20',
  })
  f.pod({
    name: 'slow-5d6f7b8c9-r2d2x',
    labels: { app: 'slow' },
    image: 'nginx:1.19',
    ready: false,
    readinessProbe: { httpGet: { path: '/healthz', port: 8080 } },
    node: 'lab-worker2',
    ip: '10.244.2.20',
  })
  f.pod({
    name: 'echo-7b8c9d6f5-q8w7e',
    labels: { app: 'echo' },
    image: 'hashicorp/http-echo:1.0',
    args: ['-text=hello', '-listen=:5678'],
    node: 'lab-worker2',
    ip: '10.244.2.21',
    ports: [{ containerPort: 5678, protocol: 'TCP' }],
  })
  f.pod({
    name: 'db-0',
    labels: { app: 'db' },
    image: 'nginx:1.19',
    hostname: 'db-0',
    subdomain: 'db',
    node: 'lab-worker',
    ip: '10.244.1.30',
  })
  f.pod({
    name: 'web-nolabel',
    labels: { app: 'ngnix-1.0', tier: 'web' },
    image: 'nginx:1.19',
    node: 'lab-worker2',
    ip: '10.244.2.30',
  })
  const ports = (port: number, targetPort: number | string = port, extra: object = {}) => [
    { protocol: 'TCP', port, targetPort, ...extra },
  ]
  f.service({
    name: 'web-np',
    type: 'NodePort',
    clusterIP: '10.96.30.30',
    selector: { app: 'nginx-1.0' },
    ports: ports(80, 80, { nodePort: 30080 }),
  })
  f.service({
    name: 'web-lb',
    type: 'LoadBalancer',
    clusterIP: '10.96.30.31',
    lbIP: '172.18.255.200',
    selector: { app: 'nginx-1.1' },
    ports: ports(80, 80, { nodePort: 31080 }),
  })
  f.service({
    name: 'web-local',
    type: 'NodePort',
    local: true,
    clusterIP: '10.96.30.32',
    selector: { app: 'nginx-1.0' },
    ports: ports(80, 80, { nodePort: 30090 }),
  })
  f.service({
    name: 'web-affinity',
    affinity: true,
    clusterIP: '10.96.30.33',
    selector: { app: 'nginx-1.1' },
    ports: ports(80),
  })
  f.service({
    name: 'wrong-tp',
    clusterIP: '10.96.40.1',
    selector: { app: 'nginx-1.0' },
    ports: ports(80, 8080),
  })
  f.service({
    name: 'selector-typo',
    clusterIP: '10.96.40.2',
    selector: { app: 'nginx-1.O' },
    ports: ports(80),
  })
  f.service({
    name: 'bad-image',
    clusterIP: '10.96.40.3',
    selector: { app: 'web-bad' },
    ports: ports(80),
  })
  f.service({
    name: 'slow-svc',
    clusterIP: '10.96.40.4',
    selector: { app: 'slow' },
    ports: ports(80),
  })
  f.service({
    name: 'named-missing',
    clusterIP: '10.96.40.5',
    selector: { app: 'nginx-1.0' },
    ports: ports(80, 'http'),
  })
  f.service({
    name: 'api',
    ns: 'dev',
    clusterIP: '10.96.50.1',
    selector: { app: 'api' },
    ports: ports(80, 'http', { name: 'web' }),
  })
  f.service({ name: 'db', clusterIP: 'None', selector: { app: 'db' }, ports: ports(8080, 80) })
  f.service({
    name: 'ext',
    type: 'ExternalName',
    externalName: 'my-blue-service.default.svc.cluster.local',
  })
  f.service({ name: 'ext-web', type: 'ExternalName', externalName: 'example.com' })
  f.service({ name: 'ext-bad', type: 'ExternalName', externalName: 'nothing.invalid' })
  f.service({ name: 'manual-missing', clusterIP: '10.96.40.6', ports: ports(80) })
  f.endpoints('manual-misnamed', ['10.244.1.2'], 80)
  f.service({ name: 'stale-manual', clusterIP: '10.96.40.7', ports: ports(80) })
  f.endpoints('stale-manual', ['10.244.0.119'], 80)
  f.service({ name: 'portname', clusterIP: '10.96.40.8', ports: ports(80) })
  f.endpoints('portname', ['10.244.1.2'], 80, 'http')
  f.service({
    name: 'lb-pending',
    type: 'LoadBalancer',
    clusterIP: '10.96.40.9',
    selector: { app: 'nginx-1.0' },
    ports: ports(80, 80, { nodePort: 31999 }),
  })
  f.service({
    name: 'echo-svc',
    clusterIP: '10.96.40.10',
    selector: { app: 'echo' },
    ports: ports(80, 5678),
  })
  f.service({ name: 'manual-port', clusterIP: '10.96.40.11', ports: ports(8080, 80) })
  f.endpoints('manual-port', ['10.244.1.2'], 8080)
  f.s.runtime.releasedPodIPs.push('10.244.1.99')
  f.s.runtime.portForwards.push({
    localPort: 8080,
    namespace: 'default',
    pod: P.nginx10,
    podPort: 80,
    target: 'svc/web-np',
  })
  f.s.runtime.portForwards.push({
    localPort: 8081,
    namespace: 'default',
    pod: P.nginx10,
    podPort: 8080,
    target: 'deployment/nginx-deployment-1.0',
  })
  f.s.runtime.portForwards.push({
    localPort: 9090,
    namespace: 'default',
    pod: 'gone-6c7d8f9b5-aaaaa',
    podPort: 80,
    target: 'deployment/gone',
  })
  return f.syncSlices()
}

export { NOW }
