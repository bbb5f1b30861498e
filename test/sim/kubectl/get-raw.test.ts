// `kubectl get --raw` in the lab terminal: kind's apiserver's bytes, and kubectl's flag checks
// (test/node/kube-api-kubectl-raw.test.ts compares the answers with the lab's Kubernetes API).
import { describe, expect, it } from 'vitest'
import { lab, out } from './helpers'

describe('kubectl get --raw', () => {
  it('prints the health check and the objects as the API answers them', () => {
    const { k } = lab()
    expect(out(k('get --raw /healthz'))).toEqual({ stdout: 'ok', stderr: '', exitCode: 0 })
    expect(JSON.parse(k('get --raw /version').stdout).gitVersion).toBe('v1.32.2')
    const svc = k('get --raw /api/v1/namespaces/default/services/kubernetes').stdout
    expect(JSON.parse(svc).spec.clusterIP).toBe('10.96.0.1')
    expect(svc.endsWith('}\n')).toBe(true)
    expect(JSON.parse(k('get --raw /api/v1/nodes').stdout).items).toHaveLength(3)
    expect(out(k('get --raw /api/v1/namespaces/default/pods/nope'))).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    })
  })

  it('refuses what kubectl refuses', () => {
    const { k } = lab()
    const cases: [string, string][] = [
      ['get pods --raw /x', 'error: arguments may not be passed when --raw is specified\n'],
      ['get --raw /x -o yaml', 'error: --raw and --output are mutually exclusive\n'],
      [
        'get --raw /x -l a=b',
        'error: --raw may not be specified with other flags that filter the server request or alter the output\n',
      ],
      [
        'get --raw x',
        'error: --raw must be a valid URL path: parse "x": invalid URI for request\n',
      ],
      [
        'get --raw /nope',
        'Error from server (NotFound): the server could not find the requested resource\n',
      ],
    ]
    for (const [line, stderr] of cases)
      expect(out(k(line)), line).toEqual({ stdout: '', stderr, exitCode: 1 })
  })
})
