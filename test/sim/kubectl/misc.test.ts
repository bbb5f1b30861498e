import { describe, expect, test } from 'vitest'
import { lab } from './helpers'
import { HAVE_KUBECTL, realKubectl } from './real-kubectl'

describe('information verbs', () => {
  test('version', () => {
    const { k } = lab()
    expect(k('version')).toEqual({
      stdout: 'Client Version: v1.32.2\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n',
      stderr: '',
      exitCode: 0,
    })
    expect(k('version --client').stdout).toBe(
      'Client Version: v1.32.2\nKustomize Version: v5.5.0\n',
    )
    expect(JSON.parse(k('version -o json').stdout).serverVersion.gitVersion).toBe('v1.32.2')
  })

  test('cluster-info', () => {
    expect(lab().k('cluster-info')).toEqual({
      stdout:
        "Kubernetes control plane is running at https://127.0.0.1:6443\nCoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
      stderr: '',
      exitCode: 0,
    })
  })

  test('api-resources and api-versions', () => {
    const { k } = lab()
    expect(k('api-resources').stdout)
      .toBe(`NAME                       SHORTNAMES   APIVERSION                 NAMESPACED   KIND
configmaps                 cm           v1                         true         ConfigMap
endpoints                  ep           v1                         true         Endpoints
events                     ev           v1                         true         Event
namespaces                 ns           v1                         false        Namespace
nodes                      no           v1                         false        Node
pods                       po           v1                         true         Pod
secrets                                 v1                         true         Secret
services                   svc          v1                         true         Service
deployments                deploy       apps/v1                    true         Deployment
replicasets                rs           apps/v1                    true         ReplicaSet
selfsubjectreviews                      authentication.k8s.io/v1   false        SelfSubjectReview
selfsubjectaccessreviews                authorization.k8s.io/v1    false        SelfSubjectAccessReview
selfsubjectrulesreviews                 authorization.k8s.io/v1    false        SelfSubjectRulesReview
endpointslices                          discovery.k8s.io/v1        true         EndpointSlice
ingressclasses                          networking.k8s.io/v1       false        IngressClass
ingresses                  ing          networking.k8s.io/v1       true         Ingress
`)
    expect(k('api-resources --namespaced=false -o name').stdout).toBe(
      'namespaces\nnodes\nselfsubjectreviews.authentication.k8s.io\n' +
        'selfsubjectaccessreviews.authorization.k8s.io\nselfsubjectrulesreviews.authorization.k8s.io\n' +
        'ingressclasses.networking.k8s.io\n',
    )
    expect(k('api-versions').stdout).toBe(
      'apps/v1\nauthentication.k8s.io/v1\nauthorization.k8s.io/v1\ndiscovery.k8s.io/v1\nnetworking.k8s.io/v1\nv1\n',
    )
  })

  test('config', () => {
    const { k } = lab()
    expect(k('config current-context').stdout).toBe('kind-lab\n')
    expect(k('config get-contexts').stdout).toBe(
      'CURRENT   NAME       CLUSTER    AUTHINFO   NAMESPACE\n*         kind-lab   kind-lab   kind-lab   \n',
    )
    expect(k('config view').stdout).toContain(
      'current-context: kind-lab\nkind: Config\npreferences: {}\n',
    )
    expect(k('config use-context other').stderr).toBe(
      'error: no context exists with the name: "other"\n',
    )
    expect(k('config use-context kind-lab').stdout).toBe('Switched to context "kind-lab".\n')
    k('create namespace dev')
    expect(k('config set-context --current --namespace=dev').stdout).toBe(
      'Context "kind-lab" modified.\n',
    )
    expect(k('create deployment web --image=nginx').stdout).toBe('deployment.apps/web created\n')
    expect(k('get deploy -o name').stdout).toBe('deployment.apps/web\n')
    expect(k('get deploy -n default').stderr).toBe('No resources found in default namespace.\n')
    expect(k('config get-contexts').stdout).toContain('kind-lab   dev\n')
  })

  test('edit, top, wait', () => {
    const l = lab()
    expect(l.k('edit svc kubernetes').stderr).toMatch(
      /^error: "kubectl edit" opens a text editor, which this web terminal does not have\./,
    )
    expect(l.k('top pod')).toEqual({
      stdout: '',
      stderr: 'error: Metrics API not available\n',
      exitCode: 1,
    })
    expect(l.k('top').stderr).toMatch(/^Display resource \(CPU\/memory\) usage\./)
    l.k('run x --image=nginx')
    expect(l.k('wait --for=condition=Ready pod/x').stderr).toBe(
      'error: timed out waiting for the condition on pods/x\n',
    )
    // the resource without its group (wait/condition.go extendErrWaitTimeout)
    l.k('create deployment web --image=nginx')
    expect(l.k('wait --for=condition=Available deploy/web --timeout=1s').stderr).toBe(
      'error: timed out waiting for the condition on deployments/web\n',
    )
    l.advance(30_000)
    expect(l.k('wait --for=condition=Ready pod/x')).toEqual({
      stdout: 'pod/x condition met\n',
      stderr: '',
      exitCode: 0,
    })
    expect(l.k('wait --for=jsonpath={.status.phase}=Running pod/x').stdout).toBe(
      'pod/x condition met\n',
    )
  })

  test('get and describe are reached with the parsed flags', () => {
    const { k } = lab()
    expect(k('-n kube-system get svc kube-dns -o jsonpath={.spec.clusterIP}').stdout).toBe(
      '10.96.0.10',
    )
    expect(k('describe svc kubernetes').stdout).toMatch(/^Name: {21}kubernetes\n/)
  })

  test.skipIf(!HAVE_KUBECTL)('kubectl options as the real one (skipped without it)', () => {
    expect(lab().k('options').stdout).toBe(realKubectl(['options']).stdout)
  })
})

describe('kubeconfig flags', () => {
  test('--context other than kind-lab', () => {
    const { k } = lab()
    expect(k('get po --context=foo')).toEqual({
      stdout: '',
      stderr: 'Error in configuration: context was not found for specified context: foo\n',
      exitCode: 1,
    })
    expect(k('--context kind-lab version --client').exitCode).toBe(0)
  })
})

describe('kubectl events', () => {
  test('--for narrows to one object and --types to a type', () => {
    const l = lab()
    l.k('run x --image=nginx')
    l.k('run y --image=nosuchimage')
    l.advance(30_000)
    const all = l.k('events').stdout
    // a repeated event's LAST SEEN says how often since when (events.go getInterval)
    expect(all).toMatch(/^LAST SEEN {10}TYPE {6}REASON {6}OBJECT {3}MESSAGE\n/)
    expect(all).toMatch(/^\d+s \(x2 over \d+s\) +Normal +Pulling +Pod\/y /m)
    const y = l.k('events --for=pod/y').stdout.split('\n').filter(Boolean).slice(1)
    expect(y.length).toBeGreaterThan(0)
    expect(y.every((line) => line.includes('Pod/y'))).toBe(true)
    const warnings = l.k('events --types=Warning').stdout.split('\n').filter(Boolean).slice(1)
    expect(warnings.every((line) => line.includes('Warning'))).toBe(true)
  })
})

describe('flag shadowing', () => {
  test('config set-context has its own --namespace, so -n is unknown there (kubectl 1.32)', () => {
    expect(lab().k('config set-context --current -n dev')).toEqual({
      stdout: '',
      stderr:
        "Error: unknown shorthand flag: 'n' in -n\nSee 'kubectl config set-context --help' for usage.\n",
      exitCode: 1,
    })
  })
})
