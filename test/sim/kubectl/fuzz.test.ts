import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { lab } from './helpers'
import { kubectl } from '../../../worker/sim/kubectl'

const WORDS = [
  'get',
  'apply',
  'create',
  'delete',
  'expose',
  'run',
  'scale',
  'label',
  'annotate',
  'set',
  'image',
  'rollout',
  'status',
  'history',
  'undo',
  'restart',
  'exec',
  'logs',
  'port-forward',
  'explain',
  'api-resources',
  'version',
  'cluster-info',
  'config',
  'view',
  'edit',
  'wait',
  'top',
  'help',
  'deployment',
  'service',
  'nodeport',
  'clusterip',
  'namespace',
  'pod',
  'svc',
  'deploy/web',
  'svc/web',
  'pod/x',
  'ingress',
  'ing',
  'ingressclass',
  '--rule=/=web:80',
  '--rule=a.b/*=web:http,tls=s',
  '--class=nginx',
  '--default-backend=web:80',
  '--annotation=a=b',
  'secret',
  'configmap',
  'cm',
  'generic',
  'tls',
  '--from-literal=a=b',
  '--from-file=f',
  '--from-env-file=f',
  '--cert=c',
  '--key=k',
  '--type=kubernetes.io/tls',
  'web',
  'x',
  '-',
  '--',
  '-n',
  'dev',
  '-o',
  'yaml',
  'json',
  'name',
  'wide',
  '-f',
  '-l',
  'app=web',
  '--all',
  '--image=nginx',
  '--port=80',
  '--replicas=2',
  '--tcp=80:8080',
  '--dry-run=client',
  '--force',
  '--grace-period=0',
  '-it',
  '-c',
  'nginx',
  '8080:80',
  'app=x',
  'app-',
  '--overwrite',
  '--to-revision=1',
  '--for=condition=Ready',
  'svc.spec.ports',
  '-A',
  '--expose',
  '--rm',
  '--command',
  'sleep',
  '3600',
  '--selector',
  '',
  '=',
  '-oyaml',
  '-nx',
]

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx
        ports:
        - containerPort: 80
`

describe('kubectl never throws', () => {
  test('random argv from kubectl words', () => {
    const l = lab()
    l.k('apply -f -', MANIFEST)
    l.k('expose deploy web --port=80')
    l.advance(30_000)
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }),
        fc.string({ maxLength: 40 }),
        (argv, stdin) => {
          const r = kubectl(l.ctx, argv, stdin, {})
          expect(typeof r.stdout).toBe('string')
          expect(typeof r.stderr).toBe('string')
          expect(Number.isInteger(r.exitCode)).toBe(true)
        },
      ),
      { numRuns: 400 },
    )
  })

  test('arbitrary strings as argv', () => {
    const l = lab()
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 6 }), (argv) => {
        const r = kubectl(l.ctx, argv, '', {})
        expect(Number.isInteger(r.exitCode)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
