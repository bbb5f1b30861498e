// `kubectl get ingress` cells (INGRESS-FACTS I11; k8s printers.go printIngress): the rules a learner
// reads the table by. The layout itself is checked against the real kubectl in test/golden.
import { describe, expect, test } from 'vitest'
import { INGRESS_TABLE } from '../../../worker/sim/kubectl/printers/ingress-row'
import type { KubeObject } from '../../../worker/sim/objects/types'

const row = (spec: unknown, status: unknown = { loadBalancer: {} }) =>
  INGRESS_TABLE.row(
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: 'x',
        uid: 'u',
        resourceVersion: '1',
        creationTimestamp: '2026-12-06T02:00:00Z',
      },
      spec,
      status,
    } as KubeObject,
    Date.parse('2026-12-06T02:00:42Z'),
  )

describe('kubectl get ingress cells', () => {
  test('CLASS is the field or <none>; the legacy annotation is not shown', () => {
    expect(row({ ingressClassName: 'nginx' })[1]).toBe('nginx')
    expect(row({})[1]).toBe('<none>')
  })

  test('HOSTS keeps rule order and repeats, skips host-less rules, * when none', () => {
    expect(
      row({ rules: [{ host: 'b.example' }, {}, { host: 'a.example' }, { host: 'b.example' }] })[2],
    ).toBe('b.example,a.example,b.example')
    expect(row({ rules: [{}] })[2]).toBe('*')
    expect(row({ defaultBackend: {} })[2]).toBe('*')
  })

  test('after 3 hosts, + N more counts every remaining rule, host-less ones too', () => {
    const rules = [{ host: 'a.x' }, { host: 'b.x' }, { host: 'c.x' }, {}, { host: 'e.x' }]
    expect(row({ rules })[2]).toBe('a.x,b.x,c.x + 2 more...')
  })

  test('ADDRESS: IPs else hostnames, a sorted set, blank without status, never clipped', () => {
    expect(row({})[3]).toBe('')
    const ingress = [
      { ip: '172.18.255.201' },
      { hostname: 'lb.example.com' },
      { ip: '172.18.255.200' },
      { ip: '172.18.255.201' },
    ]
    // the API server builds Table rows with Wide: true (pkg/printers/storage), so no `...` clipping
    expect(row({}, { loadBalancer: { ingress } })[3]).toBe(
      '172.18.255.200,172.18.255.201,lb.example.com',
    )
  })

  test('PORTS is 80, or "80, 443" once tls has an entry; AGE from creation', () => {
    expect(row({})[4]).toBe('80')
    expect(row({ tls: [{ secretName: 's' }] })[4]).toBe('80, 443')
    expect(row({})[5]).toBe('42s')
  })
})
