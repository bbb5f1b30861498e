import { describe, expect, it } from 'vitest'
import { Lab, deployment } from './helpers'
import { findImage } from '../../../worker/sim/net/images'
import type { Pod } from '../../../worker/sim/objects/types'

const podYaml = (name: string, image: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: ${name}
    image: ${image}
${extra}`

describe('kubelet lifecycle', () => {
  it('goes ContainerCreating -> Running at now + startSeconds, IP in the node /24', () => {
    const lab = new Lab()
    lab.create(deployment('web', 'nginx:1.19', 1))
    const start = (findImage('nginx:1.19')?.startSeconds ?? 0) as number
    let p = lab.pod('web-')
    expect(lab.status(p)).toBe('ContainerCreating')
    expect(p.status.podIP).toBeUndefined()
    lab.wait(start - 1)
    p = lab.pod('web-')
    expect(lab.status(p)).toBe('ContainerCreating')
    expect(p.status.podIP).toMatch(/^10\.244\.[12]\.\d+$/)
    const node = p.spec.nodeName === 'lab-worker' ? '10.244.1.' : '10.244.2.'
    expect(p.status.podIP?.startsWith(node)).toBe(true)
    lab.wait(1)
    p = lab.pod('web-')
    expect(lab.status(p)).toBe('Running')
    expect(p.status.phase).toBe('Running')
    const cs = p.status.containerStatuses?.[0]
    expect(cs?.ready).toBe(true)
    expect(cs?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/)
    expect(cs?.image).toBe('docker.io/library/nginx:1.19')
    expect(cs?.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/)
    expect(p.status.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ])
    expect(p.status.hostIP).toBe(p.spec.nodeName === 'lab-worker' ? '172.18.0.3' : '172.18.0.4')
    expect(p.status.qosClass).toBe('BestEffort')
    const name = p.metadata.name
    expect(lab.messages(name)).toEqual([
      `Normal Scheduled Successfully assigned default/${name} to ${p.spec.nodeName}`,
      'Normal Pulling Pulling image "nginx:1.19"',
      expect.stringMatching(
        /^Normal Pulled Successfully pulled image "nginx:1\.19" in [\d.]+s \([\d.]+s including waiting\)\. Image size: \d+ bytes\.$/,
      ),
      'Normal Created Created container: main',
      'Normal Started Started container main',
    ])
  })

  it('a second pod on the same node finds the image already present', () => {
    const lab = new Lab()
    lab.create(podYaml('a', 'nginx:1.19', '    ports:\n    - containerPort: 80\n'))
    lab.wait(30)
    lab.create(podYaml('b', 'nginx:1.19') + '  nodeName: ' + lab.pod('a').spec.nodeName + '\n')
    lab.wait(3)
    expect(lab.messages('b')).toContain(
      'Normal Pulled Container image "nginx:1.19" already present on machine',
    )
    expect(lab.status(lab.pod('b'))).toBe('Running')
  })

  it('an image typo goes ErrImagePull then ImagePullBackOff with the containerd message', () => {
    const lab = new Lab()
    lab.create(podYaml('typo', 'ngnix:1.19'))
    lab.wait(3)
    let p = lab.pod('typo')
    expect(lab.status(p)).toBe('ErrImagePull')
    const err =
      'failed to pull and unpack image "docker.io/library/ngnix:1.19": failed to resolve reference "docker.io/library/ngnix:1.19": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'
    expect(p.status.containerStatuses?.[0]?.state.waiting?.message).toBe(err)
    lab.wait(12)
    p = lab.pod('typo')
    expect(lab.status(p)).toBe('ImagePullBackOff')
    expect(p.status.phase).toBe('Pending')
    expect(lab.messages('typo')).toEqual(
      expect.arrayContaining([
        `Warning Failed Failed to pull image "ngnix:1.19": ${err}`,
        'Warning Failed Error: ErrImagePull',
        'Normal BackOff Back-off pulling image "ngnix:1.19"',
        'Warning Failed Error: ImagePullBackOff',
      ]),
    )
    lab.wait(60)
    const pulling = lab.events('typo').find((e) => e.reason === 'Pulling')
    expect(pulling?.count).toBeGreaterThanOrEqual(3)
  })

  it('a tag that does not exist says not found', () => {
    const lab = new Lab()
    lab.create(podYaml('old', 'nginx:9.99'))
    lab.wait(3)
    expect(lab.pod('old').status.containerStatuses?.[0]?.state.waiting?.message).toBe(
      'failed to pull and unpack image "docker.io/library/nginx:9.99": failed to resolve reference "docker.io/library/nginx:9.99": docker.io/library/nginx:9.99: not found',
    )
  })

  it('ubuntu without a command completes and goes into CrashLoopBackOff with growing back-off', () => {
    const lab = new Lab()
    lab.create(podYaml('u', 'ubuntu'))
    const start = findImage('ubuntu')?.startSeconds ?? 0
    lab.wait(start)
    let p: Pod = lab.pod('u')
    expect(lab.status(p)).toBe('Completed')
    expect(p.status.containerStatuses?.[0]?.restartCount).toBe(0)
    lab.wait(5)
    p = lab.pod('u')
    expect(lab.status(p)).toBe('CrashLoopBackOff')
    expect(p.status.containerStatuses?.[0]?.restartCount).toBe(1)
    expect(p.status.containerStatuses?.[0]?.state.waiting?.message).toBe(
      `back-off 10s restarting failed container=u pod=u_default(${p.metadata.uid})`,
    )
    expect(p.status.containerStatuses?.[0]?.lastState.terminated?.reason).toBe('Completed')
    expect(p.status.phase).toBe('Running')
    lab.wait(10 + 20 + 40 + 80 + 160 + 20)
    p = lab.pod('u')
    expect(p.status.containerStatuses?.[0]?.restartCount).toBe(6)
    lab.wait(1000)
    p = lab.pod('u')
    expect(
      lab.pod('u').status.containerStatuses?.[0]?.state.waiting?.message ??
        lab.messages('u').join(),
    ).toMatch(/^back-off 5m0s restarting failed container=u pod=u_default/)
  })

  it('sleep 3600 runs for an hour, then completes and restarts at once', () => {
    const lab = new Lab()
    lab.create(podYaml('s', 'busybox', '    command: ["sh", "-c", "sleep 3600"]\n'))
    lab.wait(10)
    expect(lab.status(lab.pod('s'))).toBe('Running')
    lab.wait(3600)
    const p = lab.pod('s')
    expect(p.status.containerStatuses?.[0]?.restartCount).toBe(1)
    expect(lab.status(p)).toBe('Running')
    expect(p.status.containerStatuses?.[0]?.lastState.terminated?.reason).toBe('Completed')
  })

  it('a failing readiness probe keeps the pod not ready and counts Unhealthy events', () => {
    const lab = new Lab()
    const probe =
      '    readinessProbe:\n      httpGet:\n        path: /healthz\n        port: 80\n      periodSeconds: 5\n'
    lab.create(podYaml('r', 'nginx:1.25', probe))
    lab.wait(30)
    const p = lab.pod('r')
    expect(lab.status(p)).toBe('Running')
    expect(p.status.containerStatuses?.[0]?.ready).toBe(false)
    const ready = p.status.conditions?.find((c) => c.type === 'Ready')
    expect(ready?.status).toBe('False')
    expect(ready?.message).toBe('containers with unready status: [r]')
    const ev = lab.events('r').find((e) => e.reason === 'Unhealthy')
    expect(ev?.message).toBe('Readiness probe failed: HTTP probe failed with statuscode: 404')
    expect(ev?.count).toBeGreaterThan(3)
  })

  it('a readiness probe on a port nothing listens on is refused; the right one passes', () => {
    const lab = new Lab()
    const bad = '    readinessProbe:\n      tcpSocket:\n        port: 8080\n'
    const good =
      '    readinessProbe:\n      httpGet:\n        path: /\n        port: 80\n      initialDelaySeconds: 5\n'
    lab.create(podYaml('bad', 'nginx:1.25', bad))
    lab.create(podYaml('good', 'nginx:1.25', good))
    lab.wait(20)
    const ip = lab.pod('bad').status.podIP
    expect(lab.events('bad').find((e) => e.reason === 'Unhealthy')?.message).toBe(
      `Readiness probe failed: dial tcp ${ip}:8080: connect: connection refused`,
    )
    expect(lab.pod('good').status.containerStatuses?.[0]?.ready).toBe(true)
  })

  it('a failing liveness probe restarts the container', () => {
    const lab = new Lab()
    const probe =
      '    livenessProbe:\n      httpGet:\n        path: /nope\n        port: 80\n      periodSeconds: 10\n      failureThreshold: 3\n'
    lab.create(podYaml('l', 'nginx:1.25', probe))
    lab.wait(40)
    const p = lab.pod('l')
    expect(p.status.containerStatuses?.[0]?.restartCount).toBeGreaterThanOrEqual(1)
    expect(lab.messages('l')).toContain(
      'Normal Killing Container l failed liveness probe, will be restarted',
    )
  })

  it('a command missing from the image fails to start', () => {
    const lab = new Lab()
    lab.create(podYaml('m', 'busybox', '    command: ["curl", "http://x"]\n'))
    lab.wait(10)
    const cs = lab.pod('m').status.containerStatuses?.[0]
    const term = cs?.state.terminated ?? cs?.lastState.terminated
    expect(term?.reason).toBe('StartError')
    expect(term?.exitCode).toBe(128)
  })
})

describe('finished pods and pull errors', () => {
  it('restartPolicy Never: a finished command leaves the pod Completed / Succeeded', () => {
    const lab = new Lab()
    lab.create(
      podYaml('once', 'busybox', '    command: ["echo", "hi"]\n') + '  restartPolicy: Never\n',
    )
    lab.wait(10)
    const p = lab.pod('once')
    expect(lab.status(p)).toBe('Completed')
    expect(p.status.phase).toBe('Succeeded')
    expect(p.status.containerStatuses?.[0]?.restartCount).toBe(0)
    expect(lab.s.runtime.containers[`${p.metadata.uid}/once`]?.logs).toEqual(['hi'])
    lab.wait(100)
    expect(lab.pod('once').status.containerStatuses?.[0]?.restartCount).toBe(0)
  })

  it("sh -c '...; exit 3' ends with the shell builtin's code, after what it printed", () => {
    const lab = new Lab()
    lab.create(
      podYaml('ex', 'busybox', '    command: ["sh", "-c", "echo boom; exit 3"]\n') +
        '  restartPolicy: Never\n',
    )
    lab.wait(10)
    const p = lab.pod('ex')
    expect(lab.status(p)).toBe('Error')
    expect(p.status.containerStatuses?.[0]?.state.terminated?.exitCode).toBe(3)
    expect(lab.s.runtime.containers[`${p.metadata.uid}/ex`]?.logs).toEqual(['boom'])
    lab.create(podYaml('ok', 'busybox', '    command: ["sh", "-c", "exit"]\n') + '  restartPolicy: Never\n')
    lab.wait(10)
    expect(lab.status(lab.pod('ok'))).toBe('Completed')
  })

  it('restartPolicy Never with a failing command is Error / Failed', () => {
    const lab = new Lab()
    lab.create(
      podYaml('bad', 'busybox', '    command: ["sh", "-c", "nosuch"]\n') +
        '  restartPolicy: Never\n',
    )
    lab.wait(10)
    const p = lab.pod('bad')
    expect(lab.status(p)).toBe('Error')
    expect(p.status.phase).toBe('Failed')
    expect(p.status.containerStatuses?.[0]?.state.terminated?.exitCode).toBe(127)
  })

  it('kubectl run --restart=Never -- wget -qO- nosuch: bad address, Error / Failed, exit 1', () => {
    const lab = new Lab()
    lab.create(
      podYaml('t', 'busybox', '    args: ["wget", "-qO-", "nosuch"]\n') +
        '  restartPolicy: Never\n',
    )
    lab.wait(60)
    const p = lab.pod('t')
    expect(lab.status(p)).toBe('Error')
    expect(p.status.phase).toBe('Failed')
    expect(p.status.containerStatuses?.[0]?.state.terminated).toMatchObject({
      reason: 'Error',
      exitCode: 1,
    })
    expect(lab.s.runtime.containers[`${p.metadata.uid}/t`]?.logs).toEqual([
      "wget: bad address 'nosuch'",
    ])
  })

  it('restartPolicy Always: curl to an unknown host exits 6 (Error), then CrashLoopBackOff', () => {
    const lab = new Lab()
    lab.create(
      podYaml('c', 'curlimages/curl:8.11.1', '    args: ["curl", "-s", "http://nosuch:8080/"]\n'),
    )
    lab.wait(30)
    let p = lab.pod('c')
    const cs = p.status.containerStatuses?.[0]
    const terminated = cs?.state.terminated ?? cs?.lastState.terminated
    expect(terminated).toMatchObject({ reason: 'Error', exitCode: 6 })
    lab.wait(60)
    p = lab.pod('c')
    expect(lab.status(p)).toBe('CrashLoopBackOff')
    expect(p.status.containerStatuses?.[0]?.lastState.terminated?.reason).toBe('Error')
    // -s without -S: curl says nothing
    expect(lab.s.runtime.containers[`${p.metadata.uid}/c`]?.logs).toEqual([])
  })

  it('curlimages/curl with only options as args runs curl (its entrypoint.sh prepends it)', () => {
    const lab = new Lab()
    lab.create(
      podYaml('o', 'curlimages/curl:8.11.1', '    args: ["-sS", "http://nosuch/"]\n') +
        '  restartPolicy: Never\n',
    )
    lab.wait(30)
    const p = lab.pod('o')
    expect(p.status.containerStatuses?.[0]?.state.terminated).toMatchObject({
      reason: 'Error',
      exitCode: 6,
    })
    expect(lab.s.runtime.containers[`${p.metadata.uid}/o`]?.logs).toEqual([
      'curl: (6) Could not resolve host: nosuch',
    ])
  })

  it('an unknown registry fails name resolution', () => {
    const lab = new Lab()
    lab.create(podYaml('priv', 'myregistry.example.com/team/app:1.0'))
    lab.wait(3)
    expect(lab.pod('priv').status.containerStatuses?.[0]?.state.waiting?.message).toBe(
      'failed to pull and unpack image "myregistry.example.com/team/app:1.0": failed to resolve reference "myregistry.example.com/team/app:1.0": failed to do request: Head "https://myregistry.example.com/v2/team/app/manifests/1.0": dial tcp: lookup myregistry.example.com on 172.18.0.1:53: no such host',
    )
  })

  it('an invalid reference is InvalidImageName', () => {
    const lab = new Lab()
    lab.create(podYaml('inv', 'Nginx:1.19'))
    lab.wait(3)
    const cs = lab.pod('inv').status.containerStatuses?.[0]
    expect(cs?.state.waiting?.reason).toBe('InvalidImageName')
    expect(cs?.state.waiting?.message).toBe(
      'Failed to apply default image tag "Nginx:1.19": couldn\'t parse image name "Nginx:1.19": invalid reference format: repository name (library/Nginx) must be lowercase',
    )
  })
})

describe('long absences', () => {
  const y = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: c\nspec:\n  containers:\n  - name: c\n    image: busybox\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: t\nspec:\n  containers:\n  - name: t\n    image: ngnix\n`
  const summary = (l: Lab) => ({
    restarts: l.pod('c').status.containerStatuses?.[0]?.restartCount,
    crash: l.pod('c').status.containerStatuses?.[0]?.state,
    pull: l.pod('t').status.containerStatuses?.[0]?.state.waiting?.reason,
    events: l
      .events()
      .map((e) => `${e.involvedObject.name} ${e.reason} ${e.message} x${e.count}`)
      .sort(),
  })

  it('one settle after a day equals settling every 200 s, and stays cheap', () => {
    const a = new Lab()
    a.create(y)
    const t = performance.now()
    a.wait(86400)
    const took = performance.now() - t
    const b = new Lab()
    b.create(y)
    for (let i = 0; i < 86400 / 200; i++) b.wait(200)
    expect(summary(a)).toEqual(summary(b))
    expect(summary(a).restarts).toBeGreaterThan(280)
    expect(took).toBeLessThan(200)
  })
})

describe('liveness kill of a process that ignores SIGTERM', () => {
  it('keeps running through the grace period, then exits 137 and restarts', () => {
    const lab = new Lab()
    const probe =
      '    livenessProbe:\n      exec:\n        command: ["cat", "/tmp/healthy"]\n      initialDelaySeconds: 5\n      periodSeconds: 5\n      failureThreshold: 1\n'
    lab.create(podYaml('lv', 'busybox:1.36', '    command: ["sh", "-c", "sleep 3600"]\n' + probe))
    const start = findImage('busybox:1.36')?.startSeconds ?? 0
    lab.wait(start + 6)
    expect(lab.messages('lv')).toContain(
      'Warning Unhealthy Liveness probe failed: cat: /tmp/healthy: No such file or directory',
    )
    expect(lab.messages('lv')).toContain(
      'Normal Killing Container lv failed liveness probe, will be restarted',
    )
    expect(lab.status(lab.pod('lv'))).toBe('Running')
    lab.wait(31)
    const cs = lab.pod('lv').status.containerStatuses?.[0]
    expect(cs?.restartCount).toBe(1)
    expect(cs?.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' })
  })
})
