import { describe, expect, it } from 'vitest'
import { checkSchema, type Check } from '../../../worker/labs/format/check-schema'
import { Session } from './harness'

const CURL = 'kubectl exec client -- curl -s --connect-timeout 2 web:8080'
const IPS = { kind: 'Endpoints', name: 'web', path: '{.subsets[*].addresses[*].ip}' } as const
const deleteOne =
  "kubectl delete pod $(kubectl get pods -l app=web -o jsonpath='{.items[0].metadata.name}')"

interface Row {
  name: string
  lines: string[]
  check: Check
  want: boolean
}

const rows: Row[] = [
  {
    name: 'exists: the Service',
    lines: ['true'],
    check: { exists: { kind: 'Service', name: 'web' } },
    want: true,
  },
  {
    name: 'exists: no such Service',
    lines: ['true'],
    check: { exists: { kind: 'Service', name: 'api' } },
    want: false,
  },
  {
    name: 'exists: pods by label',
    lines: ['true'],
    check: { exists: { kind: 'Pod', selector: { app: 'web' } } },
    want: true,
  },
  {
    name: 'exists: in another namespace',
    lines: ['true'],
    check: { exists: { kind: 'Service', name: 'web', namespace: 'kube-system' } },
    want: false,
  },
  {
    name: 'absent: after delete',
    lines: ['kubectl delete service web'],
    check: { absent: { kind: 'Service', name: 'web' } },
    want: true,
  },
  {
    name: 'absent: still there',
    lines: ['true'],
    check: { absent: { kind: 'Service', name: 'web' } },
    want: false,
  },
  {
    name: 'pods: two ready nginx',
    lines: ['true'],
    check: { pods: { selector: { app: 'web' }, image: 'nginx:1.25', ready: true, atLeast: 2 } },
    want: true,
  },
  {
    name: 'pods: not three',
    lines: ['true'],
    check: { pods: { selector: { app: 'web' }, atLeast: 3 } },
    want: false,
  },
  {
    name: 'pods: at most 1 fails',
    lines: ['true'],
    check: { pods: { selector: { app: 'web' }, atMost: 1 } },
    want: false,
  },
  {
    name: 'pods: wrong image',
    lines: ['true'],
    check: { pods: { selector: { app: 'web' }, image: 'httpd' } },
    want: false,
  },
  {
    name: 'field equals number',
    lines: ['true'],
    check: {
      field: { kind: 'Service', name: 'web', path: '.spec.ports[0].targetPort', equals: 80 },
    },
    want: true,
  },
  {
    name: 'field equals wrong',
    lines: ['true'],
    check: { field: { kind: 'Service', name: 'web', path: '.spec.ports[0].port', equals: 80 } },
    want: false,
  },
  {
    name: 'field equals object',
    lines: ['true'],
    check: {
      field: { kind: 'Service', name: 'web', path: '.spec.selector', equals: { app: 'web' } },
    },
    want: true,
  },
  {
    name: 'field equals object, extra key',
    lines: ['kubectl set selector service web app=web,tier=x'],
    check: {
      field: { kind: 'Service', name: 'web', path: '.spec.selector', equals: { app: 'web' } },
    },
    want: false,
  },
  {
    name: 'field filter expression',
    lines: ['true'],
    check: {
      field: {
        kind: 'Service',
        name: 'web',
        path: '{.spec.ports[?(@.port==8080)].targetPort}',
        equals: 80,
      },
    },
    want: true,
  },
  {
    name: 'field matches',
    lines: ['true'],
    check: {
      field: {
        kind: 'Service',
        name: 'web',
        path: '.spec.clusterIP',
        matches: '^10\\.(9[6-9]|10[0-9]|11[01])\\.',
      },
    },
    want: true,
  },
  {
    name: 'field matches not',
    lines: ['true'],
    check: { field: { kind: 'Service', name: 'web', path: '.spec.clusterIP', matches: '^172\\.' } },
    want: false,
  },
  {
    name: 'field oneOf',
    lines: ['true'],
    check: {
      field: { kind: 'Service', name: 'web', path: '.spec.type', oneOf: ['NodePort', 'ClusterIP'] },
    },
    want: true,
  },
  {
    name: 'field oneOf not',
    lines: ['true'],
    check: {
      field: {
        kind: 'Service',
        name: 'web',
        path: '.spec.type',
        oneOf: ['NodePort', 'LoadBalancer'],
      },
    },
    want: false,
  },
  {
    name: 'field count',
    lines: ['true'],
    check: { field: { ...IPS, count: { atLeast: 2, atMost: 2 } } },
    want: true,
  },
  {
    name: 'field count too few',
    lines: ['kubectl scale deployment web --replicas=1'],
    check: { field: { ...IPS, count: { atLeast: 2 } } },
    want: false,
  },
  {
    name: 'field absent',
    lines: ['true'],
    check: { field: { kind: 'Service', name: 'web', path: '.spec.externalName', absent: true } },
    want: true,
  },
  {
    name: 'field absent but set',
    lines: ['true'],
    check: { field: { kind: 'Service', name: 'web', path: '.spec.selector', absent: true } },
    want: false,
  },
  {
    name: 'endpointsMatchPods',
    lines: ['true'],
    check: {
      endpointsMatchPods: { service: 'web', selector: { app: 'web' }, port: 80, atLeast: 2 },
    },
    want: true,
  },
  {
    name: 'endpointsMatchPods wrong port',
    lines: ['true'],
    check: { endpointsMatchPods: { service: 'web', selector: { app: 'web' }, port: 8080 } },
    want: false,
  },
  {
    name: 'request answered from a pod via the Service name',
    lines: [CURL],
    check: {
      request: {
        from: 'pod',
        to: { service: 'web', via: 'name', port: 8080 },
        outcome: 'answered',
        answeredBy: { selector: { app: 'web' } },
      },
    },
    want: true,
  },
  {
    name: 'request: from the named pod and by label',
    lines: [CURL],
    check: {
      all: [
        { request: { from: { pod: 'client' } } },
        { request: { from: { selector: { role: 'client' } } } },
      ],
    },
    want: true,
  },
  {
    name: 'request: not from the workstation',
    lines: [CURL],
    check: { request: { from: 'workstation' } },
    want: false,
  },
  {
    name: 'request: workstation gets nxdomain',
    lines: ['curl -s web:8080'],
    check: { request: { from: 'workstation', to: { host: 'web' }, outcome: 'nxdomain' } },
    want: true,
  },
  {
    name: 'request: wrong port times out',
    lines: ['kubectl exec client -- curl -s --connect-timeout 2 web:80'],
    check: { request: { to: { service: 'web', port: 80 }, outcome: 'timeout' } },
    want: true,
  },
  {
    name: 'request: by ClusterIP',
    lines: [
      "kubectl exec client -- curl -s $(kubectl get svc web -o jsonpath='{.spec.clusterIP}'):8080",
    ],
    check: { request: { to: { service: 'web', via: 'clusterIP' }, outcome: 'answered' } },
    want: true,
  },
  {
    name: 'request: by name is not by ClusterIP',
    lines: [CURL],
    check: { request: { to: { service: 'web', via: 'clusterIP' } } },
    want: false,
  },
  {
    name: 'request: to a pod IP',
    lines: [
      "kubectl exec client -- curl -s $(kubectl get pods -l app=web -o jsonpath='{.items[0].status.podIP}')",
    ],
    check: { request: { to: { podIP: true }, outcome: 'answered' } },
    want: true,
  },
  {
    name: 'request: a NodePort on a node, from the workstation',
    lines: [
      'kubectl expose deployment web --type=NodePort --name=web-np --port=8080 --target-port=80',
      "curl -s 172.18.0.3:$(kubectl get svc web-np -o jsonpath='{.spec.ports[0].nodePort}')",
    ],
    check: {
      request: {
        from: 'workstation',
        to: { service: 'web-np', via: 'nodePort', host: '172.18.0.3' },
        outcome: 'answered',
      },
    },
    want: true,
  },
  {
    name: 'request: a ClusterIP is not a NodePort',
    lines: [CURL],
    check: { request: { to: { service: 'web', via: 'nodePort' } } },
    want: false,
  },
  {
    name: 'request: the LoadBalancer IP from the workstation',
    lines: [
      'kubectl expose deployment web --type=LoadBalancer --name=web-lb --port=80',
      'kubectl get svc web-lb',
      "curl -s $(kubectl get svc web-lb -o jsonpath='{.status.loadBalancer.ingress[0].ip}')",
    ],
    check: {
      request: {
        from: 'workstation',
        to: { service: 'web-lb', via: 'loadBalancer' },
        outcome: 'answered',
        answeredBy: { selector: { app: 'web' } },
      },
    },
    want: true,
  },
  {
    name: 'request: a DNS lookup is not an HTTP request',
    lines: ['kubectl exec client -- nslookup web'],
    check: { request: { kind: 'dns', from: { pod: 'client' }, to: { host: 'web' } } },
    want: true,
  },
  {
    name: 'request: nslookup of a missing name is nxdomain',
    lines: ['kubectl exec client -- nslookup nope'],
    check: { request: { kind: 'dns', outcome: 'answered' } },
    want: false,
  },
  {
    name: 'request: answered by a label the pods lack',
    lines: [CURL],
    check: { request: { answeredBy: { selector: { app: 'api' } } } },
    want: false,
  },
  {
    name: 'request: only in this command',
    lines: [CURL, 'kubectl get pods'],
    check: { request: { to: { service: 'web' } } },
    want: false,
  },
  {
    name: 'request in history',
    lines: [CURL, 'kubectl get pods'],
    check: { request: { in: 'history', to: { service: 'web' } } },
    want: true,
  },
  {
    name: 'request count in history',
    lines: [CURL, CURL, CURL],
    check: { request: { in: 'history', to: { service: 'web' }, count: { atLeast: 3 } } },
    want: true,
  },
  {
    name: 'request count, one command short',
    lines: [CURL, CURL],
    check: { request: { in: 'history', to: { service: 'web' }, count: { atLeast: 3 } } },
    want: false,
  },
  {
    name: 'distinct pods in history',
    lines: Array(8).fill(CURL),
    check: { request: { in: 'history', outcome: 'answered', distinctPods: { atLeast: 2 } } },
    want: true,
  },
  {
    name: 'distinct pods: one pod cannot be two',
    lines: ['kubectl scale deployment web --replicas=1', ...Array(6).fill(CURL)],
    check: { request: { in: 'history', outcome: 'answered', distinctPods: { atLeast: 2 } } },
    want: false,
  },
  {
    name: 'probe: from a pod answered',
    lines: ['true'],
    check: {
      probe: {
        from: { pod: 'client' },
        host: 'web',
        port: 8080,
        outcome: 'answered',
        status: 200,
        bodyMatches: 'nginx',
        answeredBy: { selector: { app: 'web' } },
      },
    },
    want: true,
  },
  {
    name: 'probe: from the workstation nxdomain',
    lines: ['true'],
    check: { probe: { from: 'workstation', host: 'web', port: 8080, outcome: 'answered' } },
    want: false,
  },
  {
    name: 'probe: no endpoints refused',
    lines: ['kubectl scale deployment web --replicas=0', 'kubectl get pods'],
    check: { probe: { from: { pod: 'client' }, host: 'web', port: 8080, outcome: 'refused' } },
    want: true,
  },
  {
    name: 'command matches with exit code',
    lines: ['kubectl get svc web'],
    check: { command: { matches: '^kubectl get (svc|services?) ', exitCode: 0 } },
    want: true,
  },
  {
    name: 'command exit code differs',
    lines: ['kubectl get svc nope'],
    check: { command: { matches: '^kubectl get', exitCode: 0 } },
    want: false,
  },
  {
    name: 'output contains and mentions endpoints',
    lines: ['kubectl get endpoints web'],
    check: { output: { contains: 'web', mentions: { values: IPS, atLeast: 3 } } },
    want: true,
  },
  {
    name: 'output does not mention them',
    lines: ['kubectl get svc web'],
    check: { output: { mentions: { values: IPS, atLeast: 1 } } },
    want: false,
  },
  {
    name: 'output matches',
    lines: ['kubectl get svc web'],
    check: { output: { matches: 'ClusterIP\\s+10\\.' } },
    want: true,
  },
  {
    name: 'dropped: a replaced pod left the endpoints',
    lines: ['true', deleteOne, 'kubectl get endpoints web'],
    check: { dropped: { values: IPS, stalePodIP: true } },
    want: true,
  },
  {
    name: 'dropped: nothing changed',
    lines: ['true', 'kubectl get endpoints web'],
    check: { dropped: { values: IPS } },
    want: false,
  },
  { name: 'variant: none drawn', lines: ['true'], check: { variant: 'a' }, want: false },
  {
    name: 'all',
    lines: ['true'],
    check: {
      all: [
        { exists: { kind: 'Service', name: 'web' } },
        { exists: { kind: 'Pod', name: 'client' } },
      ],
    },
    want: true,
  },
  {
    name: 'all, one false',
    lines: ['true'],
    check: {
      all: [{ exists: { kind: 'Service', name: 'web' } }, { exists: { kind: 'Pod', name: 'x' } }],
    },
    want: false,
  },
  {
    name: 'any',
    lines: ['true'],
    check: {
      any: [{ exists: { kind: 'Pod', name: 'x' } }, { exists: { kind: 'Pod', name: 'client' } }],
    },
    want: true,
  },
  {
    name: 'any, none',
    lines: ['true'],
    check: { any: [{ exists: { kind: 'Pod', name: 'x' } }] },
    want: false,
  },
  {
    name: 'not',
    lines: ['true'],
    check: { not: { exists: { kind: 'Pod', name: 'x' } } },
    want: true,
  },
  {
    name: 'after: stale endpoint then fixed',
    lines: [
      'kubectl scale deployment web --replicas=0',
      CURL,
      'kubectl scale deployment web --replicas=2',
      'kubectl get pods',
    ],
    check: {
      after: {
        first: { request: { outcome: 'refused' } },
        then: { endpointsMatchPods: { service: 'web', selector: { app: 'web' }, atLeast: 2 } },
      },
    },
    want: true,
  },
  {
    name: 'after: never saw the first',
    lines: [
      'kubectl scale deployment web --replicas=0',
      'kubectl scale deployment web --replicas=2',
      'kubectl get pods',
    ],
    check: {
      after: {
        first: { request: { outcome: 'refused' } },
        then: { endpointsMatchPods: { service: 'web', selector: { app: 'web' }, atLeast: 2 } },
      },
    },
    want: false,
  },
]

describe('the check language', () => {
  it.each(rows)('$name -> $want', (row) => {
    expect(checkSchema.safeParse(row.check).success).toBe(true)
    // the platform evaluates checks after every command (notes for history checks are taken then)
    const s = new Session()
    let holds = false
    for (const line of row.lines) holds = s.play(line).holds(row.check)
    expect(holds).toBe(row.want)
  })

  it('a request timed out at an address a pod had before it was recreated (stale endpoint)', () => {
    const s = new Session()
    const manual = (ip: string) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: manual\nspec:\n  ports:\n  - port: 8080\n    targetPort: 80\n---\napiVersion: v1\nkind: Endpoints\nmetadata:\n  name: manual\nsubsets:\n- addresses:\n  - ip: ${ip}\n  ports:\n  - port: 80\n`
    const ip = s.state.objects as Record<
      string,
      { kind: string; metadata: { labels?: Record<string, string> }; status?: { podIP?: string } }
    >
    const first =
      Object.values(ip).find((o) => o.kind === 'Pod' && o.metadata.labels?.app === 'web')?.status
        ?.podIP ?? ''
    s.play('kubectl apply -f -', manual(first))
    const stale: Check = {
      request: { from: 'pod', to: { service: 'manual' }, outcome: 'timeout', staleEndpoint: true },
    }
    s.play('kubectl exec client -- curl -s --connect-timeout 2 manual:8080')
    expect(s.holds(stale)).toBe(false)
    s.play('kubectl delete pods -l app=web')
    s.play('kubectl exec client -- curl -s --connect-timeout 2 manual:8080')
    expect(s.holds(stale)).toBe(true)
  })

  it('a probe draws no randomness and writes no log line', () => {
    const s = new Session().play('true')
    const before = JSON.stringify(s.state)
    for (let i = 0; i < 5; i++)
      s.holds({ probe: { from: { pod: 'client' }, host: 'web', port: 8080, outcome: 'answered' } })
    expect(JSON.stringify(s.state)).toBe(before)
  })

  it('evaluating a history check twice for one command counts the command once', () => {
    const s = new Session().play(CURL)
    const c: Check = { request: { in: 'history', to: { service: 'web' }, count: { atLeast: 2 } } }
    expect(s.holds(c)).toBe(false)
    expect(s.holds(c)).toBe(false)
    s.play(CURL)
    expect(s.holds(c)).toBe(true)
  })

  it.each([
    [{ exist: { kind: 'Pod' } }, false],
    [{ exists: { kind: 'Pod', name: 'x' }, absent: { kind: 'Pod' } }, false],
    [{ exists: { kind: 'Secret' } }, false],
    [{ command: { matches: '(a+)+$' } }, false],
    [{ command: { matches: '(a|aa)+$' } }, false],
    [{ command: { matches: '^kubectl (get|describe) (svc|services?)\\b' } }, true],
    [{ command: { matches: '[' } }, false],
    [{ request: { outcome: 'lost' } }, false],
    [{ all: [] }, false],
    [{ not: { exists: { kind: 'Pod' } } }, true],
  ])('the schema refuses what is not a check: %j -> %s', (value, ok) => {
    expect(checkSchema.safeParse(value).success).toBe(ok)
  })
})
