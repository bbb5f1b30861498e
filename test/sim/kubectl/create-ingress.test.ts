// `kubectl create ingress` (INGRESS-FACTS I15-I17): flag syntax, the Exact-vs-Prefix rule for `*`,
// client-side errors, and what the API server says when the generated Ingress is invalid.
import { describe, expect, test } from 'vitest'
import { lab } from './helpers'
import { parse } from 'shell-quote'
import { HAVE_KUBECTL, realKubectl } from './real-kubectl'

const SIMPLE_YAML = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  creationTimestamp: null
  name: simple
spec:
  rules:
  - host: foo.com
    http:
      paths:
      - backend:
          service:
            name: svc1
            port:
              number: 8080
        path: /bar
        pathType: Exact
status:
  loadBalancer: {}
`

/** Lines the real kubectl answers offline; ours must be byte-identical (stdout, stderr, exit). */
const OFFLINE: string[] = [
  'create ingress simple --rule=foo.com/bar=svc1:8080 --dry-run=client -o yaml',
  'create ingress simple --rule=foo.com/bar=svc1:8080 --dry-run=client',
  'create ingress simple --rule=foo.com/bar=svc1:8080 --dry-run=client -o name',
  'create ing web --class=nginx "--rule=foo.example/*=web:80" "--rule=bar.example/api*=api:http" --dry-run=client -o yaml',
  'create ingress web --class=nginx "--rule=foo.example/*=web:80" "--rule=bar.example/api*=api:http" --dry-run=client -o json',
  'create ingress x --default-backend=defaultsvc:http "--rule=foo.com/*=svc:8080,tls=secret1" --dry-run=client -o yaml',
  'create ingress x --default-backend=defaultsvc:http --dry-run=client -o json',
  'create ingress y --rule=/=svc:80 --annotation=a=b --annotation=c= -n dev --dry-run=client -o yaml',
  'create ingress z --rule=a.com/x=s:0,tls --rule=a.com/y=s:1,tls --rule=b.com/=t:2,tls=k "--rule=/p*=u:3,tls=k" --dry-run=client -o json',
  'create ingress m --rule=foo.com/a=s:80 "--rule=foo.com/b*=s:81" --rule=bar.com/c=s:82 --dry-run=client -o yaml',
  'create ingress f --rule=Foo.com/a=svc:80 --dry-run=client -o yaml',
  'create ingress e --dry-run=client',
  'create ingress e --rule=foo.com=svc:80 --dry-run=client',
  'create ingress e --rule=foo.com/a=svc --dry-run=client',
  'create ingress e --rule=foo.com/a=svc:80 --annotation=foo --dry-run=client',
  'create ingress e --default-backend=svc --dry-run=client',
  'create ingress e --default-backend=svc:80:90 --dry-run=client',
  'create ingress --rule=foo.com/a=svc:80 --dry-run=client',
  'create ingress a b --rule=foo.com/a=svc:80 --dry-run=client',
]

describe('kubectl create ingress, offline (--dry-run=client)', () => {
  test("the fact file's simple example, exactly (I16)", () => {
    const r = lab().k('create ingress simple --rule=foo.com/bar=svc1:8080 --dry-run=client -o yaml')
    expect(r).toEqual({ stdout: SIMPLE_YAML, stderr: '', exitCode: 0 })
  })

  test('a trailing * makes Prefix and is dropped; anything else is Exact, even `/`', () => {
    const r = lab().k(
      'create ingress p "--rule=a.example/*=web:80" "--rule=a.example/api*=api:http" --rule=/=root:80 --dry-run=client -o json',
    )
    const paths = (
      JSON.parse(r.stdout) as { spec: { rules: { http: { paths: unknown[] } }[] } }
    ).spec.rules.flatMap((rule) => rule.http.paths)
    expect(paths).toEqual([
      {
        path: '/',
        pathType: 'Prefix',
        backend: { service: { name: 'web', port: { number: 80 } } },
      },
      {
        path: '/api',
        pathType: 'Prefix',
        backend: { service: { name: 'api', port: { name: 'http' } } },
      },
      {
        path: '/',
        pathType: 'Exact',
        backend: { service: { name: 'root', port: { number: 80 } } },
      },
    ])
  })

  test.each([
    [
      'create ingress e',
      'error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)\n',
    ],
    [
      'create ingress e --rule=foo.com=svc:80',
      'error: rule foo.com=svc:80 is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]\n',
    ],
    [
      'create ingress e --rule=foo.com/a=svc',
      'error: rule foo.com/a=svc is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]\n',
    ],
    [
      'create ingress e --default-backend=svc',
      'error: default-backend should be in format servicename:serviceport\n',
    ],
    [
      'create ingress e --rule=/=s:1 --annotation=foo',
      'error: annotation foo is invalid and should be in format key=[value]\n',
    ],
  ])('%s is refused before anything is sent (I17)', (line, stderr) => {
    const l = lab()
    const r = l.k(line)
    expect(r).toEqual({ stdout: '', stderr, exitCode: 1 })
    expect(l.k('get ingress').stderr).toBe('No resources found in default namespace.\n')
  })

  test.skipIf(!HAVE_KUBECTL)('byte for byte as the real kubectl 1.32 (skipped without it)', () => {
    for (const line of OFFLINE) {
      const real = realKubectl(parse(line).map(String))
      expect({ line, ...lab().k(line) }).toEqual({ line, ...real })
    }
  })
})

describe('kubectl create ingress against the cluster', () => {
  test('creates the Ingress and reports it as apply would name it', () => {
    const l = lab()
    expect(l.k('create ingress simple --rule=foo.com/bar=svc1:8080')).toEqual({
      stdout: 'ingress.networking.k8s.io/simple created\n',
      stderr: '',
      exitCode: 0,
    })
    expect(l.k('get ing simple -o jsonpath={.spec.rules[0].http.paths[0].pathType}').stdout).toBe(
      'Exact',
    )
  })

  test('the client lets a bad host through; the server refuses it, wrapped (I1, I5, I17)', () => {
    const r = lab().k('create ingress bad --rule=Foo.com/a=svc:80')
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(
      `error: failed to create ingress: Ingress.networking.k8s.io "bad" is invalid: spec.rules[0].host: Invalid value: "Foo.com": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n`,
    )
    expect(r.exitCode).toBe(1)
  })

  test('a second create of the same name is AlreadyExists, wrapped', () => {
    const l = lab()
    l.k('create ingress a --rule=/=s:80')
    expect(l.k('create ingress a --rule=/=s:80').stderr).toBe(
      'error: failed to create ingress: ingresses.networking.k8s.io "a" already exists\n',
    )
  })

  test('--dry-run=server validates without storing', () => {
    const l = lab()
    expect(l.k('create ingress a --rule=/=s:80 --dry-run=server').stdout).toBe(
      'ingress.networking.k8s.io/a created (server dry run)\n',
    )
    expect(l.k('get ing').stderr).toBe('No resources found in default namespace.\n')
  })

  test('`get all` leaves Ingresses out (not in the "all" category); `get ing` lists them', () => {
    const l = lab()
    l.k('create deployment web --image=nginx')
    l.k('create ingress a --rule=/=web:80')
    expect(l.k('get all -o name').stdout).not.toContain('ingress')
    expect(l.k('get all,ing -o name').stdout).toContain('ingress.networking.k8s.io/a\n')
    expect(l.k('get ingresses.networking.k8s.io -o name').stdout).toBe(
      'ingress.networking.k8s.io/a\n',
    )
  })
})
