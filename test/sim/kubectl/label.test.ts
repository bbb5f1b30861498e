import { describe, expect, test } from 'vitest'
import { lab } from './helpers'

describe('kubectl label / annotate', () => {
  test('labeled, overwrite rules, removal, not labeled', () => {
    const { k, ctx } = lab()
    k('run x --image=nginx')
    expect(k('label pod x tier=web')).toEqual({
      stdout: 'pod/x labeled\n',
      stderr: '',
      exitCode: 0,
    })
    expect(k('label pod x tier=db')).toEqual({
      stdout: '',
      stderr: "error: 'tier' already has a value (web), and --overwrite is false\n",
      exitCode: 1,
    })
    expect(k('label pod x tier=db --overwrite').stdout).toBe('pod/x labeled\n')
    expect(k('label pod x tier-').stdout).toBe('pod/x unlabeled\n')
    expect(k('label pod x nope-').stdout).toBe('label "nope" not found.\npod/x not labeled\n')
    expect(k('label pod/x run=x').stdout).toBe('pod/x not labeled\n')
    expect(ctx.s.objects['Pod/default/x']?.metadata.labels).toEqual({ run: 'x' })
  })

  test('--all, -l, --list and argument errors', () => {
    const { k } = lab()
    k('run a --image=nginx')
    k('run b --image=nginx')
    expect(k('label pods --all env=dev').stdout).toBe('pod/a labeled\npod/b labeled\n')
    expect(k('label pods -l run=a team=x').stdout).toBe('pod/a labeled\n')
    expect(k('label pod a --list').stdout).toBe('env=dev\nrun=a\nteam=x\n')
    expect(k('label pod a').stderr).toBe('error: at least one label update is required\n')
    expect(k('label pod a x=1 b').stderr).toBe(
      'error: all resources must be specified before label changes: b\n',
    )
    expect(k('label pod a x=1=2').stderr).toBe('error: invalid label spec: x=1=2\n')
    expect(k('label pod nope x=1').stderr).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    )
  })

  test('annotate', () => {
    const { k, ctx } = lab()
    k('create deployment web --image=nginx')
    expect(k('annotate deploy web owner=me')).toEqual({
      stdout: 'deployment.apps/web annotated\n',
      stderr: '',
      exitCode: 0,
    })
    expect(k('annotate deploy web owner=you').stderr).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (me)\n",
    )
    expect(k('annotate deploy web owner-').stdout).toBe('deployment.apps/web annotated\n')
    expect(ctx.s.objects['Deployment/default/web']?.metadata.annotations?.owner).toBeUndefined()
  })
})
