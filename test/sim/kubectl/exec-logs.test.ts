import { describe, expect, test } from 'vitest'
import { lab } from './helpers'

function cluster() {
  const l = lab()
  l.k('create deployment web --image=nginx --replicas=2 --port=80')
  l.k('expose deployment web --port=8080 --target-port=80')
  l.k('run client --image=curlimages/curl --command -- sleep 3600')
  l.k('run bb --image=busybox --command -- sleep 3600')
  l.advance(60_000)
  return l
}

describe('kubectl exec (T21)', () => {
  test('runs the command in the pod; a failing command adds the exit line', () => {
    const l = cluster()
    const ok = l.k('exec client -- curl -s web:8080')
    expect(ok.exitCode).toBe(0)
    expect(ok.stdout).toContain('<title>Welcome to nginx!</title>')
    const bad = l.k('exec client -- curl -s nosuch')
    expect(bad.exitCode).toBe(6)
    expect(bad.stderr.endsWith('command terminated with exit code 6\n')).toBe(true)
  })

  test('a binary missing from the image: containerd error, exit 1, random exec id', () => {
    const r = cluster().k('exec bb -- curl web')
    expect(r.stdout).toBe('')
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in \$PATH: unknown\n$/,
    )
  })

  test('argument and lookup errors', () => {
    const l = cluster()
    expect(l.k('exec nope -- ls').stderr).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    )
    expect(l.k('exec client ls').stderr).toBe(
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    )
    expect(l.k('exec client').stderr).toBe(
      'error: you must specify at least one command for the container\n',
    )
    expect(l.k('exec client -c nope -- ls').stderr).toBe(
      'Error from server (BadRequest): container nope is not valid for pod client\n',
    )
    // logs checks the container itself (exec leaves it to the server)
    expect(l.k('logs client -c nope').stderr).toBe(
      'error: container nope is not valid for pod client\n',
    )
    expect(l.k('exec deploy/nope -- ls').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    )
  })

  test('deploy/NAME and svc/NAME pick a pod; -it is accepted', () => {
    const l = cluster()
    expect(l.k('exec deploy/web -- hostname').stdout).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5}\n$/)
    expect(l.k('exec -it svc/web -- hostname').stdout).toMatch(/^web-/)
  })

  test('a pod still being created cannot be exec-ed into', () => {
    const l = lab()
    l.k('run slow --image=nginx')
    expect(l.k('exec slow -- ls').stderr).toBe(
      'error: unable to upgrade connection: container not found ("slow")\n',
    )
  })
})

describe('kubectl logs', () => {
  test('what the container logged, --tail, deploy/NAME notice', () => {
    const l = cluster()
    l.k('exec client -- curl -s web:8080')
    const all = l.k('logs deploy/web')
    expect(all.stderr).toMatch(/^Found 2 pods, using pod\/web-/)
    const pod = all.stderr.slice(all.stderr.indexOf('pod/') + 4).trim()
    const full = l.k(`logs ${pod}`).stdout.split('\n').filter(Boolean)
    expect(full.length).toBeGreaterThan(2)
    expect(l.k(`logs ${pod} --tail=2`).stdout).toBe(
      full
        .slice(-2)
        .map((x) => `${x}\n`)
        .join(''),
    )
    expect(l.k(`logs ${pod} --tail=0`).stdout).toBe('')
    expect(l.k(`logs -f ${pod} --tail=1`).stdout).toBe(`${full[full.length - 1]}\n`)
  })

  test('waiting containers answer as the kubelet does', () => {
    const l = lab()
    l.k('run slow --image=nginx')
    expect(l.k('logs slow')).toEqual({
      stdout: '',
      stderr:
        'Error from server (BadRequest): container "slow" in pod "slow" is waiting to start: ContainerCreating\n',
      exitCode: 1,
    })
    l.k('run ghost --image=no-such-image-here')
    l.advance(20_000)
    expect(l.k('logs ghost').stderr).toMatch(
      /^Error from server \(BadRequest\): container "ghost" in pod "ghost" is waiting to start: (image can't be pulled|trying and failing to pull image)\n$/,
    )
    // logs.go wraps the NotFound of what it was asked for (lower case, with the namespace)
    expect(l.k('logs nope').stderr).toBe(
      'error: error from server (NotFound): pods "nope" not found in namespace "default"\n',
    )
    expect(l.k('logs deploy/nope').stderr).toBe(
      'error: error from server (NotFound): deployments.apps "nope" not found in namespace "default"\n',
    )
  })

  test('-l prints every matching pod; no match', () => {
    const l = cluster()
    const r = l.k('logs -l app=web --prefix --tail=1')
    expect(
      r.stdout
        .split('\n')
        .filter(Boolean)
        .map((x) => x.replace(/\].*/, ']')),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/^\[pod\/web-.*\/nginx\]$/)]))
    expect(r.stdout.split('\n').filter(Boolean).length).toBe(2)
    expect(l.k('logs -l app=none')).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    })
  })
})

describe('kubectl port-forward', () => {
  test('svc/NAME resolves to a pod and the target port; the forward is recorded', () => {
    const l = cluster()
    expect(l.k('port-forward svc/web 8080:8080')).toEqual({
      stdout: 'Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n',
      stderr: '',
      exitCode: 0,
    })
    const fwd = l.ctx.s.runtime.portForwards[0]
    expect(fwd).toMatchObject({
      localPort: 8080,
      namespace: 'default',
      podPort: 80,
      target: 'svc/web',
    })
    expect(fwd?.pod).toMatch(/^web-/)
    expect(l.k('port-forward pod/client 8080:80').stderr).toBe(
      'Unable to listen on port 8080: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:8080: bind: address already in use unable to create listener: Error listen tcp6 [::1]:8080: bind: address already in use]\nerror: unable to listen on any of the requested ports: [{8080 80}]\n',
    )
    expect(l.k('port-forward deploy/web 9090:80').stdout).toBe(
      'Forwarding from 127.0.0.1:9090 -> 80\nForwarding from [::1]:9090 -> 80\n',
    )
  })

  test('errors', () => {
    const l = cluster()
    expect(l.k('port-forward svc/web 9000:9999').stderr).toBe(
      'error: Service web does not have a service port 9999\n',
    )
    expect(l.k('port-forward svc/nope 80').stderr).toBe(
      'Error from server (NotFound): services "nope" not found\n',
    )
    expect(l.k('port-forward pod/client 80:http').stderr).toBe(
      "error: Pod 'client' does not have a named port 'http'\n",
    )
    l.k('run slow --image=nginx')
    expect(l.k('port-forward slow 8081:80').stderr).toBe(
      'error: unable to forward port because pod is not running. Current status=Pending\n',
    )
  })
})
