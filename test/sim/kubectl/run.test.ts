import { describe, expect, test } from 'vitest'
import { lab } from './helpers'
import type { Pod, Service } from '../../../worker/sim/objects/types'

describe('kubectl run (T19)', () => {
  test('the pod kubectl builds (--dry-run=client -o yaml)', () => {
    expect(lab().k('run x --image=nginx --dry-run=client -o yaml')).toEqual({
      stdout: `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: x
  name: x
spec:
  containers:
  - image: nginx
    name: x
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`,
      stderr: '',
      exitCode: 0,
    })
  })

  test('--command, args, --env, --port, --labels, --restart', () => {
    const { k, ctx } = lab()
    expect(
      k(
        'run c --image=busybox --labels=app=c,tier=x --env=A=1 --env=B=2 --port=8080 --restart=Never --command -- sleep 3600',
      ),
    ).toEqual({
      stdout: 'pod/c created\n',
      stderr: '',
      exitCode: 0,
    })
    const pod = ctx.s.objects['Pod/default/c'] as Pod
    expect(pod.metadata.labels).toEqual({ app: 'c', tier: 'x' })
    const c = pod.spec.containers[0]
    expect(c?.command).toEqual(['sleep', '3600'])
    expect(c?.env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
    ])
    expect(c?.ports).toEqual([{ containerPort: 8080, protocol: 'TCP' }])
    expect(pod.spec.restartPolicy).toBe('Never')
    k('run d --image=busybox -- echo hi')
    expect((ctx.s.objects['Pod/default/d'] as Pod).spec.containers[0]?.args).toEqual(['echo', 'hi'])
  })

  test('--expose creates the service first', () => {
    const { k, ctx } = lab()
    expect(k('run web --image=nginx --port=80 --expose').stdout).toBe(
      'service/web created\npod/web created\n',
    )
    expect((ctx.s.objects['Service/default/web'] as Service).spec.selector).toEqual({ run: 'web' })
  })

  test('errors', () => {
    const { k } = lab()
    k('run x --image=nginx')
    expect(k('run x --image=nginx')).toEqual({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): pods "x" already exists\n',
      exitCode: 1,
    })
    expect(k('run y --image=Nginx').stderr).toBe(
      'error: Invalid image name "Nginx": invalid reference format\n',
    )
    expect(k('run y --image=nginx --expose').stderr).toBe(
      "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n",
    )
    expect(k('run y --image=nginx --rm').stderr).toBe(
      "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n",
    )
    expect(k('run y --image=nginx -t').stderr).toBe(
      "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n",
    )
    expect(k('run y --image=nginx --restart=Sometimes').stderr).toBe(
      "error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples\n",
    )
    expect(k('run --image=nginx').stderr).toBe(
      "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n",
    )
    expect(k('run y --image=nginx --env=1A=b').stderr).toBe('error: invalid env: 1A=b\n')
    expect(k('run y --image=nginx -it --dry-run=client').stderr).toBe(
      "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n",
    )
  })

  test('--rm -it with a shell: the pod is made and removed, and the terminal says why no shell opened', () => {
    const { k, ctx } = lab()
    const r = k('run tmp --rm -it --image=busybox --restart=Never -- sh')
    expect(r.stdout).toBe('pod "tmp" deleted\n')
    expect(r.stderr).toContain(
      'Interactive terminals are not available in this lab terminal: pod/tmp was created',
    )
    expect(ctx.changed.map((c) => `${c.name} ${c.op}`)).toEqual(['tmp created', 'tmp deleted'])
  })
})
