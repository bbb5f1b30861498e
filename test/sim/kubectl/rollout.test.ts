import { describe, expect, test } from 'vitest'
import { lab } from './helpers'
import type { Deployment } from '../../../worker/sim/objects/types'

describe('set image and rollout', () => {
  test('set image, history, undo, restart', () => {
    const l = lab()
    l.k('create deployment web --image=nginx:1.19 --replicas=2')
    l.advance(60_000)
    expect(l.k('rollout status deployment/web')).toEqual({
      stdout: 'deployment "web" successfully rolled out\n',
      stderr: '',
      exitCode: 0,
    })
    expect(l.k('set image deployment/web nginx=nginx:1.20')).toEqual({
      stdout: 'deployment.apps/web image updated\n',
      stderr: '',
      exitCode: 0,
    })
    expect(l.k('set image deployment/web nginx=nginx:1.20')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
    expect(l.k('set image deployment/web nope=nginx').stderr).toBe(
      'error: unable to find container named "nope"\n',
    )
    const status = l.k('rollout status deploy/web --watch=false')
    expect(status.stdout).toMatch(/^Waiting for deployment "web" rollout to finish: /)
    l.advance(120_000)
    expect(l.k('rollout history deployment/web')).toEqual({
      stdout:
        'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
      stderr: '',
      exitCode: 0,
    })
    expect(l.k('rollout undo deployment/web').stdout).toBe('deployment.apps/web rolled back\n')
    const d = l.ctx.s.objects['Deployment/default/web'] as Deployment
    expect(d.spec.template.spec.containers[0]?.image).toBe('nginx:1.19')
    expect(l.k('rollout restart deployment/web').stdout).toBe('deployment.apps/web restarted\n')
    const after = l.ctx.s.objects['Deployment/default/web'] as Deployment
    expect(after.spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']).toBe(
      '2026-11-26T06:04:00Z',
    )
  })

  test('errors', () => {
    const l = lab()
    l.k('run p --image=nginx')
    expect(l.k('rollout status deploy/nope').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    )
    expect(l.k('rollout restart pod/p').stderr).toBe(
      'error: pods "p" restarting is not supported\n',
    )
    expect(l.k('rollout status pod/p').stderr).toBe(
      'error: no status viewer has been implemented for Pod\n',
    )
    l.k('create deployment one --image=nginx')
    expect(l.k('rollout undo deploy/one').stderr).toBe(
      'error: no rollout history found for deployment "one"\n',
    )
    expect(l.k('rollout undo deploy/one --to-revision=7').stderr).toBe(
      'error: unable to find specified revision 7 in history\n',
    )
  })
})

describe('rollout history --revision', () => {
  test('prints the pod template with raw tabs, as kubectl does', () => {
    const l = lab()
    l.k('create deployment web --image=nginx:1.19')
    l.advance(60_000)
    l.k('set image deployment/web nginx=nginx:1.20')
    l.advance(60_000)
    const r = l.k('rollout history deployment/web --revision=2')
    expect(r.stdout).toMatch(
      /^deployment\.apps\/web with revision #2\nPod Template:\n {2}Labels:\tapp=web\n\tpod-template-hash=[a-z0-9]+\n {2}Containers:\n {3}nginx:\n {4}Image:\tnginx:1\.20\n {4}Port:\t<none>\n {4}Host Port:\t<none>\n {4}Environment:\t<none>\n {4}Mounts:\t<none>\n {2}Volumes:\t<none>\n {2}Node-Selectors:\t<none>\n {2}Tolerations:\t<none>\n\n$/,
    )
    expect(l.k('rollout history deployment/web --revision=5').stderr).toBe(
      'error: unable to find the specified revision\n',
    )
  })
})
