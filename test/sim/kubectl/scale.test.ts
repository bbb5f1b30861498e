import { describe, expect, test } from 'vitest'
import { lab } from './helpers'

describe('kubectl scale (T16)', () => {
  test('scales a deployment and the controllers follow', () => {
    const l = lab()
    l.k('create deployment web --image=nginx')
    expect(l.k('scale deployment web --replicas=3')).toEqual({
      stdout: 'deployment.apps/web scaled\n',
      stderr: '',
      exitCode: 0,
    })
    const pods = Object.values(l.ctx.s.objects).filter(
      (o) => o.kind === 'Pod' && o.metadata.name.startsWith('web-'),
    )
    expect(pods.length).toBe(3)
    expect(l.k('scale deploy/web --replicas=1 --dry-run=client').stdout).toBe(
      'deployment.apps/web scaled (dry run)\n',
    )
    expect(l.k('scale deploy/web --replicas=1 -o name').stdout).toBe('deployment.apps/web\n')
  })

  test('errors', () => {
    const l = lab()
    l.k('create deployment web --image=nginx')
    l.k('create service clusterip web --tcp=80')
    expect(l.k('scale deploy web --replicas=-1').stderr).toBe(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    )
    expect(l.k('scale deploy nope --replicas=2').stderr).toBe(
      'error: no objects passed to scale deployments.apps "nope" not found\n',
    )
    expect(l.k('scale svc web --replicas=2').stderr).toBe(
      'Error from server (NotFound): the server could not find the requested resource\n',
    )
    expect(l.k('scale deploy web --replicas=2 --current-replicas=5').stderr).toBe(
      'error: Expected replicas to be 5, was 1\n',
    )
  })
})
