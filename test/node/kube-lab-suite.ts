// A graded lab completed entirely through the real kubectl 1.32, exec'd requests included: the
// lab clusterip-endpoints (the notes' my-service with hand-written Endpoints), from `apply -f` to
// `kubectl exec access-pod -- curl -s my-service:8080` and curl loops piped into
// `kubectl exec -i access-pod -- bash`. The lab page's progress then says completed, and the map's
// poll has the last exec's traces.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import {
  HAS_PYTHON,
  dir,
  kubectl,
  kubectlAtTerminal,
  learner,
  sleep,
  type Learner,
} from './kube-streams-helpers'

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: my-service
spec:
  ports:
  - protocol: TCP
    port: 8080
    targetPort: 80
`

const endpoints = (ips: string[]) => `apiVersion: v1
kind: Endpoints
metadata:
  name: my-service
subsets:
- addresses:
${ips.map((ip) => `  - ip: ${ip}`).join('\n')}
  ports:
  - port: 80
`

/** The pods' IPs once all three are Running and ready, through the real kubectl. */
async function readyIps(a: Learner): Promise<string[]> {
  const args = ['get', 'pods', '-l', 'app=nginx-1.1', '--no-headers', '-o', 'wide']
  for (let i = 0; i < 60; i++) {
    const rows = (await kubectl(a.kubeconfig, args)).stdout.trim().split('\n')
    const ready = rows.filter((r) => /\s1\/1\s+Running\s/.test(r))
    if (rows.length === 3 && ready.length === 3) return ready.map((r) => r.split(/\s+/)[5]!)
    await sleep(500)
  }
  throw new Error('the nginx-1.1 pods did not all become ready')
}

function file(name: string, text: string): string {
  const path = join(dir, `${name}-${Date.now()}.yaml`)
  writeFileSync(path, text)
  return path
}

async function tasksDone(a: Learner): Promise<string[]> {
  const lab = await a.c.get('/api/labs/clusterip-endpoints')
  return lab.body.lab.tasks
    .filter((t: { done: boolean }) => t.done)
    .map((t: { id: string }) => t.id)
}

const LOOP =
  'for i in $(seq 1 30); do curl -s --connect-timeout 2 my-service:8080 | grep -i served; done\n'

export function labSuite(base: () => string) {
  it('completes the lab clusterip-endpoints, exec tasks included, from the real kubectl', async () => {
    const a = await learner(base(), 'clusterip-endpoints')
    const k = (args: string[], stdin?: string) => kubectl(a.kubeconfig, args, stdin)
    expect((await k(['apply', '-f', file('svc', SVC)])).stdout).toBe('service/my-service created\n')
    const ips = await readyIps(a)
    expect((await k(['apply', '-f', file('ep', endpoints(ips))])).stdout).toBe(
      'endpoints/my-service created\n',
    )
    expect(await tasksDone(a)).toEqual(['create-service', 'write-endpoints'])

    // ubuntu has no curl until it is installed, as the lab says
    const none = await k(['exec', 'access-pod', '--', 'curl', '-s', 'my-service:8080'])
    expect(none.exitCode).toBe(1)
    expect(none.stderr).toContain('exec: "curl": executable file not found in $PATH')
    expect((await k(['exec', 'access-pod', '--', 'apt-get', 'update'])).exitCode).toBe(0)
    const install = await k(['exec', 'access-pod', '--', 'apt-get', 'install', '-y', 'curl'])
    expect(install.exitCode, install.stderr).toBe(0)
    const curl = await k(['exec', 'access-pod', '--', 'curl', '-s', 'my-service:8080'])
    expect(curl.exitCode, curl.stderr).toBe(0)
    expect(curl.stdout).toMatch(/nginx-deployment-1\.1-/)
    expect(await tasksDone(a)).toContain('curl-service')

    // a shell in access-pod at a terminal, as a learner would open one: bash's prompt, a curl
    // inside it, and the exit code kubectl ends with
    const lastSeq = async () => {
      const traces = (await a.c.get(`/api/clusters/${a.id}/kubeconfig/status`)).body.traces
      return (traces.at(-1)?.seq ?? 0) as number
    }
    if (HAS_PYTHON) {
      const before = await lastSeq()
      const t = await kubectlAtTerminal(
        a.kubeconfig,
        ['exec', '-it', 'access-pod', '--', 'bash'],
        // the session ends ~3 s in, well before kubectl's first websocket ping (client-go's
        // remotecommand pings every 5 s): ending it at ~5 s raced that ping, and kubectl then
        // logged `E... websocket.go: Websocket Ping failed: websocket: close sent` between the
        // `exit` and `command terminated` lines (a clean-clone CI run on wrangler dev)
        [
          [1.5, 'curl -s my-service:8080 | grep -c served\r'],
          [1.5, 'exit 3\r'],
        ],
      )
      expect(t.out).toContain(
        'root@access-pod:/# curl -s my-service:8080 | grep -c served\r\n1\r\n',
      )
      expect(t.out).toContain(
        'root@access-pod:/# exit 3\r\nexit\r\ncommand terminated with exit code 3',
      )
      expect(t.exit).toBe(3)
      // the line typed in the shell was traced for the map too
      expect(await lastSeq()).toBe(before + 1)
    }

    // the loop of step 4, piped into a shell in access-pod (exec -i with stdin)
    const loop = await k(['exec', '-i', 'access-pod', '--', 'bash'], LOOP)
    expect(loop.exitCode, loop.stderr).toBe(0)
    const served = new Set(loop.stdout.match(/nginx-deployment-1\.1-[\w-]+/g))
    expect(served.size).toBe(3)
    expect(await tasksDone(a)).toContain('load-balanced')

    // step 5: a recreated pod gets a new IP; the hand-written Endpoints keep the old one
    const victim = (
      await k(['get', 'pods', '-l', 'app=nginx-1.1', '-o', 'jsonpath={.items[0].metadata.name}'])
    ).stdout
    expect((await k(['delete', 'pod', victim])).stdout).toBe(`pod "${victim}" deleted\n`)
    const fresh = await readyIps(a)
    await k(['exec', '-i', 'access-pod', '--', 'bash'], LOOP)
    expect(await tasksDone(a)).toContain('stale-endpoint')

    // step 6: the Endpoints fixed with the new IP
    expect((await k(['apply', '-f', file('ep2', endpoints(fresh))])).stdout).toBe(
      'endpoints/my-service configured\n',
    )
    const lab = (await a.c.get('/api/labs/clusterip-endpoints')).body.lab
    expect(lab.tasks.filter((t: { done: boolean }) => !t.done)).toEqual([])
    expect(lab.completedAt).toEqual(expect.any(Number))
    const catalogue = (await a.c.get('/api/labs')).body.labs
    const summary = catalogue.find((l: { id: string }) => l.id === 'clusterip-endpoints')
    expect(summary.completedAt).toBe(lab.completedAt)

    // the exec'd requests went through the network: the map's poll has the loop's last traces
    const status = (await a.c.get(`/api/clusters/${a.id}/kubeconfig/status`)).body
    expect(status.tasksDone).toHaveLength(6)
    expect(status.traces).toHaveLength(5)
    expect(status.traces[4].trace).toMatchObject({
      from: { kind: 'pod', name: 'access-pod' },
      request: 'GET http://my-service:8080/',
    })
    const history = (await a.c.get(`/api/clusters/${a.id}/history`)).body.history as {
      command: string
    }[]
    const commands = history.map((h) => h.command)
    expect(commands).toContain('kubectl exec access-pod -- curl -s my-service:8080')
    expect(commands).toContain('kubectl exec -i access-pod -- bash')
  }, 240_000)
}
