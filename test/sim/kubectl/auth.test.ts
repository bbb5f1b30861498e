// `kubectl auth` in the lab terminal: its kubeconfig is kind's admin.conf, so it is kind's
// kubernetes-admin (kubeadm 1.29+: group kubeadm:cluster-admins, bound to cluster-admin).
import { describe, expect, it } from 'vitest'
import { lab, out } from './helpers'

describe('kubectl auth (lab terminal)', () => {
  it('whoami prints the admin user of kind', () => {
    const { k } = lab()
    expect(out(k('auth whoami'))).toEqual({
      stdout:
        'ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n',
      stderr: '',
      exitCode: 0,
    })
    expect(k('auth whoami -o name').stdout).toBe(
      'selfsubjectreview.authentication.k8s.io/<unknown>\n',
    )
  })

  it('can-i --list prints cluster-admin first, then what every user may do, sorted as kubectl sorts', () => {
    const { k } = lab()
    const lines = k('auth can-i --list').stdout.split('\n')
    expect(lines.slice(0, 6)).toEqual([
      'Resources                                       Non-Resource URLs   Resource Names   Verbs',
      '*.*                                             []                  []               [*]',
      '                                                [*]                 []               [*]',
      'selfsubjectreviews.authentication.k8s.io        []                  []               [create]',
      'selfsubjectaccessreviews.authorization.k8s.io   []                  []               [create]',
      'selfsubjectrulesreviews.authorization.k8s.io    []                  []               [create]',
    ])
    // system:discovery and system:public-info-viewer both grant /healthz: kubectl lists it twice
    expect(lines.filter((l) => l.includes('[/healthz]'))).toHaveLength(2)
    expect(out(k('auth can-i --list pods'))).toEqual({
      stdout: '',
      stderr: 'error: list option must be specified with no arguments\n',
      exitCode: 1,
    })
  })

  it('can-i answers yes, with kubectl’s warnings', () => {
    const { k } = lab()
    expect(out(k('auth can-i create deployments'))).toEqual({
      stdout: 'yes\n',
      stderr: '',
      exitCode: 0,
    })
    expect(out(k('auth can-i delete nodes'))).toEqual({
      stdout: 'yes\n',
      stderr: "Warning: resource 'nodes' is not namespace scoped\n\n",
      exitCode: 0,
    })
    expect(k('auth can-i get cronjobs').stderr).toBe(
      "Warning: the server doesn't have a resource type 'cronjobs'\n\n",
    )
    expect(k('auth can-i get pods x').stderr).toBe(
      "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n",
    )
  })
})
