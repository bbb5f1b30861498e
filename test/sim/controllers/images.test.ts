import { describe, expect, it } from 'vitest'
import { Lab } from './helpers'
import {
  answerHttp,
  appendLog,
  containerEnv,
  containerProcess,
  containerTools,
  findImage,
  serveHttp,
} from '../../../worker/sim/net/images'
import type { HttpRequest } from '../../../worker/sim/net/types'
import { LOG_LINES_MAX } from '../../../worker/sim/state'
import type { Pod } from '../../../worker/sim/objects/types'

const get = (path = '/', extra: Record<string, string> = {}): HttpRequest => ({
  host: '10.96.0.5',
  port: 80,
  method: 'GET',
  path,
  headers: { Host: '10.96.0.5', 'User-Agent': 'curl/8.5.0', Accept: '*/*', ...extra },
})

function runningPod(lab: Lab, name: string, image: string, extra = ''): Pod {
  lab.create(`apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: ${name}
    image: ${image}
${extra}`)
  lab.wait(30)
  return lab.pod(name)
}

const netexecPod = (lab: Lab) =>
  runningPod(
    lab,
    'agn',
    'registry.k8s.io/e2e-test-images/agnhost:2.53',
    '    args: ["netexec", "--http-port=8080"]\n',
  )

describe('image catalogue', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest', '1.27.3'],
    ['nginx:1.19', 'docker.io/library/nginx:1.19', '1.19.10'],
    ['nginx:1.19.2', 'docker.io/library/nginx:1.19.2', '1.19.2'],
    ['nginx:1.25-alpine', 'docker.io/library/nginx:1.25-alpine', '1.25.5'],
    ['docker.io/library/nginx:1.21', 'docker.io/library/nginx:1.21', '1.21.6'],
  ])('%s is %s serving nginx/%s', (ref, full, version) => {
    const img = findImage(ref)
    expect(img?.fullName).toBe(full)
    expect(img?.serverVersion).toBe(version)
    expect(img?.env).toContainEqual(['NGINX_VERSION', version])
  })

  it.each(['ngnix', 'nginx:9.99', 'nginx:1.19.99', 'myapp:1.0', 'Nginx', 'busybox:0.1'])(
    '%s does not exist',
    (ref) => {
      expect(findImage(ref)).toBeUndefined()
    },
  )

  it('knows which tools each image ships', () => {
    expect(findImage('ubuntu')?.tools.curl).toBeUndefined()
    expect(findImage('ubuntu')?.tools['apt-get']).toBe('apt')
    expect(findImage('busybox')?.tools.wget).toBe('busybox/1.36.1')
    expect(findImage('busybox')?.tools.curl).toBeUndefined()
    expect(findImage('curlimages/curl')?.tools.curl).toBe('curl/8.11.1')
    expect(findImage('nicolaka/netshoot')?.tools.dig).toMatch(/^bind\//)
    expect(Object.keys(findImage('hashicorp/http-echo')?.tools ?? {})).toEqual(['/http-echo'])
  })

  it('resolves what PID 1 does from command and args', () => {
    const proc = (image: string, c: Record<string, unknown> = {}) =>
      containerProcess({ name: 'x', image, ...c })?.process
    expect(proc('nginx:1.19')).toMatchObject({
      type: 'server',
      ports: [{ port: 80, protocol: 'TCP' }],
    })
    expect(proc('ubuntu')).toMatchObject({ type: 'exit', exitCode: 0 })
    expect(proc('busybox', { command: ['sh', '-c', 'sleep 3600'] })).toMatchObject({
      type: 'run',
      seconds: 3600,
      handlesSigterm: false,
    })
    expect(proc('busybox', { command: ['sleep', 'infinity'] })).toMatchObject({
      type: 'run',
      seconds: Infinity,
    })
    expect(proc('busybox', { command: ['echo', 'hi'] })).toMatchObject({
      type: 'exit',
      exitCode: 0,
      output: ['hi'],
    })
    expect(proc('curlimages/curl')).toMatchObject({ type: 'exit', exitCode: 2 })
    expect(proc('hashicorp/http-echo', { args: ['-text=hello'] })).toMatchObject({
      type: 'server',
      ports: [{ port: 5678 }],
    })
    expect(proc('hashicorp/http-echo')).toMatchObject({
      type: 'exit',
      exitCode: 127,
      output: ['Missing -text option!'],
    })
    expect(
      proc('registry.k8s.io/e2e-test-images/agnhost:2.53', {
        args: ['netexec', '--http-port=8080'],
      }),
    ).toMatchObject({ type: 'server', ports: [{ port: 8080 }, { port: 8081, protocol: 'UDP' }] })
    expect(proc('busybox', { command: ['python', 'app.py'] })).toMatchObject({
      type: 'notFound',
      binary: 'python',
    })
    expect(proc('ubuntu', { stdin: true, tty: true })).toMatchObject({
      type: 'run',
      seconds: Infinity,
    })
  })
})

describe('what pods answer', () => {
  it('nginx 1.19 answers the welcome page with its headers and logs the request', () => {
    const lab = new Lab()
    const pod = runningPod(lab, 'web', 'nginx:1.19')
    const res = serveHttp(lab.s, pod, 80, get(), { now: lab.now, clientIP: '10.244.2.7' })
    expect(res?.response?.status).toBe(200)
    expect(res?.response?.headers).toEqual([
      ['Server', 'nginx/1.19.10'],
      ['Date', 'Thu, 26 Nov 2026 06:00:30 GMT'],
      ['Content-Type', 'text/html'],
      ['Content-Length', '612'],
      ['Last-Modified', 'Tue, 13 Apr 2021 15:13:59 GMT'],
      ['Connection', 'keep-alive'],
      ['ETag', '"6075b537-264"'],
      ['Accept-Ranges', 'bytes'],
    ])
    expect(res?.response?.body).toContain('<title>Welcome to nginx!</title>')
    const logs = lab.s.runtime.containers[`${pod.metadata.uid}/web`]?.logs ?? []
    expect(logs[logs.length - 1]).toBe(
      '10.244.2.7 - - [26/Nov/2026:06:00:30 +0000] "GET / HTTP/1.1" 200 612 "-" "curl/8.5.0" "-"',
    )
    expect(logs[0]).toBe(
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    )
  })

  it('nginx answers 404 for unknown paths with its own error page; nothing on other ports', () => {
    const lab = new Lab()
    const pod = runningPod(lab, 'web', 'nginx:1.25')
    const res = answerHttp(pod, 80, get('/nope'), lab.now, '10.244.1.1')
    expect(res?.status).toBe(404)
    expect(res?.body).toBe(
      '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.25.5</center>\r\n</body>\r\n</html>\r\n',
    )
    expect(res?.headers.find(([k]) => k === 'Content-Length')?.[1]).toBe('153')
    expect(answerHttp(pod, 8080, get(), lab.now, '10.244.1.1')).toBeUndefined()
    expect(
      serveHttp(lab.s, pod, 8080, get(), { now: lab.now, clientIP: '1.2.3.4' }),
    ).toBeUndefined()
  })

  it('magicalnginx names the pod that served the page', () => {
    const lab = new Lab()
    const pod = runningPod(lab, 'magic', 'anshuldevops/magicalnginx:latest')
    const body = answerHttp(pod, 80, get(), lab.now, '10.244.1.1')?.body ?? ''
    expect(body).toContain(`This page was served by pod <b>magic</b> (${pod.status.podIP}).`)
  })

  it('agnhost netexec answers /hostname with the pod name and no newline', () => {
    const lab = new Lab()
    const pod = netexecPod(lab)
    expect(answerHttp(pod, 8080, get('/hostname'), lab.now, '10.244.1.1')?.body).toBe('agn')
    expect(answerHttp(pod, 80, get('/hostname'), lab.now, '10.244.1.1')).toBeUndefined()
  })

  it('counts Content-Length in UTF-8 bytes: an emoji is 4, not 5', () => {
    const lab = new Lab()
    const pod = netexecPod(lab)
    const res = answerHttp(pod, 8080, get('/echo?msg=%F0%9F%98%80%C3%A9'), lab.now, '10.244.1.1')
    expect(res?.body).toBe('😀é')
    expect(res?.headers.find(([k]) => k === 'Content-Length')?.[1]).toBe('6')
  })

  it('http-echo echoes its -text on 5678; echoserver echoes the client address', () => {
    const lab = new Lab()
    const echo = runningPod(
      lab,
      'echo',
      'hashicorp/http-echo',
      '    args: ["-text=hello from echo"]\n',
    )
    const r = answerHttp(echo, 5678, get(), lab.now, '10.244.1.1')
    expect(r?.body).toBe('hello from echo\n')
    expect(r?.headers.map(([k]) => k)).toEqual([
      'X-App-Name',
      'X-App-Version',
      'Date',
      'Content-Length',
      'Content-Type',
    ])
    const es = runningPod(lab, 'es', 'registry.k8s.io/echoserver:1.10')
    expect(answerHttp(es, 8080, get(), lab.now, '172.18.0.3')?.body).toContain(
      '\tclient_address=172.18.0.3\n',
    )
  })

  it('a pod answers nothing before its container runs', () => {
    const lab = new Lab()
    lab.create(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: slow\nspec:\n  containers:\n  - name: slow\n    image: nginx\n',
    )
    expect(answerHttp(lab.pod('slow'), 80, get(), lab.now, '10.244.1.1')).toBeUndefined()
  })

  it('keeps the container log bounded', () => {
    const lab = new Lab()
    for (let i = 0; i < LOG_LINES_MAX + 10; i++) appendLog(lab.s, 'uid', 'c', `line ${i}`)
    const logs = lab.s.runtime.containers['uid/c']?.logs ?? []
    expect(logs).toHaveLength(LOG_LINES_MAX)
    expect(logs[0]).toBe('line 10')
  })

  it('sets PATH, the image env and HOSTNAME; the pod env wins', () => {
    const lab = new Lab()
    const pod = runningPod(
      lab,
      'envy',
      'nginx:1.19',
      '    env:\n    - name: NGINX_VERSION\n      value: mine\n',
    )
    const env = Object.fromEntries(containerEnv(pod, pod.spec.containers[0]!))
    expect(env.PATH).toBe('/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
    expect(env.NGINX_VERSION).toBe('mine')
    expect(env.HOSTNAME).toBe('envy')
  })
})

describe('containers restart from their image', () => {
  it('loses apt-get installs when the container restarts, and when the pod is recreated', () => {
    const lab = new Lab()
    const pod = runningPod(lab, 'u', 'ubuntu', '    command: ["sh", "-c", "sleep 60"]\n')
    const rt = lab.s.runtime.containers[`${pod.metadata.uid}/u`]
    rt!.installed.push('curl')
    expect(containerTools(lab.s, lab.pod('u'), pod.spec.containers[0]!).curl).toBe('curl/8.5.0')
    lab.wait(40)
    expect(lab.pod('u').status.containerStatuses?.[0]?.restartCount).toBe(1)
    expect(containerTools(lab.s, lab.pod('u'), pod.spec.containers[0]!).curl).toBeUndefined()
  })

  it('restarts a pod container whose image was changed', () => {
    const lab = new Lab()
    runningPod(lab, 'web', 'nginx:1.19')
    const pod = lab.pod('web')
    pod.spec.containers[0]!.image = 'nginx:1.25'
    lab.wait(0).wait(10)
    const cs = lab.pod('web').status.containerStatuses?.[0]
    expect(cs?.image).toBe('docker.io/library/nginx:1.25')
    expect(cs?.restartCount).toBe(1)
    expect(lab.messages('web')).toContain(
      'Normal Killing Container web definition changed, will be restarted',
    )
  })
})
