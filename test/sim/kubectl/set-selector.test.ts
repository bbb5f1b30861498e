import { describe, expect, test } from 'vitest'
import { lab } from './helpers'

describe('kubectl set selector', () => {
  test('replaces the Service selector, endpoints follow', () => {
    const { k, ctx, advance } = lab()
    k('create deployment web --image=nginx --replicas=2')
    k('create service clusterip web --tcp=80:80')
    k('set selector svc web app=nope')
    advance(30_000)
    expect(k('get ep web').stdout).toMatch(/^web +<none> +30s$/m)
    expect(k('set selector svc web app=web')).toEqual({
      stdout: 'service/web selector updated\n',
      stderr: '',
      exitCode: 0,
    })
    advance(30_000)
    expect(ctx.s.objects['Service/default/web']?.spec).toMatchObject({ selector: { app: 'web' } })
    expect(k('get ep web').stdout).toMatch(/10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80/)
    // printed even when nothing changes: upstream always sends the patch
    expect(k('set selector service/web app=web').stdout).toBe('service/web selector updated\n')
    expect(k('set selector svc/web app=x --dry-run=client').stdout).toBe(
      'service/web selector updated (dry run)\n',
    )
    expect(ctx.s.objects['Service/default/web']?.spec).toMatchObject({ selector: { app: 'web' } })
  })

  test('errors as set_selector.go reports them', () => {
    const { k } = lab()
    k('create deployment web --image=nginx')
    k('create service clusterip web --tcp=80:80')
    const err = (line: string) => k(line).stderr
    expect(err('set selector')).toBe('error: one selector is required\n')
    expect(err('set selector deploy web app=x')).toBe(
      'error: setting a selector is only supported for Services\n',
    )
    expect(err("set selector svc web 'app in (b,a)'")).toBe(
      'error: match expression [{app In [a b]}] not supported on this object\n',
    )
    expect(err('set selector svc nosuch app=x')).toBe(
      'Error from server (NotFound): services "nosuch" not found\n',
    )
  })

  test('nested commands this terminal leaves out say so instead of "unknown command"', () => {
    const { k } = lab()
    for (const line of ['set env deploy/web A=b', 'rollout pause deploy/web', 'create job x'])
      expect(k(line).stderr).toBe(
        `error: "kubectl ${line.split(' ').slice(0, 2).join(' ')}" is not available in this lab terminal. It supports the commands a Services course needs; type "kubectl --help" or "help" to see them.\n`,
      )
  })
})
