// What the API server does around an Ingress write besides validation: kubectl's rendering of
// the causes (I1), the DefaultIngressClass plugin (I10), and ingress-nginx's admission webhook
// (I28) once the controller is installed: overlap, strict paths, warnings, failing closed.
import { describe, expect, test } from 'vitest'
import { newCluster, run, type ClusterState } from '../../../worker/sim'
import { installIngressNginx } from '../../../worker/sim/addons/ingress-nginx'
import { settle } from '../../../worker/sim/controllers/settle'

const T0 = Date.UTC(2026, 11, 6, 2, 0, 0)

const ing = (name: string, host: string, path: string, pathType = 'Prefix', extra = '') =>
  `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
${extra}spec:
  ingressClassName: nginx
  rules:
  - host: "${host}"
    http:
      paths:
      - path: ${path}
        pathType: ${pathType}
        backend: {service: {name: web, port: {number: 80}}}
`

/** A cluster; with the controller installed and its pod Ready two minutes later if asked. */
function cluster(withController: boolean) {
  let s: ClusterState = newCluster(5, T0)
  let now = T0
  if (withController) {
    installIngressNginx(s, now)
    for (let i = 0; i < 8; i++) settle(s, (now += 15_000))
  }
  const sh = (line: string, stdin = '') => {
    const r = run(s, line, { now: (now += 1000), stdin })
    s = r.state
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
  }
  return { sh }
}

const WEBHOOK = 'admission webhook "validate.nginx.ingress.kubernetes.io" denied the request'

describe('kubectl apply renders Ingress validation as the API server returns it (I1)', () => {
  test('one cause on one line', () => {
    const { sh } = cluster(false)
    expect(sh('kubectl apply -f -', ing('web', 'foo.example', '/', 'prefix'))).toEqual({
      stdout: '',
      stderr:
        'The Ingress "web" is invalid: spec.rules[0].http.paths[0].pathType: Unsupported value: "prefix": supported values: "Exact", "ImplementationSpecific", "Prefix"\n',
      exitCode: 1,
    })
  })

  test('several causes as a bullet list after a trailing space', () => {
    const { sh } = cluster(false)
    expect(sh('kubectl apply -f -', ing('web', '172.18.255.200', 'app')).stderr).toBe(
      'The Ingress "web" is invalid: \n' +
        '* spec.rules[0].host: Invalid value: "172.18.255.200": must be a DNS name, not an IP address\n' +
        '* spec.rules[0].http.paths[0].path: Invalid value: "app": must be an absolute path\n',
    )
  })
})

describe('manifests from older tutorials', () => {
  test('networking.k8s.io/v1beta1 and extensions/v1beta1 are not served in 1.32', () => {
    const { sh } = cluster(false)
    for (const v of ['networking.k8s.io/v1beta1', 'extensions/v1beta1'])
      expect(
        sh('kubectl apply -f -', ing('web', 'a.example', '/').replace('networking.k8s.io/v1', v)),
      ).toEqual({
        stdout: '',
        stderr: `error: resource mapping not found for name: "web" namespace: "" from "STDIN": no matches for kind "Ingress" in version "${v}"\nensure CRDs are installed first\n`,
        exitCode: 1,
      })
  })

  test('v1beta1 backend fields under v1 fail strict decoding (I9)', () => {
    const { sh } = cluster(false)
    const old = ing('web', 'a.example', '/').replace(
      'backend: {service: {name: web, port: {number: 80}}}',
      'backend: {serviceName: web, servicePort: 80}',
    )
    expect(sh('kubectl apply -f -', old).stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Ingress in version "v1" cannot be handled as a Ingress: strict decoding error: unknown field "spec.rules[0].http.paths[0].backend.serviceName", unknown field "spec.rules[0].http.paths[0].backend.servicePort"\n',
    )
  })
})

describe('DefaultIngressClass admission (I10)', () => {
  const defaultClass = (name: string) => `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: ${name}
  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
spec:
  controller: k8s.io/ingress-nginx
`
  const classless = (name: string, extra = '') =>
    ing(name, 'a.example', '/', 'Prefix', extra).replace('  ingressClassName: nginx\n', '')
  const cls = (sh: (l: string) => { stdout: string }, name: string) =>
    sh(`kubectl get ing ${name} -o jsonpath={.spec.ingressClassName}`).stdout

  test('with no default class the field stays unset', () => {
    const { sh } = cluster(false)
    sh('kubectl apply -f -', classless('a'))
    expect(sh('kubectl get ing a').stdout).toContain('a      <none>   a.example')
  })

  test('a create gets the default class; the annotation opts out; updates never default', () => {
    const { sh } = cluster(false)
    sh('kubectl apply -f -', classless('before'))
    sh('kubectl apply -f -', defaultClass('std'))
    sh('kubectl apply -f -', classless('after'))
    sh(
      'kubectl apply -f -',
      classless('legacy', '  annotations: {kubernetes.io/ingress.class: x}\n'),
    )
    sh('kubectl label ing before touched=yes')
    expect([cls(sh, 'before'), cls(sh, 'after'), cls(sh, 'legacy')]).toEqual(['', 'std', ''])
  })

  test('the value must be exactly "true"', () => {
    const { sh } = cluster(false)
    sh('kubectl apply -f -', defaultClass('std').replace('"true"', '"True"'))
    sh('kubectl apply -f -', classless('a'))
    expect(cls(sh, 'a')).toBe('')
  })
})

describe('the ingress-nginx admission webhook (I28)', () => {
  test('the same host and path in a second Ingress is denied, naming the first', () => {
    const { sh } = cluster(true)
    expect(sh('kubectl apply -f -', ing('web', 'foo.example', '/')).stdout).toBe(
      'ingress.networking.k8s.io/web created\n',
    )
    expect(sh('kubectl apply -f -', ing('web2', 'foo.example', '/'))).toEqual({
      stdout: '',
      stderr: `Error from server (BadRequest): error when creating "STDIN": ${WEBHOOK}: host "foo.example" and path "/" is already defined in ingress default/web\n`,
      exitCode: 1,
    })
    expect(sh('kubectl get ing web2').stderr).toBe(
      'Error from server (NotFound): ingresses.networking.k8s.io "web2" not found\n',
    )
  })

  test('ImplementationSpecific counts as Prefix; another pathType or host does not clash', () => {
    const { sh } = cluster(true)
    sh('kubectl apply -f -', ing('web', 'foo.example', '/api'))
    expect(
      sh('kubectl apply -f -', ing('b', 'foo.example', '/api', 'ImplementationSpecific')).stderr,
    ).toBe(
      `Error from server (BadRequest): error when creating "STDIN": ${WEBHOOK}: host "foo.example" and path "/api" is already defined in ingress default/web\n`,
    )
    expect(sh('kubectl apply -f -', ing('c', 'foo.example', '/api', 'Exact')).exitCode).toBe(0)
    expect(sh('kubectl apply -f -', ing('d', 'bar.example', '/api')).exitCode).toBe(0)
  })

  test('host-less rules clash on host "_"', () => {
    const { sh } = cluster(true)
    sh('kubectl apply -f -', ing('a', '', '/'))
    expect(sh('kubectl apply -f -', ing('b', '', '/')).stderr).toContain(
      `${WEBHOOK}: host "_" and path "/" is already defined in ingress default/a\n`,
    )
  })

  test('re-applying the same Ingress (an update) is not an overlap with itself', () => {
    const { sh } = cluster(true)
    sh('kubectl apply -f -', ing('web', 'foo.example', '/'))
    const r = sh(
      'kubectl apply -f -',
      ing('web', 'foo.example', '/', 'Prefix', '  labels: {v: "2"}\n'),
    )
    expect(r.stdout).toBe('ingress.networking.k8s.io/web configured\n')
  })

  test('an Exact or Prefix path with a dot is denied, with the warning first', () => {
    const { sh } = cluster(true)
    expect(sh('kubectl apply -f -', ing('web', 'foo.example', '/index.html', 'Exact'))).toEqual({
      stdout: '',
      stderr:
        'Warning: path /index.html cannot be used with pathType Exact\n' +
        `Error from server (BadRequest): error when creating "STDIN": ${WEBHOOK}: ingress contains invalid paths: path /index.html cannot be used with pathType Exact\n`,
      exitCode: 1,
    })
    expect(
      sh('kubectl apply -f -', ing('web', 'foo.example', '/index.html', 'ImplementationSpecific'))
        .exitCode,
    ).toBe(0)
  })

  test('other classes are not checked, but still get the warning', () => {
    const { sh } = cluster(true)
    sh('kubectl apply -f -', ing('web', 'foo.example', '/'))
    const other = ing('x', 'foo.example', '/x.y').replace(
      'ingressClassName: nginx',
      'ingressClassName: other',
    )
    expect(sh('kubectl create -f -', other)).toEqual({
      stdout: 'ingress.networking.k8s.io/x created\n',
      stderr: 'Warning: path /x.y cannot be used with pathType Prefix\n',
      exitCode: 0,
    })
    const classless = ing('plain', 'foo.example', '/').replace('  ingressClassName: nginx\n', '')
    expect(sh('kubectl apply -f -', classless).stderr).toBe('')
  })

  test('kubectl create ingress wraps the denial', () => {
    const { sh } = cluster(true)
    sh('kubectl create ingress a --class=nginx "--rule=foo.example/*=web:80"')
    expect(sh('kubectl create ingress b --class=nginx "--rule=foo.example/*=web:80"').stderr).toBe(
      `error: failed to create ingress: ${WEBHOOK}: host "foo.example" and path "/" is already defined in ingress default/a\n`,
    )
  })

  test('two Exact / on one host both pass: upstream compares only with the first location at a path', () => {
    // getBackendServers stops at the server's own Prefix `/` location (another pathType) and
    // adds each Exact `/`, so checkOverlap finds the new Ingress itself and allows it
    const { sh } = cluster(true)
    sh('kubectl create ingress a --class=nginx --rule=foo.example/=web:80')
    expect(sh('kubectl create ingress b --class=nginx --rule=foo.example/=web:80').exitCode).toBe(0)
  })

  test('only the first path another Ingress owns decides, as upstream checkOverlap returns early', () => {
    const { sh } = cluster(true)
    sh('kubectl create ingress a --class=nginx "--rule=foo.example/x*=web:80"')
    const second =
      'kubectl create ingress b --class=nginx "--rule=foo.example/new*=web:80" "--rule=foo.example/x*=web:80"'
    expect(sh(second).exitCode).toBe(0)
  })

  test('snippet annotations are refused (allow-snippet-annotations is off)', () => {
    const { sh } = cluster(true)
    const extra =
      '  annotations: {nginx.ingress.kubernetes.io/configuration-snippet: "return 200;"}\n'
    expect(
      sh('kubectl apply -f -', ing('web', 'foo.example', '/', 'Prefix', extra)).stderr,
    ).toContain(
      `${WEBHOOK}: nginx.ingress.kubernetes.io/configuration-snippet annotation cannot be used. Snippet directives are disabled by the Ingress administrator\n`,
    )
  })

  test('without a Ready controller pod the webhook cannot be called and every write fails', () => {
    const { sh } = cluster(true)
    sh('kubectl scale deploy ingress-nginx-controller -n ingress-nginx --replicas=0')
    sh('sleep 40')
    expect(sh('kubectl apply -f -', ing('web', 'foo.example', '/')).stderr).toBe(
      'Error from server (InternalError): error when creating "STDIN": Internal error occurred: failed calling webhook "validate.nginx.ingress.kubernetes.io": failed to call webhook: Post "https://ingress-nginx-controller-admission.ingress-nginx.svc:443/networking/v1/ingresses?timeout=10s": no endpoints available for service "ingress-nginx-controller-admission"\n',
    )
  })

  test('validation comes first: an invalid Ingress is never sent to the webhook', () => {
    const { sh } = cluster(true)
    sh('kubectl apply -f -', ing('web', 'foo.example', '/'))
    expect(sh('kubectl apply -f -', ing('web2', 'foo.example', '/', 'prefix')).stderr).toMatch(
      /^The Ingress "web2" is invalid: /,
    )
  })
})

describe('the legacy class annotation (strategy warnings, I7)', () => {
  const legacy = (name: string, cls: string, field = '') =>
    ing(
      name,
      'a.example',
      '/',
      'Prefix',
      `  annotations: {kubernetes.io/ingress.class: ${cls}}\n`,
    ).replace('  ingressClassName: nginx\n', field)

  test('alone it is accepted with the deprecation warning, on create only', () => {
    const { sh } = cluster(false)
    expect(sh('kubectl apply -f -', legacy('a', 'nginx'))).toEqual({
      stdout: 'ingress.networking.k8s.io/a created\n',
      stderr:
        'Warning: annotation "kubernetes.io/ingress.class" is deprecated, please use \'spec.ingressClassName\' instead\n',
      exitCode: 0,
    })
    const again = sh(
      'kubectl apply -f -',
      legacy('a', 'nginx').replace('name: a', 'name: a\n  labels: {v: "2"}'),
    )
    expect(again).toEqual({
      stdout: 'ingress.networking.k8s.io/a configured\n',
      stderr: '',
      exitCode: 0,
    })
  })

  test('with an equal ingressClassName it is allowed quietly; a different one is invalid', () => {
    const { sh } = cluster(false)
    expect(sh('kubectl apply -f -', legacy('a', 'nginx', '  ingressClassName: nginx\n'))).toEqual({
      stdout: 'ingress.networking.k8s.io/a created\n',
      stderr: '',
      exitCode: 0,
    })
    expect(sh('kubectl apply -f -', legacy('b', 'x', '  ingressClassName: nginx\n')).stderr).toBe(
      'The Ingress "b" is invalid: annotations.kubernetes.io/ingress.class: Invalid value: "x": must match `ingressClassName` when both are specified\n',
    )
  })

  test('an annotation-class Ingress is served, so the webhook checks it: both warnings, then the denial', () => {
    const { sh } = cluster(true)
    sh('kubectl apply -f -', ing('web', 'a.example', '/'))
    expect(sh('kubectl apply -f -', legacy('old', 'nginx'))).toEqual({
      stdout: '',
      stderr:
        'Warning: annotation "kubernetes.io/ingress.class" is deprecated, please use \'spec.ingressClassName\' instead\n' +
        `Error from server (BadRequest): error when creating "STDIN": ${WEBHOOK}: host "a.example" and path "/" is already defined in ingress default/web\n`,
      exitCode: 1,
    })
  })
})
