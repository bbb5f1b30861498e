import { describe, expect, it } from 'vitest'
import { classifyCommand, MISCONCEPTIONS } from '../../worker/labs/misconceptions'
import { MY_SERVICE, NGINX_1_1 } from '../../worker/labs/notes'
import { MY_NODEPORT_SERVICE_80 } from '../../worker/labs/service-types'
import type { CheckedCommand } from '../../worker/labs/types'
import { apply, endpointsYaml, readyIPs } from './helpers'
import { playTranscript, type Step } from './transcript'

/** The misconceptions the last line of a transcript shows. */
function lastShows(labId: string, steps: Step[]): string[] {
  const t = playTranscript(labId, steps)
  const o = t.outputs[t.outputs.length - 1]
  if (!o) throw new Error('no output')
  return classifyCommand({ command: o.command, ...o.result })
}

const bare = (over: Partial<CheckedCommand>): CheckedCommand => ({
  command: '',
  stdout: '',
  stderr: '',
  exitCode: 1,
  trace: [],
  ...over,
})

describe('classifyCommand', () => {
  it('lists titles for every id it can answer', () => {
    expect(MISCONCEPTIONS.map((m) => m.id)).toEqual([
      'clusterip-from-outside',
      'port-vs-targetport',
      'selector-matches-nothing',
      'endpoints-stale-or-wrong-port',
      'endpoints-name-mismatch',
      'nodeport-out-of-range',
      'nodeport-on-clusterip',
      'dns-cross-namespace',
      'curl-missing',
      'pod-not-ready',
      'ingress-no-class',
      'ingress-host-header',
    ])
  })

  it('reads error texts', () => {
    expect(
      classifyCommand(
        bare({
          stderr:
            'The Service "np" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
        }),
      ),
    ).toEqual(['nodeport-out-of-range'])
    expect(
      classifyCommand(
        bare({
          stderr:
            'error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "0123": OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown\n',
        }),
      ),
    ).toEqual(['curl-missing'])
    expect(
      classifyCommand(bare({ stderr: 'error: the server doesn\'t have a resource type "foo"\n' })),
    ).toEqual([])
    expect(
      classifyCommand(
        bare({ stderr: 'error: unable to upgrade connection: container not found ("nginx")\n' }),
      ),
    ).toEqual(['pod-not-ready'])
    expect(classifyCommand(bare({ exitCode: 0, stdout: 'service/web created\n' }))).toEqual([])
  })

  it('sees a ClusterIP curled from the workstation', () => {
    expect(
      lastShows('service-types', [
        apply(MY_SERVICE.replace('spec:\n', 'spec:\n  selector:\n    app: nginx-1.1\n')),
        "curl --connect-timeout 2 $(kubectl get service my-service -o jsonpath='{.spec.clusterIP}'):8080",
      ]),
    ).toEqual(['clusterip-from-outside'])
  })

  it('sees the targetPort used on the ClusterIP', () => {
    expect(
      lastShows('service-types', [
        apply(MY_SERVICE.replace('spec:\n', 'spec:\n  selector:\n    app: nginx-1.1\n')),
        'kubectl exec client -- curl -s --connect-timeout 2 my-service:80',
      ]),
    ).toEqual(['port-vs-targetport'])
  })

  it('sees a selector that matches nothing', () => {
    expect(
      lastShows('service-types', [
        apply(MY_SERVICE.replace('spec:\n', 'spec:\n  selector:\n    app: nginx-11\n')),
        'kubectl exec client -- curl -s my-service:8080',
      ]),
    ).toEqual(['selector-matches-nothing'])
  })

  it('sees hand-written Endpoints on the wrong port', () => {
    expect(
      lastShows('clusterip-endpoints', [
        apply(MY_SERVICE),
        (s) => apply(endpointsYaml('my-service', readyIPs(s, { app: 'nginx-1.1' }), 8080)),
        'kubectl exec access-pod -- apt-get update',
        'kubectl exec access-pod -- apt-get install -y curl',
        'kubectl exec access-pod -- curl -s my-service:8080',
      ]),
    ).toEqual(['endpoints-stale-or-wrong-port'])
  })

  it('sees Endpoints named differently from the Service', () => {
    expect(
      lastShows('clusterip-endpoints', [
        apply(MY_SERVICE),
        (s) => apply(endpointsYaml('my-endpoints', readyIPs(s, { app: 'nginx-1.1' }), 80)),
        'kubectl exec access-pod -- apt-get update',
        'kubectl exec access-pod -- apt-get install -y curl',
        'kubectl exec access-pod -- curl -s my-service:8080',
      ]),
    ).toEqual(['endpoints-name-mismatch'])
  })

  it('sees a nodePort out of range, curl missing, a short name from another namespace', () => {
    expect(lastShows('service-types', [apply(MY_NODEPORT_SERVICE_80)])).toEqual([
      'nodeport-out-of-range',
    ])
    expect(
      lastShows('clusterip-endpoints', ['kubectl exec access-pod -- curl -s my-service:8080']),
    ).toEqual(['curl-missing'])
    // with -it the runtime's complaint arrives on the terminal, i.e. kubectl's stdout
    expect(
      lastShows('clusterip-endpoints', ['kubectl exec -it access-pod -- curl -s my-service:8080']),
    ).toEqual(['curl-missing'])
    expect(lastShows('dns', ['kubectl exec client -- curl -s api'])).toEqual([
      'dns-cross-namespace',
    ])
  })

  it('sees pods that are not ready behind a Service', () => {
    const broken = NGINX_1_1.replaceAll('nginx-deployment-1.1', 'broken')
      .replaceAll('nginx-1.1', 'broken')
      .replace('anshuldevops/magicalnginx:latest', 'ngnix:1.27')
    const svc = MY_SERVICE.replace('my-service', 'broken').replace(
      'spec:\n',
      'spec:\n  selector:\n    app: broken\n',
    )
    expect(
      lastShows('service-types', [
        apply(broken),
        apply(svc),
        'kubectl get pods',
        'kubectl exec client -- curl -s broken:8080',
      ]),
    ).toEqual(['pod-not-ready'])
  })

  it('sees the nodePort used on the ClusterIP', () => {
    expect(
      lastShows('service-types', [
        apply(MY_NODEPORT_SERVICE_80.replace('    nodePort: 80\n', '    nodePort: 30080\n')),
        'kubectl exec client -- curl -s --connect-timeout 2 my-nodeport-service:30080',
      ]),
    ).toEqual(['nodeport-on-clusterip'])
  })
})
