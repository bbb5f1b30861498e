import { describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { interruptStream, startStream } from '../../../worker/sim/stream'
import type { ClusterState } from '../../../worker/sim/state'
import { scenario, T0 } from '../shell/fixture'
import { drive } from './drive'

const NOW = T0 + 130_000
const sh = (s: ClusterState, line: string, now = NOW) => run(s, line, { now })
const scaleTo = (n: number) => (s: ClusterState, now: number) =>
  sh(s, `kubectl scale deployment nginx-deployment-3 --replicas=${n}`, now).state
const podOf = (s: ClusterState, deploy: string) =>
  sh(s, `kubectl get pods -o name | grep ${deploy}`).stdout.trim().replace('pod/', '')

describe('kubectl get -w', () => {
  it('lists once, then one row per event; the header is not repeated and widths only grow', () => {
    const d = drive(scenario(7), 'kubectl get pods -w', {
      now: NOW,
      seconds: 8,
      elsewhere: { 2: scaleTo(2) },
    })
    const lines = d.text.split('\n')
    expect(lines[0]).toBe('NAME                                  READY   STATUS    RESTARTS   AGE')
    expect(lines.filter((l) => l.startsWith('NAME')).length).toBe(1)
    const added = lines.slice(6).filter((l) => l !== '')
    expect(added.length).toBeGreaterThanOrEqual(4)
    // a new pod is Pending twice (created, then bound to a node) before the kubelet's
    // ContainerCreating (TERMINAL-FACTS B6)
    const pending = /^nginx-deployment-3-\w+-\w{5} {3}0\/1 {5}Pending {3}0 {10}0s$/
    expect(added[0]).toMatch(pending)
    expect(added[1]).toMatch(pending)
    // ContainerCreating widens STATUS for that row and every later one (RememberWidths)
    expect(added[2]).toMatch(
      /^nginx-deployment-3-\w+-\w{5} {3}0\/1 {5}ContainerCreating {3}0 {10}0s$/,
    )
    expect(added[added.length - 1]).toMatch(/ {5}Running {13}0 {10}\ds$/)
    expect(d.at('ContainerCreating')).toBe(NOW + 2000)
    expect(d.last.interrupt).toEqual({ text: '^C', exitCode: 1 })
    expect(d.last.result).toBeUndefined()
  })

  it('-o wide --output-watch-events: a new pod is ADDED with no node, then MODIFIED on its node', () => {
    const d = drive(scenario(7), 'kubectl get pods -o wide --output-watch-events --watch-only', {
      now: NOW,
      seconds: 3,
      elsewhere: { 2: scaleTo(2) },
    })
    const rows = d.text.trimEnd().split('\n').slice(1)
    const node = (l: string | undefined) => l?.split(/\s+/)[7]
    expect(rows.slice(0, 3).map((l) => l.split(/\s+/).slice(0, 4).join(' '))).toEqual([
      expect.stringMatching(/^ADDED nginx-deployment-3-\w+-\w{5} 0\/1 Pending$/),
      expect.stringMatching(/^MODIFIED nginx-deployment-3-\w+-\w{5} 0\/1 Pending$/),
      expect.stringMatching(/^MODIFIED nginx-deployment-3-\w+-\w{5} 0\/1 ContainerCreating$/),
    ])
    expect(node(rows[0])).toBe('<none>')
    expect(node(rows[1])).toMatch(/^lab-/)
    expect(node(rows[2])).toBe(node(rows[1]))
  })

  it('--watch-only prints nothing until an event, then the header with it', () => {
    const d = drive(scenario(7), 'kubectl get pods --watch-only', {
      now: NOW,
      seconds: 4,
      elsewhere: { 3: scaleTo(2) },
    })
    expect(d.steps[0]?.output).toEqual([])
    // the header comes with the first event, a Pending row: ContainerCreating widens STATUS later
    expect(d.text.split('\n')[0]).toMatch(/^NAME {34}READY {3}STATUS {4}RESTARTS {3}AGE$/)
    expect(d.at('NAME')).toBe(NOW + 3000)
  })

  it('--output-watch-events adds EVENT: ADDED for the initial list, DELETED when a pod goes', () => {
    const s = scenario(7)
    const d = drive(s, 'kubectl get pods --output-watch-events -w', {
      now: NOW,
      seconds: 3,
      elsewhere: {
        2: (st, now) => sh(st, 'kubectl delete pod cc --grace-period=0 --force', now).state,
      },
    })
    const lines = d.text.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^EVENT {6}NAME {34}READY {3}STATUS {4}RESTARTS {3}AGE$/)
    expect(lines[1]).toMatch(/^ADDED {6}access-pod /)
    expect(lines[lines.length - 1]).toMatch(/^DELETED {4}cc {36}1\/1 /)
  })

  it('an empty namespace prints nothing at all until the first event', () => {
    const d = drive(scenario(7), 'kubectl get pods -n kube-public -w', { now: NOW, seconds: 2 })
    expect(d.text).toBe('')
  })
})

describe('kubectl commands that wait', () => {
  it('rollout status prints its progress lines until the rollout is done', () => {
    const s = scaleTo(3)(scenario(7), NOW)
    const d = drive(s, 'kubectl rollout status deployment/nginx-deployment-3', {
      now: NOW,
      seconds: 60,
    })
    const lines = d.text.trimEnd().split('\n')
    expect(lines[0]).toBe(
      'Waiting for deployment "nginx-deployment-3" rollout to finish: 1 of 3 updated replicas are available...',
    )
    expect(lines).toContain(
      'Waiting for deployment "nginx-deployment-3" rollout to finish: 2 of 3 updated replicas are available...',
    )
    expect(lines[lines.length - 1]).toBe('deployment "nginx-deployment-3" successfully rolled out')
    expect(d.last.result?.exitCode).toBe(0)
  })

  it('logs -f shows the lines so far, then each request served meanwhile', () => {
    const s = scenario(7)
    const pod = podOf(s, 'nginx-deployment-3')
    const ip = sh(s, `kubectl get pod ${pod} -o jsonpath='{.status.podIP}'`).stdout
    const d = drive(s, `kubectl logs -f ${pod}`, {
      now: NOW,
      seconds: 4,
      elsewhere: { 3: (st, now) => sh(st, `kubectl exec cc -- curl -s ${ip}`, now).state },
    })
    expect(d.at('"GET / HTTP/1.1" 200')).toBe(NOW + 3000)
    expect(d.last.interrupt.text).toBe('^C')
  })

  it('delete pod waits for the grace period of a process that ignores SIGTERM', () => {
    const d = drive(scenario(7), 'kubectl delete pod bb', { now: NOW, seconds: 40 })
    expect(d.steps[0]?.output.map((o) => o.text).join('')).toBe('pod "bb" deleted\n')
    expect(d.last.result?.exitCode).toBe(0)
    expect(d.steps.length - 1).toBe(30)
  })

  it('wait --for=condition=Ready: met once the new pod is ready; a timeout says so', () => {
    const s = sh(scenario(7), 'kubectl run web --image=nginx').state
    const ok = drive(s, 'kubectl wait --for=condition=Ready pod/web --timeout=60s', {
      now: NOW,
      seconds: 60,
    })
    expect(ok.text).toBe('pod/web condition met\n')
    expect(ok.last.result?.exitCode).toBe(0)
    const bad = sh(scenario(7), 'kubectl run nope --image=nosuchimage').state
    const t = drive(bad, 'kubectl wait --for=condition=Ready pod/nope --timeout=3s', {
      now: NOW,
      seconds: 10,
    })
    expect(t.text).toBe('error: timed out waiting for the condition on pods/nope\n')
    expect(t.steps.length - 1).toBe(3)
  })

  it('port-forward holds until Ctrl+C, says so for each connection, and closes its port', () => {
    const d = drive(scenario(7), 'kubectl port-forward svc/blue-np 8080:80', {
      now: NOW,
      seconds: 5,
      interruptAt: 5,
      elsewhere: { 2: (s, now) => sh(s, 'curl -s localhost:8080 >/dev/null', now).state },
    })
    expect(d.text).toBe(
      'Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\nHandling connection for 8080\n',
    )
    expect(d.at('Handling')).toBe(NOW + 2000)
    expect(d.last.result?.exitCode).toBe(1)
    expect(d.last.result?.state.runtime.portForwards).toEqual([])
  })
})

describe('watch, ping, sleep and loops', () => {
  it('watch: alternate screen, a header right-aligned to the width with the date, redraws', () => {
    const d = drive(scenario(7), 'watch -n 1 kubectl get deploy', {
      now: NOW,
      seconds: 2,
      columns: 100,
    })
    const frames = d.text.split('\x1b[H\x1b[2J')
    expect(frames[0]).toBe('\x1b[?1049h')
    expect(frames[1]?.split('\n')[0]).toBe(
      'Every 1.0s: kubectl get deploy' + ' '.repeat(33) + 'workstation: Thu Nov 26 06:02:10 2026',
    )
    expect(frames[1]?.split('\n')[0]?.length).toBe(100)
    expect(frames[1]?.split('\n')[1]).toBe('')
    expect(frames.length).toBe(4)
    expect(d.last.interrupt).toEqual({ text: '\x1b[?1049l', exitCode: 0 })
  })

  it('ping (iputils): one reply a second, the statistics on Ctrl+C', () => {
    const d = drive(scenario(7), 'ping 172.18.0.3', { now: NOW, seconds: 2 })
    expect(d.text).toMatch(
      /^PING 172\.18\.0\.3 \(172\.18\.0\.3\) 56\(84\) bytes of data\.\n64 bytes from 172\.18\.0\.3: icmp_seq=1 ttl=64 time=\d\.\d{3} ms\n/,
    )
    expect(d.at('icmp_seq=3')).toBe(NOW + 2000)
    expect(d.last.interrupt.text).toMatch(
      /^\^C\n\n--- 172\.18\.0\.3 ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time \d+ms\nrtt min\/avg\/max\/mdev = [\d.]+\/[\d.]+\/[\d.]+\/[\d.]+ ms\n$/,
    )
    expect(d.last.interrupt.exitCode).toBe(0)
  })

  it('ping -c 2 ends by itself with the statistics', () => {
    const d = drive(scenario(7), 'ping -c 2 172.18.0.3', { now: NOW, seconds: 3 })
    expect(d.text).toMatch(
      /\n--- 172\.18\.0\.3 ping statistics ---\n2 packets transmitted, 2 received/,
    )
    expect(d.last.result?.exitCode).toBe(0)
  })

  it('sleep 3 ends three seconds later; a loop with sleep prints as time passes', () => {
    expect(drive(scenario(7), 'sleep 3', { now: NOW, seconds: 10 }).steps.length - 1).toBe(3)
    const d = drive(scenario(7), 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 1; done', {
      now: NOW,
      seconds: 4,
    })
    expect(d.steps.map((s) => s.output.map((o) => `${o.at - NOW} ${o.text}`).join(''))).toEqual([
      '0 tick 1\n',
      '1000 tick 2\n',
      '2000 tick 3\n',
      '3000 tick 4\n',
      '4000 tick 5\n',
    ])
    expect(d.last.interrupt).toEqual({ text: '^C\n', exitCode: 130 })
  })

  it('a curl loop sends one request per iteration, each in the trace', () => {
    const d = drive(
      scenario(7),
      'for i in $(seq 3); do kubectl exec cc -- curl -s my-blue-service:8080 >/dev/null; sleep 1; done',
      {
        now: NOW,
        seconds: 5,
      },
    )
    expect(d.steps.flatMap((s) => s.trace).length).toBe(3)
    expect(d.last.result?.exitCode).toBe(0)
  })

  it("the terminal's limit ends a stream with its notice, exit 130", () => {
    const { stream } = startStream(scenario(7), null, 'sleep infinity', { now: NOW })
    const step = interruptStream(stream!, 'service-lab: stopped\n')
    expect(step.output).toEqual([{ stream: 'stderr', text: 'service-lab: stopped\n', at: NOW }])
    expect(step.result?.exitCode).toBe(130)
  })

  it('kubectl run -it waits for the pod to run before the press-enter line, then opens the shell', () => {
    const d = drive(scenario(7), 'kubectl run tmp -it --rm --image=busybox -- sh', {
      now: NOW,
      seconds: 30,
    })
    expect(d.steps[0]?.output).toEqual([])
    expect(d.text).toBe("If you don't see a command prompt, try pressing enter.\n")
    expect(d.at('If you')).toBeGreaterThan(NOW)
    expect(d.last.result?.prompt).toBe('/ # ')
  })
})

describe('lines that do not stream', () => {
  it('a line fed stdin runs at once with it (kubectl delete -f -)', () => {
    const manifest = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: empty-svc\n'
    const { stream, step } = startStream(scenario(7), null, 'kubectl delete -f -', {
      now: NOW,
      stdin: manifest,
    })
    expect(stream).toBeUndefined()
    expect(step.result?.stdout).toBe('service "empty-svc" deleted\n')
  })

  it('a plain line through the stream API ends in its first step', () => {
    const { step } = startStream(scenario(7), null, 'kubectl get svc empty-svc -o name', {
      now: NOW,
    })
    expect(step.result?.stdout).toBe('service/empty-svc\n')
    expect(step.output).toEqual([{ stream: 'stdout', text: 'service/empty-svc\n', at: NOW }])
  })
})
