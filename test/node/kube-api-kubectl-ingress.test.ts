// Ingress and IngressClass through the Kubernetes API door with the real kubectl 1.32, each
// command's output compared with what the lab terminal's simulated kubectl prints (the same
// harness as kube-api-kubectl.test.ts: writes by the real kubectl on cluster A and by ours on
// cluster B, reads both ways on cluster A). `kubectl create ingress` posts protobuf; the
// ingress-nginx admission webhook's denials and warnings come back as the apiserver sends them.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listenForFile } from './node-app'
import { HAS_KUBECTL, maskEventAges, runKubectl, simKubectl } from './kubectl-compare'
import { kubectlUntil, learner as openLearner } from './kube-streams-helpers'

const dir = mkdtempSync(join(tmpdir(), 'sl-kubectl-ing-'))
let clock = Date.now() - 180_000
const origin = listenForFile({ dbFile: join(dir, 'test.db'), now: () => clock })

const real = (kubeconfig: string, args: string[], stdin = '') =>
  runKubectl(dir, kubeconfig, args, stdin)

const sim = simKubectl

/** a learner with a cluster of `lab` and a kubeconfig file for it */
const learner = (lab: string) => openLearner(origin(), lab)

const ingress = (name: string, host: string, path: string, pathType: string, extra = '') =>
  `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
${extra}spec:
  ingressClassName: nginx
  rules:
  - host: ${host}
    http:
      paths:
      - path: ${path}
        pathType: ${pathType}
        backend:
          service:
            name: web
            port:
              number: 80
`

const API = ingress('api', 'api.example', '/v1', 'Prefix')
const API_AGAIN = ingress('api-copy', 'api.example', '/v1', 'Prefix')
const DOTTED = ingress('dotted', 'dot.example', '/index.html', 'Exact')
// the deprecated class annotation instead of spec.ingressClassName: allowed, with a warning
const ANNOTATED = ingress('legacy', 'legacy.example', '/', 'Prefix')
  .replace('  ingressClassName: nginx\n', '')
  .replace('spec:', 'spec:')
  .replace(
    'metadata:\n  name: legacy\n',
    'metadata:\n  name: legacy\n  annotations:\n    kubernetes.io/ingress.class: nginx\n',
  )

const OTHER_CLASS = `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: other
spec:
  controller: example.com/other
`

describe.skipIf(!HAS_KUBECTL)('the real kubectl and Ingress (needs the kubectl binary)', () => {
  it('prints what the simulated kubectl prints for Ingress writes and reads', async () => {
    const a = await learner('playground')
    const b = await learner('playground')
    const writes: [string[], string, string?][] = [
      [
        ['create', 'deployment', 'web', '--image=nginx', '--port=80'],
        'kubectl create deployment web --image=nginx --port=80',
      ],
      [['expose', 'deployment', 'web', '--port=80'], 'kubectl expose deployment web --port=80'],
      [
        ['create', 'ingress', 'web', '--rule=web.example/*=web:80', '--class=nginx'],
        'kubectl create ingress web --rule=web.example/*=web:80 --class=nginx',
      ],
      [['apply', '-f', '-'], 'kubectl apply -f -', API],
      [['apply', '-f', '-'], 'kubectl apply -f -', API],
      [['apply', '-f', '-'], 'kubectl apply -f -', API_AGAIN],
      [['apply', '-f', '-'], 'kubectl apply -f -', DOTTED],
      [['apply', '-f', '-'], 'kubectl apply -f -', ANNOTATED],
      [
        ['create', 'ingress', 'dup', '--rule=web.example/*=web:80', '--class=nginx'],
        'kubectl create ingress dup --rule=web.example/*=web:80 --class=nginx',
      ],
      [['annotate', 'ingress', 'api', 'team=blue'], 'kubectl annotate ingress api team=blue'],
      [
        [
          'patch',
          'ingress',
          'api',
          '--type=merge',
          '-p',
          '{"spec":{"rules":[{"host":"api.example","http":{"paths":[{"path":"/v2","pathType":"Prefix","backend":{"service":{"name":"web","port":{"number":80}}}}]}}]}}',
        ],
        `kubectl patch ingress api --type=merge -p '{"spec":{"rules":[{"host":"api.example","http":{"paths":[{"path":"/v2","pathType":"Prefix","backend":{"service":{"name":"web","port":{"number":80}}}}]}}]}}'`,
      ],
      [['delete', 'ingress', 'legacy'], 'kubectl delete ingress legacy'],
      [
        [
          'create',
          'ingress',
          'secure',
          '--rule=secure.example/app=web:http,tls=web-tls',
          '--default-backend=web:80',
          '--class=nginx',
          '--annotation=team=red',
        ],
        'kubectl create ingress secure --rule=secure.example/app=web:http,tls=web-tls --default-backend=web:80 --class=nginx --annotation=team=red',
      ],
      [['apply', '-f', '-'], 'kubectl apply -f -', OTHER_CLASS],
    ]
    const failed: string[] = []
    const stderrs: string[] = []
    for (const [args, line, stdin] of writes) {
      const want = await sim(b.c, b.id, line, stdin)
      const got = await real(a.kubeconfig, args, args.includes('-') ? stdin : '')
      expect(got, `kubectl ${args.join(' ')}`).toEqual(want)
      if (got.exitCode !== 0) failed.push(line)
      stderrs.push(got.stderr)
    }
    // what reached the real kubectl: the webhook's warnings and denials, the deprecation warning
    expect(stderrs.join('')).toBe(
      [
        'Error from server (BadRequest): error when creating "STDIN": admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: host "api.example" and path "/v1" is already defined in ingress default/api\n',
        'Warning: path /index.html cannot be used with pathType Exact\n',
        'Error from server (BadRequest): error when creating "STDIN": admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: ingress contains invalid paths: path /index.html cannot be used with pathType Exact\n',
        `Warning: annotation "kubernetes.io/ingress.class" is deprecated, please use 'spec.ingressClassName' instead\n`,
        'error: failed to create ingress: admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: host "web.example" and path "/" is already defined in ingress default/web\n',
      ].join(''),
    )
    // the rows meant to fail, and only those: the webhook's denials
    expect(failed).toEqual([
      'kubectl apply -f -',
      'kubectl apply -f -',
      'kubectl create ingress dup --rule=web.example/*=web:80 --class=nginx',
    ])
    clock = Date.now()
    const reads = [
      'get ing',
      'get ingress -o wide',
      'get ingressclass',
      'get ingressclasses -o wide',
      'describe ingress web',
      'describe ingress api',
      'get ing web -o yaml',
      'get ing secure -o yaml',
      'describe ingress secure',
      'get ingressclass other -o yaml',
      'get ingress api -o json',
      'explain ingress.spec.rules',
      'explain ingressclass.spec',
      'get ing -A',
    ]
    for (const line of reads) {
      const want = maskEventAges(await sim(a.c, a.id, `kubectl ${line}`))
      const got = maskEventAges(await real(a.kubeconfig, line.split(' ')))
      expect(got, `kubectl ${line}`).toEqual(want)
      expect(got.exitCode, `kubectl ${line}: ${got.stderr}`).toBe(0)
      expect(got.stdout, `kubectl ${line}`).not.toBe('')
    }
  }, 240_000)
  it('kubectl get ing -w prints an Ingress created in the lab terminal', async () => {
    const a = await learner('playground')
    clock = Date.now()
    await sim(a.c, a.id, 'kubectl create ingress first --rule=one.example/*=web:80 --class=nginx')
    const w = kubectlUntil(a.kubeconfig, ['get', 'ing', '-w'], (o) => /^watched\s/m.test(o), 45_000)
    await w.started
    const created = await sim(
      a.c,
      a.id,
      'kubectl create ingress watched --rule=w.example/*=web:80 --class=nginx',
    )
    expect(created.stdout).toBe('ingress.networking.k8s.io/watched created\n')
    const out = await w.done
    expect(out.matched).toBe(true)
    const rows = out.stdout.split('\n')
    expect(rows[0]).toMatch(/^NAME\s+CLASS\s+HOSTS\s+ADDRESS\s+PORTS\s+AGE$/)
    expect(rows[1]).toMatch(/^first\s+nginx\s+one\.example\s+(\S+\s+)?80\s+\d+s$/)
    expect(rows[2]).toMatch(/^watched\s+nginx\s+w\.example\s+(\S+\s+)?80\s+\d+s$/)
  }, 60_000)
})
