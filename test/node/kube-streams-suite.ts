// The long-lived parts of the Kubernetes API with the real kubectl 1.32 against a listening
// server (Node entry or wrangler dev): watches seeing changes made through the other door,
// informer-style waits, logs and logs -f, exec (compared with the lab terminal's kubectl exec on
// the same cluster), exec -i with piped stdin, exec -it at a pseudo-terminal, protocol errors.
import { expect, it } from 'vitest'
import WebSocket from 'ws'
import {
  HAS_PYTHON,
  kubectl,
  kubectlAtTerminal,
  kubectlUntil,
  learner,
  sleep,
  type Learner,
} from './kube-streams-helpers'

/** Waits until the pod is Running and ready in the cluster (through the web API, as the browser sees it). */
async function ready(a: Learner, pod: string) {
  for (let i = 0; i < 60; i++) {
    const r = await a.sim(`kubectl get pod ${pod} --no-headers`)
    if (/1\/1\s+Running/.test(r.stdout)) return
    await sleep(500)
  }
  throw new Error(`${pod} did not start`)
}

function wsUrl(a: Learner, path: string): string {
  return `${a.server.replace(/^http/, 'ws')}${path}`
}

interface WsResult {
  frames: Uint8Array[]
  closeCode?: number
  status?: number
  body?: string
}

/** A raw remotecommand client: opens, sends `send` messages, collects until the server closes. */
function rawExec(
  url: string,
  protocols: string[],
  send: (Uint8Array | string)[],
): Promise<WsResult> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, protocols)
    const frames: Uint8Array[] = []
    ws.on('open', () => send.forEach((m) => ws.send(m, { binary: typeof m !== 'string' })))
    ws.on('message', (d: Buffer) => frames.push(new Uint8Array(d)))
    ws.on('close', (code) => resolve({ frames, closeCode: code }))
    ws.on('unexpected-response', (_req, res) => {
      let body = ''
      res.on('data', (d: Buffer) => (body += d.toString()))
      res.on('end', () => resolve({ frames, status: res.statusCode, body }))
    })
    ws.on('error', () => undefined)
  })
}

const text = (f: Uint8Array) => new TextDecoder().decode(f.subarray(1))

export function streamsSuite(base: () => string) {
  it('kubectl get pods -w prints a pod created through the web API, as it starts', async () => {
    const a = await learner(base())
    const w = kubectlUntil(
      a.kubeconfig,
      ['get', 'pods', '-w'],
      (o) => /^watched\s+1\/1\s+Running/m.test(o),
      45_000,
    )
    await sleep(4000)
    await a.sim('kubectl run watched --image=nginx')
    const out = await w.done
    expect(out.matched).toBe(true)
    // as a real cluster's watch shows a new pod (TERMINAL-FACTS B6): created Pending, bound
    // (Pending), then the kubelet's ContainerCreating
    expect(out.stdout).toMatch(
      /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nwatched\s+0\/1\s+Pending\s+0\s+\d+s\nwatched\s+0\/1\s+Pending\s+0\s+\d+s\nwatched\s+0\/1\s+ContainerCreating\s+0\s+\d+s\n/,
    )
  }, 60_000)

  it('rollout status and wait follow the controllers; delete waits for the pod to go', async () => {
    const a = await learner(base())
    expect(
      (
        await kubectl(a.kubeconfig, [
          'create',
          'deployment',
          'web',
          '--image=nginx',
          '--replicas=2',
        ])
      ).exitCode,
    ).toBe(0)
    const rollout = await kubectl(a.kubeconfig, [
      'rollout',
      'status',
      'deployment/web',
      '--timeout=40s',
    ])
    expect(rollout.stdout.trimEnd().split('\n').at(-1)).toBe(
      'deployment "web" successfully rolled out',
    )
    expect(rollout.exitCode).toBe(0)
    // a rolling update is a chain of steps (a new pod ready, then an old one goes and the next
    // new one is made) that goes on while only kubectl watches, as on a real cluster
    await kubectl(a.kubeconfig, ['set', 'image', 'deployment/web', 'nginx=nginx:1.27'])
    const update = await kubectl(a.kubeconfig, [
      'rollout',
      'status',
      'deployment/web',
      '--timeout=30s',
    ])
    expect(update.stdout.trimEnd().split('\n').at(-1)).toBe(
      'deployment "web" successfully rolled out',
    )
    expect(update.exitCode).toBe(0)
    expect((await a.sim('kubectl get deploy web --no-headers')).stdout).toMatch(/^web\s+2\/2\s+2\s+2\s/)
    await kubectl(a.kubeconfig, ['run', 'one', '--image=nginx'])
    const wait = await kubectl(a.kubeconfig, [
      'wait',
      '--for=condition=Ready',
      'pod/one',
      '--timeout=40s',
    ])
    expect(wait).toEqual({ stdout: 'pod/one condition met\n', stderr: '', exitCode: 0 })
    expect(await kubectl(a.kubeconfig, ['delete', 'pod', 'one'])).toEqual({
      stdout: 'pod "one" deleted\n',
      stderr: '',
      exitCode: 0,
    })
    expect((await a.sim('kubectl get pod one')).stderr).toBe(
      'Error from server (NotFound): pods "one" not found\n',
    )
  }, 120_000)

  it('exec runs as the lab terminal runs it: same output, exit codes, history and trace', async () => {
    const a = await learner(base())
    await a.sim('kubectl create deployment web --image=nginx')
    await a.sim('kubectl expose deployment web --port=8080 --target-port=80')
    await a.sim('kubectl run client --image=curlimages/curl -- sleep 3600')
    await ready(a, 'client')
    for (
      let i = 0;
      i < 40 && (await a.sim('kubectl exec client -- curl -s web:8080')).exitCode;
      i++
    )
      await sleep(500)
    const lines = [
      ['client', '--', 'curl', '-s', 'web:8080'],
      ['client', '--', 'sh', '-c', 'echo out; echo err >&2; exit 3'],
      ['client', '--', 'nosuch'],
      ['client', '-c', 'nope', '--', 'ls'],
      ['nope', '--', 'ls'],
    ]
    for (const args of lines) {
      const mine = await kubectl(a.kubeconfig, ['exec', ...args])
      const quoted = args.map((x) => (/^[\w:./-]+$/.test(x) ? x : `'${x}'`)).join(' ')
      const theirs = await a.sim(`kubectl exec ${quoted}`)
      // the runtime's exec id is random per exec
      const id = (o: { stderr: string }) => o.stderr.replace(/exec "[0-9a-f]{64}"/, 'exec "ID"')
      expect({ ...mine, stderr: id(mine) }, args.join(' ')).toEqual({
        ...theirs,
        stderr: id(theirs),
      })
    }
    const history = (await a.c.get(`/api/clusters/${a.id}/history`)).body.history as {
      command: string
    }[]
    expect(history.map((h) => h.command)).toContain('kubectl exec client -- curl -s web:8080')
  }, 90_000)

  it('exec -i passes piped stdin; exec -it answers at a terminal', async () => {
    const a = await learner(base())
    await a.sim('kubectl run box --image=busybox -- sleep 3600')
    await ready(a, 'box')
    const cat = await kubectl(a.kubeconfig, ['exec', '-i', 'box', '--', 'cat'], 'one\ntwo\n')
    expect(cat).toEqual({ stdout: 'one\ntwo\n', stderr: '', exitCode: 0 })
    const sh = await kubectl(
      a.kubeconfig,
      ['exec', '-i', 'box', '--', 'sh'],
      'echo a\necho b; exit 4\n',
    )
    expect(sh).toEqual({
      stdout: 'a\nb\n',
      stderr: 'command terminated with exit code 4\n',
      exitCode: 4,
    })
    if (!HAS_PYTHON) return
    const t = await kubectlAtTerminal(
      a.kubeconfig,
      ['exec', '-it', 'box', '--', 'sh'],
      [
        [3, 'echo hi\r'],
        [1.5, 'echo typo\x7f\x7f\x7f\x7fok\r'],
        [1.5, 'half a line\x03'],
        [1, 'cd /etc\r'],
        [1.5, 'pwd\r'],
        [1.5, 'exit 7\r'],
      ],
    )
    expect(t.out).toContain('/ # echo hi\r\nhi\r\n/ # ')
    expect(t.out).toContain('echo typo\b \b\b \b\b \b\b \bok\r\nok\r\n')
    expect(t.out).toContain('half a line^C\r\n/ # ')
    // the lab terminal's container shell: the cwd carries over, the prompt follows it
    expect(t.out).toContain('/ # cd /etc\r\n/etc # pwd\r\n/etc\r\n/etc # exit 7\r\n')
    expect(t.out).toContain('command terminated with exit code 7')
    expect(t.exit).toBe(7)
  }, 90_000)

  it('kubectl run -it --rm: a shell in the new pod, its exit code ends the pod and kubectl', async () => {
    if (!HAS_PYTHON) return
    const a = await learner(base())
    const t = await kubectlAtTerminal(
      a.kubeconfig,
      ['run', '-it', '--rm', 'bb', '--image=busybox', '--restart=Never', '--', 'sh'],
      [
        [5, '\r'],
        [1.5, 'echo hi\r'],
        [1.5, 'exit 3\r'],
      ],
    )
    expect(t.out).toContain("If you don't see a command prompt, try pressing enter.\r\n")
    expect(t.out).toContain('/ # echo hi\r\nhi\r\n/ # exit 3\r\n')
    expect(t.out).toContain('pod "bb" deleted\r\npod default/bb terminated (Error)\r\n')
    expect(t.exit).toBe(3)
    const history = (await a.c.get(`/api/clusters/${a.id}/history`)).body.history as {
      command: string
    }[]
    expect(history.map((h) => h.command)).toContain(
      'kubectl attach: pod/bb container bb exited with code 3 in default (API)',
    )
  }, 90_000)

  it('logs prints what the lab terminal prints; logs -f follows requests made meanwhile', async () => {
    const a = await learner(base())
    await a.sim('kubectl run web --image=nginx')
    await a.sim('kubectl run client --image=busybox -- sleep 3600')
    await ready(a, 'web')
    await ready(a, 'client')
    const ip = (await a.sim(`kubectl get pod web -o jsonpath='{.status.podIP}'`)).stdout
    await a.sim(`kubectl exec client -- wget -qO- ${ip}`)
    expect(await kubectl(a.kubeconfig, ['logs', 'web', '--tail=3'])).toEqual(
      await a.sim('kubectl logs web --tail=3'),
    )
    const f = kubectlUntil(
      a.kubeconfig,
      ['logs', '-f', 'web', '--tail=1'],
      (o) => o.split('\n').length > 2,
      30_000,
    )
    await f.started
    await a.sim(`kubectl exec client -- wget -qO- ${ip}/followed`)
    const out = await f.done
    expect(out.matched).toBe(true)
    expect(out.stdout).toMatch(/"GET \/followed HTTP\/1.1" 404/)
  }, 90_000)

  it('answers protocol mistakes with a Status, never a crash', async () => {
    const a = await learner(base())
    await a.sim('kubectl run box --image=busybox -- sleep 3600')
    await ready(a, 'box')
    const url = wsUrl(
      a,
      '/api/v1/namespaces/default/pods/box/exec?command=ls&command=/&stdout=true&stderr=true',
    )
    const v4 = await rawExec(url, ['v4.channel.k8s.io'], [])
    expect(
      v4.frames
        .filter((f) => f[0] === 1)
        .map(text)
        .join(''),
    ).toContain('bin\n')
    expect(JSON.parse(text(v4.frames.at(-1)!))).toEqual({ metadata: {}, status: 'Success' })
    expect(v4.closeCode).toBe(1000)
    const stdinUrl = url.replace('stdout=true', 'stdin=true&stdout=true')
    for (const bad of ['hello', new Uint8Array([7, 1, 2]), new Uint8Array([])]) {
      const r = await rawExec(stdinUrl, ['v5.channel.k8s.io'], [bad])
      const last = r.frames.at(-1)!
      expect(last[0]).toBe(3)
      expect(JSON.parse(text(last))).toMatchObject({ status: 'Failure', reason: 'BadRequest' })
      expect(r.closeCode).toBe(1000)
    }
    const wrong = await rawExec(url, ['channel.k8s.io'], [])
    expect(wrong.status).toBe(400)
    expect(JSON.parse(wrong.body!)).toMatchObject({ kind: 'Status', reason: 'BadRequest' })
    const plain = await fetch(url.replace(/^ws/, 'http'))
    expect(plain.status).toBe(400)
    expect(((await plain.json()) as { message: string }).message).toBe('Upgrade request required')
    const gone = await rawExec(url.replace('/pods/box/', '/pods/nope/'), ['v5.channel.k8s.io'], [])
    expect(gone.status).toBe(404)
    const forward = await fetch(`${a.server}/api/v1/namespaces/default/pods/box/portforward`)
    expect(forward.status).toBe(400)
  }, 60_000)

  it('a watch ends at timeoutSeconds and carries bookmarks and the initial state when asked', async () => {
    const a = await learner(base())
    const started = Date.now()
    const res = await fetch(
      `${a.server}/api/v1/namespaces/kube-system/pods?watch=true&timeoutSeconds=2&allowWatchBookmarks=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan`,
    )
    // a proxy's buffer (nginx in front of the Node entry) must not hold the events back
    expect(res.headers.get('x-accel-buffering')).toBe('no')
    const events = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; object: { metadata: { annotations?: object } } })
    expect(Date.now() - started).toBeLessThan(6000)
    expect(events.filter((e) => e.type === 'ADDED').length).toBeGreaterThan(0)
    expect(events.at(-1)).toMatchObject({
      type: 'BOOKMARK',
      object: { metadata: { annotations: { 'k8s.io/initial-events-end': 'true' } } },
    })
  }, 30_000)
}
