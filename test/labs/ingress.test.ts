import { describe, expect, it } from 'vitest'
import {
  APPS_INGRESS,
  APPS_INGRESS_NO_CLASS,
  HOSTS_INGRESS,
} from '../../worker/labs/ingress-manifests'
import { LB_IP } from '../../worker/labs/ingress-text'
import { classifyCommand } from '../../worker/labs/misconceptions'
import { apply, completedAt, expectDone, expectUndone } from './helpers'
import { allTasks, describeTranscript, playTranscript, type Step } from './transcript'

const PAGE_404 =
  '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

const INSTRUCTIONS: Step[] = [
  'kubectl get svc -A',
  'kubectl get pods -n ingress-nginx -o wide',
  'kubectl get ingressclass',
  apply(HOSTS_INGRESS),
  'kubectl get ingress',
  `curl -s -H 'Host: blue.example' http://${LB_IP}/`,
  `curl -s -H 'Host: magic.example' http://${LB_IP}/`,
  'kubectl logs -n ingress-nginx deploy/ingress-nginx-controller',
  `curl -i -H 'Host: shop.example' http://${LB_IP}/`,
  `curl -i http://${LB_IP}/`,
  apply(APPS_INGRESS_NO_CLASS),
  `curl -i -H 'Host: apps.example' http://${LB_IP}/hostname`,
  'kubectl get ingress',
  'kubectl describe ingress apps',
  apply(APPS_INGRESS),
  `curl -s -H 'Host: apps.example' http://${LB_IP}/hostname`,
  `curl -s -H 'Host: apps.example' http://${LB_IP}/`,
  'kubectl scale deployment magic --replicas=0',
  `curl -i -H 'Host: magic.example' http://${LB_IP}/`,
  'kubectl scale deployment magic --replicas=2',
]

describe('lab ingress', () => {
  it.each([1, 2, 3])('is completed by the commands of its instructions (seed %i)', (seed) => {
    const t = playTranscript('ingress', INSTRUCTIONS, { seed })
    expectDone(t, allTasks('ingress'))
    expect(completedAt(t, 'see-lb'), describeTranscript(t)).toBe(0)
    expect(completedAt(t, 'two-hosts')).toBe(6)
    expect(completedAt(t, 'see-404')).toBe(8)
    expect(completedAt(t, 'no-class')).toBe(15)
    expect(completedAt(t, 'by-path')).toBe(16)
    expect(completedAt(t, 'see-503')).toBe(18)
    // the controller's pages, byte for byte, and its Host-less 404 as well
    const notFound = t.outputs[8]?.stdout ?? ''
    expect(notFound).toMatch(
      /^HTTP\/1\.1 404 Not Found\r\nDate: .*\r\nContent-Type: text\/html\r\nContent-Length: 146\r\nConnection: keep-alive\r\n\r\n/,
    )
    expect(notFound.endsWith(PAGE_404)).toBe(true)
    expect(t.outputs[9]?.stdout.endsWith(PAGE_404)).toBe(true)
    expect(t.outputs[18]?.stdout).toContain('HTTP/1.1 503 Service Temporarily Unavailable\r\n')
    expect(t.outputs[18]?.stdout).toContain('Content-Length: 190\r\n')
    // the ignored Ingress: CLASS <none>, no ADDRESS, no events
    expect(t.outputs[12]?.stdout).toMatch(/\napps +<none> +apps\.example +80 /)
    expect(t.outputs[13]?.stdout).toContain('Events:')
    expect(t.outputs[13]?.stdout).toMatch(/Events: +<none>/)
    // echo answers its pod name through /hostname; blue's welcome page through /
    expect(t.outputs[15]?.stdout).toMatch(/^echo-[a-z0-9]+-[a-z0-9]{5}$/)
    expect(t.outputs[16]?.stdout).toContain('Welcome to nginx!')
  })

  it('shows ADDRESS (the LB IP) on the Ingress within a minute', () => {
    const gets = Array.from({ length: 20 }, () => 'kubectl get ingress hosts')
    const t = playTranscript('ingress', [apply(HOSTS_INGRESS), ...gets], { stepMs: 3_000 })
    const lb = /172\.18\.255\.2\d\d/
    const first = t.outputs.findIndex((o) => lb.test(o.stdout))
    // blank right after the apply, the LB IP from the next 60 s status tick on
    expect(first, describeTranscript(t)).toBeGreaterThan(1)
    expect(first * 3).toBeLessThanOrEqual(60)
    for (const o of t.outputs.slice(first)) expect(o.stdout).toMatch(lb)
  })

  it('near miss: curling the LB IP without a Host header, and the ClusterIP from outside', () => {
    const t = playTranscript('ingress', [
      apply(HOSTS_INGRESS),
      `curl -s http://${LB_IP}/`,
      `curl -s --connect-timeout 5 http://$(kubectl get svc blue -o jsonpath='{.spec.clusterIP}'):8080/`,
      `curl -s --connect-timeout 5 http://blue.example/`,
      `curl -s -H 'Host: blue.example' http://${LB_IP}/`,
    ])
    expectUndone(t, 'two-hosts')
    expect(t.done).toContain('see-404')
  })

  it('near miss: the Ingress applied with its class at once never shows the slip', () => {
    const t = playTranscript('ingress', [
      apply(APPS_INGRESS),
      `curl -s -H 'Host: apps.example' http://${LB_IP}/hostname`,
      `curl -s -H 'Host: apps.example' http://${LB_IP}/`,
    ])
    expect(t.done).toContain('by-path')
    expectUndone(t, 'no-class')
  })

  it('near miss: a backend port that is no Service port is a 503 from a rule, not a backend without pods', () => {
    const wrongPort = HOSTS_INGRESS.replace('number: 8080', 'number: 9090')
    const t = playTranscript('ingress', [
      apply(wrongPort),
      `curl -i -H 'Host: blue.example' http://${LB_IP}/`,
      'kubectl get svc -n ingress-nginx',
    ])
    expect(t.outputs[1]?.stdout).toContain('503 Service Temporarily Unavailable')
    expect(t.outputs[1]?.result.trace[0]?.cause).toBe('ingress-backend-port')
    expectUndone(t, 'see-503')
    expect(t.done).toContain('see-lb')
  })

  it('tells instructors which slip a command shows', () => {
    const t = playTranscript('ingress', [
      apply(HOSTS_INGRESS),
      `curl -s http://${LB_IP}/`,
      'curl -s http://blue.example/',
      apply(APPS_INGRESS_NO_CLASS),
      `curl -s -H 'Host: apps.example' http://${LB_IP}/`,
      `curl -s -H 'Host: blue.example' http://${LB_IP}/`,
    ])
    const ids = t.outputs.map((o) => classifyCommand({ ...o, trace: o.result.trace }))
    expect(ids[1]).toEqual(['ingress-host-header'])
    expect(t.outputs[2]?.result.trace[0]?.diagnosis).toContain(
      "curl -H 'Host: blue.example' http://172.18.255.20",
    )
    expect(ids[2]).toEqual(['ingress-host-header'])
    expect(ids[4]).toEqual(['ingress-no-class'])
    expect(ids[5]).toEqual([])
  })

  it('near miss: kubectl create ingress without * makes Exact paths, so /hostname/x finds no rule', () => {
    const t = playTranscript('ingress', [
      `kubectl create ingress apps --class=nginx --rule="apps.example/=blue:8080" --rule="apps.example/hostname=echo:8080"`,
      `curl -s -H 'Host: apps.example' http://${LB_IP}/index.html`,
      `curl -s -H 'Host: apps.example' http://${LB_IP}/hostname/x`,
    ])
    expect(t.outputs[0]?.stdout).toBe('ingress.networking.k8s.io/apps created\n')
    expect(t.outputs[1]?.result.trace[0]?.cause).toBe('ingress-no-path')
    expect(t.outputs[2]?.result.trace[0]?.cause).toBe('ingress-no-path')
    expect(t.outputs[2]?.stdout).toBe(PAGE_404)
    expectUndone(t, 'by-path')
  })
})
