// The ingress-nginx controller's status sync and events (INGRESS-FACTS I18, I19): ADDRESS from
// --publish-service on the next 60 s tick, a Sync event per add/update (x2 with the status write),
// nothing at all for an Ingress without a class.
import { describe, expect, it } from 'vitest'
import { startCluster } from '../../../worker/labs/setup'
import { newCluster } from '../../../worker/sim/bootstrap'
import { installIngressNginx } from '../../../worker/sim/addons/ingress-nginx'
import { run } from '../../../worker/sim/run'
import { getObject, type ClusterState } from '../../../worker/sim/state'
import { settle } from '../../../worker/sim/controllers/settle'
import { statusTick } from '../../../worker/sim/controllers/ingress-nginx-status'
import type { Ingress, KubeEvent, Pod } from '../../../worker/sim/objects/types'

const T0 = Date.parse('2026-12-06T03:00:00Z')

const ing = (name: string, cls: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
spec:${cls ? `\n  ingressClassName: ${cls}` : ''}
  rules:
  - host: ${name}.example
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
`

function cluster(lb = true): ClusterState {
  if (lb) return startCluster(3, T0, { manifests: [], ingressNginx: true })
  // no load-balancer controller from the start: the controller Service stays <pending>
  const s = newCluster(3, T0 - 180_000)
  s.runtime.loadBalancerController = false
  installIngressNginx(s, T0 - 180_000)
  for (let t = T0 - 180_000; t <= T0; t += 30_000) settle(s, t)
  return s
}

function exec(s: ClusterState, at: number, line: string, stdin?: string) {
  return run(s, line, { now: at, stdin, owned: true })
}

function address(s: ClusterState, name: string): string {
  const i = getObject<Ingress>(s, 'Ingress', 'default', name)
  return (i?.status?.loadBalancer?.ingress ?? []).map((x) => x.ip).join(',')
}

function syncEvents(s: ClusterState, name: string): KubeEvent[] {
  return Object.values(s.objects).filter(
    (o): o is KubeEvent =>
      o.kind === 'Event' &&
      (o as KubeEvent).involvedObject.kind === 'Ingress' &&
      (o as KubeEvent).involvedObject.name === name,
  )
}

function readyAt(s: ClusterState): number {
  const pod = Object.values(s.objects).find(
    (o) => o.kind === 'Pod' && o.metadata.namespace === 'ingress-nginx',
  ) as Pod
  const cond = pod.status.conditions?.find((c) => c.type === 'Ready')
  return Date.parse(cond?.lastTransitionTime ?? '')
}

describe('ingress-nginx status and events', () => {
  it('writes ADDRESS (the LB IP) on the first 60 s tick after the Ingress appears, with a second Sync', () => {
    const s = cluster()
    const created = T0 + 5_000
    exec(s, created, 'kubectl apply -f -', ing('web', 'nginx'))
    expect(address(s, 'web')).toBe('')
    const ev = syncEvents(s, 'web')
    expect(ev.map((e) => [e.type, e.reason, e.message, e.count, e.source.component])).toEqual([
      ['Normal', 'Sync', 'Scheduled for sync', 1, 'nginx-ingress-controller'],
    ])
    const tick =
      statusTick(readyAt(s), created, created) ?? statusTick(readyAt(s), created, created + 60_000)
    expect(tick).toBeDefined()
    exec(s, (tick as number) - 1_000, 'kubectl get ingress')
    expect(address(s, 'web')).toBe('')
    exec(s, (tick as number) + 1_000, 'kubectl get ingress')
    expect(address(s, 'web')).toBe('172.18.255.200')
    const after = syncEvents(s, 'web')
    expect(after).toHaveLength(1)
    expect(after[0]?.count).toBe(2)
    expect(Date.parse(after[0]?.lastTimestamp ?? '')).toBe(
      Math.floor((tick as number) / 1000) * 1000,
    )
    expect((tick as number) - created).toBeLessThanOrEqual(60_000)
  })

  it('ignores an Ingress without ingressClassName: no ADDRESS, no event, a log line', () => {
    const s = cluster()
    exec(s, T0 + 1_000, 'kubectl apply -f -', ing('noclass', ''))
    exec(s, T0 + 200_000, 'kubectl get ingress')
    expect(address(s, 'noclass')).toBe('')
    expect(syncEvents(s, 'noclass')).toHaveLength(0)
    const logs = exec(
      s,
      T0 + 201_000,
      'kubectl logs -n ingress-nginx deploy/ingress-nginx-controller',
    )
    expect(logs.stdout).toContain(
      'store.go:436] "Ignoring ingress because of error while validating ingress class" ingress="default/noclass" error="ingress does not contain a valid IngressClass"',
    )
    // fixed: served from then on, ADDRESS on the next tick
    exec(s, T0 + 210_000, 'kubectl apply -f -', ing('noclass', 'nginx'))
    expect(syncEvents(s, 'noclass')).toHaveLength(1)
    exec(s, T0 + 275_000, 'kubectl get ingress')
    expect(address(s, 'noclass')).toBe('172.18.255.200')
  })

  it('keeps ADDRESS empty while the controller Service is <pending>', () => {
    const s = cluster(false)
    exec(s, T0 + 1_000, 'kubectl apply -f -', ing('web', 'nginx'))
    exec(s, T0 + 300_000, 'kubectl get ingress')
    expect(address(s, 'web')).toBe('')
    expect(syncEvents(s, 'web')[0]?.count).toBe(1)
  })

  it('a second settle at the same time changes nothing', () => {
    const s = cluster()
    exec(s, T0 + 1_000, 'kubectl apply -f -', ing('web', 'nginx'))
    exec(s, T0 + 90_000, 'kubectl get ingress')
    const before = JSON.stringify(s)
    settle(s, T0 + 90_000)
    expect(JSON.stringify(s)).toBe(before)
  })

  it('statusTick: first tick at or after the Ingress became served, then the latest one', () => {
    expect(statusTick(0, 0, 0)).toBe(0)
    expect(statusTick(0, 1, 59_999)).toBeUndefined()
    expect(statusTick(0, 1, 60_000)).toBe(60_000)
    expect(statusTick(0, 1, 150_000)).toBe(120_000)
  })

  it("kubectl logs shows the controller's banner and an access line per request", () => {
    const s = cluster()
    exec(s, T0 + 1_000, 'kubectl apply -f -', ing('web', 'nginx'))
    exec(s, T0 + 2_000, "curl -s -H 'Host: nobody.example' http://172.18.255.200/")
    const logs = exec(
      s,
      T0 + 3_000,
      'kubectl logs -n ingress-nginx deploy/ingress-nginx-controller',
    )
    const lines = logs.stdout.split('\n')
    expect(lines.slice(0, 3)).toEqual([
      '-'.repeat(79),
      'NGINX Ingress controller',
      '  Release:       v1.12.1',
    ])
    expect(logs.stdout).toMatch(
      /\n172\.18\.0\.1 - - \[06\/Dec\/2026:03:00:02 \+0000\] "GET \/ HTTP\/1\.1" 404 146 "-" "curl\/8\.5\.0" \d+ 0\.001 \[upstream-default-backend\] \[\] 127\.0\.0\.1:8181 146 0\.001 404 [0-9a-f]{32}\n/,
    )
  })

  it('/nginx-ingress-controller --version inside the controller pod prints the banner', () => {
    const s = cluster()
    const r = exec(
      s,
      T0 + 1_000,
      'kubectl exec -n ingress-nginx deploy/ingress-nginx-controller -- /nginx-ingress-controller --version',
    )
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toContain(
      '  Release:       v1.12.1\n  Build:         51c2b819690bbf1709b844dbf321a9acf6eda5a7\n',
    )
    expect(r.stdout).toContain('  nginx version: nginx/1.25.5\n')
  })
})
