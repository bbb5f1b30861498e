import { describe, expect, test } from 'vitest'
import { lab, out } from './helpers'

function withWeb() {
  const l = lab()
  l.k('create deployment web --image=nginx --replicas=2')
  l.k('expose deployment web --port=80')
  l.k('run client --image=busybox --command -- sleep 3600')
  l.advance(30_000)
  return l
}

const podNames = (l: ReturnType<typeof lab>, prefix: string) =>
  Object.values(l.ctx.s.objects)
    .filter(
      (o) =>
        o.kind === 'Pod' && o.metadata.name.startsWith(prefix) && !o.metadata.deletionTimestamp,
    )
    .map((o) => o.metadata.name)

describe('kubectl delete (T15)', () => {
  test('names, TYPE/NAME and kinds with groups', () => {
    const l = withWeb()
    expect(l.k('delete svc web')).toEqual({
      stdout: 'service "web" deleted\n',
      stderr: '',
      exitCode: 0,
    })
    expect(l.k('delete deploy/web')).toEqual({
      stdout: 'deployment.apps "web" deleted\n',
      stderr: '',
      exitCode: 0,
    })
    expect(l.k('delete pod client')).toEqual({
      stdout: 'pod "client" deleted\n',
      stderr: '',
      exitCode: 0,
    })
    expect(
      l.ctx.changed.filter((c) => c.op === 'deleted').map((c) => `${c.kind}/${c.name}`),
    ).toEqual(['Service/web', 'Deployment/web', 'Pod/client'])
  })

  test('NotFound per object, the others still deleted; --ignore-not-found', () => {
    const l = withWeb()
    expect(l.k('delete svc nope web')).toEqual({
      stdout: 'service "web" deleted\n',
      stderr: 'Error from server (NotFound): services "nope" not found\n',
      exitCode: 1,
    })
    expect(l.k('delete svc nope --ignore-not-found')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
    expect(l.k('delete deployment nope').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    )
  })

  test('-l and --all', () => {
    const l = withWeb()
    const names = podNames(l, 'web-')
    expect(names.length).toBe(2)
    expect(l.k('delete pod -l app=web').stdout).toBe(
      names.map((n) => `pod "${n}" deleted\n`).join(''),
    )
    expect(l.k('delete svc -l app=nothing')).toEqual({
      stdout: 'No resources found\n',
      stderr: '',
      exitCode: 0,
    })
    const all = l.k('delete svc --all')
    expect(all.stdout).toBe('service "kubernetes" deleted\nservice "web" deleted\n')
  })

  test('--grace-period=0 --force warns and says force deleted; --now; conflicts', () => {
    const l = withWeb()
    // out(): the streams and exit code (the order of the two is output-order.test.ts's)
    expect(out(l.k('delete pod client --grace-period=0 --force'))).toEqual({
      stdout: 'pod "client" force deleted\n',
      stderr:
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      exitCode: 0,
    })
    expect(l.ctx.s.objects['Pod/default/client']).toBeUndefined()
    expect(l.k('delete pod x --now --grace-period=5').stderr).toBe(
      'error: --now and --grace-period cannot be specified together\n',
    )
    expect(l.k('delete pod x --force --grace-period=5').stderr).toBe(
      'error: --force and --grace-period greater than 0 cannot be specified together\n',
    )
    expect(l.k('delete pod x -o yaml').stderr).toBe(
      "error: unexpected -o output mode: yaml. We only support '-o name'\n",
    )
  })

  test('argument errors as the resource builder words them', () => {
    const { k } = lab()
    expect(k('delete pods').stderr).toBe(
      'error: resource(s) were provided, but no name was specified\n',
    )
    expect(k('delete foo x').stderr).toBe('error: the server doesn\'t have a resource type "foo"\n')
    expect(k('delete pod/x y').stderr).toBe(
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
    )
    expect(k('delete pod x -l a=b').stderr).toBe(
      'error: name cannot be provided when a selector is specified\n',
    )
    expect(k('delete pod --all -l a=b').stderr).toBe(
      'error: cannot set --all and --selector at the same time\n',
    )
  })

  test('-f - deletes what the manifest names; dry runs and -o name', () => {
    const l = withWeb()
    const svc =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n'
    expect(l.k('delete -f - --dry-run=client', svc).stdout).toBe(
      'service "web" deleted (dry run)\n',
    )
    expect(l.k('delete -f - --dry-run=server', svc).stdout).toBe(
      'service "web" deleted (server dry run)\n',
    )
    expect(l.ctx.s.objects['Service/default/web']).toBeDefined()
    expect(l.k('delete -f - -o name', svc).stdout).toBe('service/web\n')
    expect(l.k('delete -f -', svc)).toEqual({
      stdout: '',
      stderr:
        'Error from server (NotFound): error when deleting "STDIN": services "web" not found\n',
      exitCode: 1,
    })
  })
})
