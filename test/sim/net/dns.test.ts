import { describe, expect, it } from 'vitest'
import { lookupFqdn, resolveName } from '../../../worker/sim/net/dns'
import { etcHosts, resolvConf } from '../../../worker/sim/net/pod-files'
import type { Pod } from '../../../worker/sim/objects/types'
import { labScenario } from './scenario'

const client = { kind: 'pod', namespace: 'default', name: 'client' } as const
const devClient = { kind: 'pod', namespace: 'dev', name: 'dev-client' } as const

describe('resolveName from a pod (search list, ndots:5)', () => {
  const f = labScenario()
  it('walks the search list and stops at the first answer', () => {
    expect(resolveName(f.s, client, 'my-service')).toEqual({
      kind: 'A',
      ips: ['10.96.10.10'],
      fqdn: 'my-service.default.svc.cluster.local',
      target: { kind: 'service', namespace: 'default', name: 'my-service', headless: false },
      tried: ['my-service.default.svc.cluster.local'],
    })
  })
  it('resolves <svc>.<ns> through the second search domain', () => {
    const r = resolveName(f.s, devClient, 'my-service.default')
    expect(r.kind === 'A' && r.tried).toEqual([
      'my-service.default.dev.svc.cluster.local',
      'my-service.default.svc.cluster.local',
    ])
  })
  it('NXDOMAIN lists every name asked, the bare name last', () => {
    expect(resolveName(f.s, client, 'nosuch')).toEqual({
      kind: 'NXDOMAIN',
      tried: [
        'nosuch.default.svc.cluster.local',
        'nosuch.svc.cluster.local',
        'nosuch.cluster.local',
        'nosuch',
      ],
    })
  })
  it('a trailing dot makes the name absolute', () => {
    expect(resolveName(f.s, client, 'my-service.').kind).toBe('NXDOMAIN')
    const r = resolveName(f.s, client, 'kubernetes.default.svc.cluster.local.')
    expect(r.kind === 'A' && r.tried).toEqual(['kubernetes.default.svc.cluster.local'])
  })
  it('kubernetes.default answers the API server ClusterIP', () => {
    const r = resolveName(f.s, devClient, 'kubernetes.default')
    expect(r.kind === 'A' && r.ips).toEqual(['10.96.0.1'])
  })
  it('headless Services answer the ready pod IPs', () => {
    const r = resolveName(f.s, client, 'db')
    expect(r.kind === 'A' && r.ips).toEqual(['10.244.1.30'])
    expect(r.kind === 'A' && r.target).toEqual({
      kind: 'service',
      namespace: 'default',
      name: 'db',
      headless: true,
    })
  })
  it('ExternalName answers a CNAME and its target', () => {
    const r = resolveName(f.s, client, 'ext')
    expect(r).toMatchObject({
      kind: 'A',
      ips: ['10.96.20.20'],
      fqdn: 'ext.default.svc.cluster.local',
      cname: 'my-blue-service.default.svc.cluster.local',
    })
    const web = resolveName(f.s, client, 'ext-web')
    expect(web).toMatchObject({ kind: 'A', cname: 'example.com' })
    expect(web.kind === 'A' && web.ips[0]).toMatch(/^203\.0\.113\.\d+$/)
    expect(resolveName(f.s, client, 'ext-bad')).toMatchObject({
      kind: 'NXDOMAIN',
      cname: 'nothing.invalid',
    })
  })
  it('pod A records and the pod hostname from /etc/hosts', () => {
    expect(resolveName(f.s, client, '10-244-1-2.default.pod.cluster.local')).toMatchObject({
      kind: 'A',
      ips: ['10.244.1.2'],
    })
    expect(resolveName(f.s, client, 'client')).toMatchObject({
      kind: 'A',
      ips: ['10.244.2.10'],
      fqdn: 'client',
    })
    expect(resolveName(f.s, client, 'localhost')).toMatchObject({ kind: 'A', ips: ['127.0.0.1'] })
  })
  it('names are case-insensitive', () => {
    expect(resolveName(f.s, client, 'MY-SERVICE')).toMatchObject({
      kind: 'A',
      ips: ['10.96.10.10'],
    })
  })
  it('lookupFqdn answers one absolute name (for nslookup/dig)', () => {
    expect(lookupFqdn(f.s, 'my-service.svc.cluster.local')).toEqual({ kind: 'NXDOMAIN' })
    expect(lookupFqdn(f.s, 'api.dev.svc.cluster.local')).toMatchObject({
      kind: 'A',
      ips: ['10.96.50.1'],
    })
    expect(lookupFqdn(f.s, 'web.default')).toEqual({ kind: 'NXDOMAIN' })
  })
})

describe('resolveName without cluster DNS', () => {
  const f = labScenario()
  it('the workstation knows localhost and IP literals only', () => {
    expect(resolveName(f.s, { kind: 'workstation' }, 'localhost')).toMatchObject({
      kind: 'A',
      ips: ['127.0.0.1'],
    })
    expect(resolveName(f.s, { kind: 'workstation' }, '172.18.0.3')).toMatchObject({
      kind: 'A',
      ips: ['172.18.0.3'],
    })
    expect(resolveName(f.s, { kind: 'workstation' }, 'my-service')).toEqual({
      kind: 'NXDOMAIN',
      tried: ['my-service'],
    })
    expect(resolveName(f.s, { kind: 'workstation' }, 'lab-worker').kind).toBe('NXDOMAIN')
  })
  it('nodes resolve node names (docker DNS) but not Services', () => {
    expect(resolveName(f.s, { kind: 'node', name: 'lab-worker' }, 'lab-worker2')).toMatchObject({
      kind: 'A',
      ips: ['172.18.0.4'],
    })
    expect(resolveName(f.s, { kind: 'node', name: 'lab-worker' }, 'my-service').kind).toBe(
      'NXDOMAIN',
    )
  })
  it('odd input is NXDOMAIN, not an exception', () => {
    for (const name of ['', '.', 'a..b', 'white space', '😀', '-', 'a'.repeat(300)]) {
      expect(resolveName(f.s, client, name).kind).toBe('NXDOMAIN')
    }
  })
})

describe('pod files', () => {
  const f = labScenario()
  const pod = (ns: string, name: string) => f.s.objects[`Pod/${ns}/${name}`] as Pod
  it('resolv.conf as containerd writes it', () => {
    expect(resolvConf(pod('dev', 'dev-client'))).toBe(
      'search dev.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    )
  })
  it('/etc/hosts as the kubelet writes it', () => {
    expect(etcHosts(pod('default', 'client'))).toBe(
      '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' +
        'fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n' +
        '10.244.2.10\tclient\n',
    )
    expect(etcHosts(pod('default', 'db-0')).split('\n')[7]).toBe(
      '10.244.1.30\tdb-0.db.default.svc.cluster.local\tdb-0',
    )
  })
})

describe('reverse lookups', () => {
  const f = labScenario()
  it('ClusterIPs map to the Service name, endpoints to dashed names', async () => {
    const { reverseLookup, arpaName } = await import('../../../worker/sim/net/reverse-dns')
    expect(arpaName('10.96.0.10')).toBe('10.0.96.10.in-addr.arpa')
    expect(reverseLookup(f.s, '10.96.10.10')).toEqual(['my-service.default.svc.cluster.local'])
    expect(reverseLookup(f.s, '10.244.1.30')).toEqual(['db-0.db.default.svc.cluster.local'])
    expect(reverseLookup(f.s, '10.244.1.2')).toContain(
      '10-244-1-2.web-np.default.svc.cluster.local',
    )
    expect(reverseLookup(f.s, '10.244.1.99')).toEqual([])
  })
})

describe('when CoreDNS is down', () => {
  it('no name resolves inside pods and the diagnosis says why', async () => {
    const { route } = await import('../../../worker/sim/net/route')
    const { clusterDnsUp } = await import('../../../worker/sim/net/dns')
    const f = labScenario()
    f.service({
      name: 'kube-dns',
      ns: 'kube-system',
      clusterIP: '10.96.0.10',
      ports: [{ name: 'dns', port: 53, protocol: 'UDP' }],
    })
    f.slice(
      'kube-system',
      'kube-dns',
      [{ ip: '10.244.0.2', ready: false }],
      [{ name: 'dns', port: 53, protocol: 'UDP' }],
    )
    expect(clusterDnsUp(f.s)).toBe(false)
    expect(resolveName(f.s, client, 'my-service')).toEqual({
      kind: 'NXDOMAIN',
      tried: [],
      noServer: true,
    })
    const r = route(
      f.s,
      client,
      { host: 'my-service', port: 8080, method: 'GET', path: '/', headers: {} },
      { now: 0, probe: true },
    )
    expect([r.outcome, r.cause]).toEqual(['nxdomain', 'dns-down'])
    expect(resolveName(f.s, client, '10.244.1.2').kind).toBe('A')
  })
})
