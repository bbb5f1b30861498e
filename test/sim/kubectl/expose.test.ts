import { describe, expect, test } from 'vitest'
import { lab } from './helpers'
import type { Service } from '../../../worker/sim/objects/types'

describe('kubectl expose (T20)', () => {
  test('a deployment: selector from matchLabels, port from the container', () => {
    const l = lab()
    l.k('create deployment web --image=nginx --port=80')
    expect(l.k('expose deployment web')).toEqual({
      stdout: 'service/web exposed\n',
      stderr: '',
      exitCode: 0,
    })
    const svc = l.ctx.s.objects['Service/default/web'] as Service
    expect(svc.spec.selector).toEqual({ app: 'web' })
    expect(svc.spec.ports).toEqual([{ protocol: 'TCP', port: 80, targetPort: 80 }])
    expect(svc.metadata.labels).toEqual({ app: 'web' })
  })

  test('--port/--target-port/--type/--name and the dry-run object', () => {
    const l = lab()
    l.k('create deployment web --image=nginx')
    const r = l.k(
      'expose deploy web --port=8080 --target-port=80 --type=NodePort --name=web-np --dry-run=client -o yaml',
    )
    expect(r.stdout).toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web-np
spec:
  ports:
  - port: 8080
    protocol: TCP
    targetPort: 80
  selector:
    app: web
  type: NodePort
status:
  loadBalancer: {}
`)
    expect(l.k('expose deploy web --port=8080 --type=LoadBalancer').stdout).toBe(
      'service/web exposed\n',
    )
    expect(l.k('expose deploy web --port=8080')).toEqual({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): services "web" already exists\n',
      exitCode: 1,
    })
  })

  test('a pod: its labels; several container ports get port-N names', () => {
    const l = lab()
    l.k(
      'apply -f -',
      `apiVersion: v1
kind: Pod
metadata:
  name: two
  labels:
    app: two
spec:
  containers:
  - name: a
    image: nginx
    ports:
    - containerPort: 80
    - containerPort: 443
`,
    )
    expect(l.k('expose pod two').stdout).toBe('service/two exposed\n')
    const svc = l.ctx.s.objects['Service/default/two'] as Service
    expect(svc.spec.ports?.map((p) => [p.name, p.port])).toEqual([
      ['port-1', 80],
      ['port-2', 443],
    ])
  })

  test('errors', () => {
    const l = lab()
    l.k('run bare --image=nginx --labels=')
    l.k('create deployment noport --image=nginx')
    expect(l.k('expose deploy noport').stderr).toBe(
      "error: couldn't find port via --port flag or introspection\n",
    )
    expect(l.k('expose deploy nope --port=80').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    )
    expect(l.k('expose node lab-worker --port=80').stderr).toBe('error: cannot expose a Node\n')
    l.k(
      'apply -f -',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nolabels\nspec:\n  containers:\n  - name: a\n    image: nginx\n',
    )
    expect(l.k('expose pod nolabels --port=80').stderr).toBe(
      "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n",
    )
  })
})
