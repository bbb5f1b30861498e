import { describe, expect, it } from 'vitest'
import { serviceEnv } from '../../../worker/sim/net/service-env'
import type { Pod } from '../../../worker/sim/objects/types'
import { Fixture, NOW } from './fixture'

describe('serviceEnv: the variables kubelet injects', () => {
  function cluster() {
    const f = new Fixture()
    f.service({
      name: 'my-service',
      clusterIP: '10.96.10.10',
      ports: [
        { name: 'web', protocol: 'TCP', port: 8080, targetPort: 80 },
        { name: 'metrics', protocol: 'TCP', port: 9090 },
      ],
      createdAt: NOW - 600_000,
    })
    f.service({
      name: 'late',
      clusterIP: '10.96.10.11',
      ports: [{ protocol: 'TCP', port: 80 }],
      createdAt: NOW - 1000,
    })
    f.service({
      name: 'db',
      clusterIP: 'None',
      ports: [{ protocol: 'TCP', port: 5432 }],
      createdAt: NOW - 600_000,
    })
    f.service({
      name: 'other',
      ns: 'dev',
      clusterIP: '10.96.10.12',
      ports: [{ protocol: 'TCP', port: 80 }],
      createdAt: NOW - 600_000,
    })
    return f
  }
  it('Services of the pod namespace that existed at pod creation, plus kubernetes', () => {
    const f = cluster()
    const pod = f.pod({ name: 'p', ip: '10.244.1.9', createdAt: NOW - 60_000 })
    expect(serviceEnv(f.s, pod)).toEqual({
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      KUBERNETES_SERVICE_PORT: '443',
      KUBERNETES_SERVICE_PORT_HTTPS: '443',
      KUBERNETES_PORT: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
      KUBERNETES_PORT_443_TCP_PORT: '443',
      KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
      MY_SERVICE_SERVICE_HOST: '10.96.10.10',
      MY_SERVICE_SERVICE_PORT: '8080',
      MY_SERVICE_SERVICE_PORT_WEB: '8080',
      MY_SERVICE_SERVICE_PORT_METRICS: '9090',
      MY_SERVICE_PORT: 'tcp://10.96.10.10:8080',
      MY_SERVICE_PORT_8080_TCP: 'tcp://10.96.10.10:8080',
      MY_SERVICE_PORT_8080_TCP_PROTO: 'tcp',
      MY_SERVICE_PORT_8080_TCP_PORT: '8080',
      MY_SERVICE_PORT_8080_TCP_ADDR: '10.96.10.10',
      MY_SERVICE_PORT_9090_TCP: 'tcp://10.96.10.10:9090',
      MY_SERVICE_PORT_9090_TCP_PROTO: 'tcp',
      MY_SERVICE_PORT_9090_TCP_PORT: '9090',
      MY_SERVICE_PORT_9090_TCP_ADDR: '10.96.10.10',
    })
  })
  it('enableServiceLinks: false keeps only kubernetes', () => {
    const f = cluster()
    const pod = f.pod({ name: 'p', ip: '10.244.1.9', createdAt: NOW, enableServiceLinks: false })
    expect(Object.keys(serviceEnv(f.s, pod)).every((k) => k.startsWith('KUBERNETES_'))).toBe(true)
  })
  it('a pod in another namespace sees its own Services and kubernetes', () => {
    const f = cluster()
    const pod = f.pod({ name: 'p', ns: 'dev', ip: '10.244.1.9', createdAt: NOW }) as Pod
    const env = serviceEnv(f.s, pod)
    expect(env.OTHER_SERVICE_HOST).toBe('10.96.10.12')
    expect(env.KUBERNETES_SERVICE_HOST).toBe('10.96.0.1')
    expect(env.MY_SERVICE_SERVICE_HOST).toBeUndefined()
  })
})
