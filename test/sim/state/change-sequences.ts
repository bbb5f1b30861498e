// Random sequences of realistic terminal lines against the bench's seeded cluster, time moving on
// between them, for properties of the core's change tracking (documentChanged, settle's skip).
import fc from 'fast-check'
import { expect } from 'vitest'
import { run } from '../../../worker/sim/run'
import { runInTerminal, type ShellSession } from '../../../worker/sim/session'
import type { ClusterState } from '../../../worker/sim/state'
import { seededCluster, T0 } from '../../../bench/core'
import { SEED_SCENARIO } from '../../../bench/seed-scenario'

// the seeded cluster's clock, which the sequences continue
export { T0 }

/** A Deployment `web` of two nginx pods with a readiness probe. */
export const WEB_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
      - name: web
        image: nginx:1.27
        readinessProbe:
          httpGet: { path: /, port: 80 }
`

/** WEB_DEPLOYMENT and a Service `web` in front of it. */
const WEB = `${WEB_DEPLOYMENT}---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  sessionAffinity: ClientIP
  ports:
  - port: 80
`

/** One line as the learner types it, with stdin for `apply -f -`. */
export interface Line {
  command: string
  stdin?: string
}

export const LINES: Line[] = [
  { command: 'kubectl get pods' },
  { command: 'kubectl get pods -o wide' },
  { command: 'kubectl get all -A' },
  { command: 'kubectl get events -A' },
  { command: 'kubectl get endpoints,endpointslices -o yaml' },
  { command: 'kubectl describe service my-blue-service' },
  { command: 'kubectl describe pod access-pod' },
  { command: 'kubectl describe deployment nginx-deployment-3' },
  { command: 'kubectl scale deployment nginx-deployment-3 --replicas=2' },
  { command: 'kubectl scale deployment nginx-deployment-3 --replicas=1' },
  { command: 'kubectl scale deployment nginx-deployment-1.1 --replicas=0' },
  { command: 'kubectl apply -f -', stdin: WEB },
  { command: 'kubectl apply -f -', stdin: SEED_SCENARIO },
  { command: 'kubectl delete deployment web' },
  { command: 'kubectl delete pod -l app=nginx-1.1 --wait=false' },
  { command: 'kubectl delete service my-service' },
  { command: 'kubectl delete deployment nginx-deployment-4 --cascade=foreground --wait=false' },
  { command: 'kubectl delete replicaset -l app=web --cascade=orphan' },
  { command: 'kubectl exec access-pod -- curl -s my-blue-service:8080' },
  { command: 'kubectl exec access-pod -- curl -s -m 2 web' },
  { command: 'kubectl exec access-pod -- curl -s -m 2 my-service:8080' },
  { command: 'kubectl exec access-pod -- apt-get install -y dnsutils' },
  { command: 'kubectl exec access-pod -- nslookup my-blue-service' },
  { command: 'kubectl logs deployment/nginx-deployment-3' },
  { command: 'kubectl logs deployment/web --tail=3' },
  { command: 'kubectl rollout restart deployment nginx-deployment-4' },
  { command: 'kubectl set image deployment/web web=nginx:1.28' },
  { command: 'kubectl label pod access-pod tier=client --overwrite' },
  { command: 'kubectl expose deployment nginx-deployment-4 --port=80 --name=four' },
  { command: 'kubectl run tmp --image=busybox -- sleep 3600' },
  { command: 'kubectl run bad --image=nginx:no-such-tag' },
  { command: 'kubectl config set-context --current --namespace=kube-system' },
  { command: 'kubectl config set-context --current --namespace=default' },
  { command: 'kubectl get svc; kubectl get pods | grep nginx | wc -l' },
  { command: 'for i in 1 2 3; do kubectl exec access-pod -- curl -s my-blue-service:8080; done' },
  { command: 'x=1; echo $((x + 1)); echo hi > /tmp/f; cat /tmp/f' },
  { command: 'kubectl port-forward svc/my-blue-service 8081:8080 &' },
  { command: 'curl -s localhost:8081' },
  { command: 'kubectl get nosuchkind' },
  { command: '' },
]

/** Time between two lines: none, a second, a pod's start-up, minutes, past the events' hour. */
const GAPS = [0, 1_000, 15_000, 120_000, 3_700_000]

export const arbLines = fc.array(fc.tuple(fc.constantFrom(...LINES), fc.constantFrom(...GAPS)), {
  minLength: 1,
  maxLength: 12,
})

/** Terminal lines: the workstation, opening a shell, lines inside it, leaving it. */
const SHELL_LINES = [
  'kubectl exec -it access-pod -- bash',
  'echo $HOSTNAME; ls /',
  'curl -s my-blue-service:8080',
  'apt-get install -y iputils-ping',
  'exit',
  'kubectl get pods',
]

export const arbShellLines = fc.array(
  fc.tuple(fc.constantFrom(...SHELL_LINES), fc.constantFrom(...GAPS)),
  { minLength: 1, maxLength: 10 },
)

let seeded: string | undefined

/** The bench's isolated scenario (bench/core.ts, which throws if a seed line fails), as JSON. */
export function seededJSON(): string {
  seeded ??= JSON.stringify(seededCluster())
  return seeded
}

/** A terminal line's outcome for a property: the document before and after, and the flag. */
export interface Step {
  before: string
  after: ClusterState
  documentChanged: boolean | undefined
  line: string
  /** what the terminal showed */
  output: string
  /** the line's time */
  now: number
}

/** Plays `lines` on a fresh parse of the seeded document, as the platform does (owned). */
export function* playLines(lines: [Line, number][], start = seededJSON()): Generator<Step> {
  let s = JSON.parse(start) as ClusterState
  let now = T0 + 120_000
  for (const [line, gap] of lines) {
    now += gap
    const before = JSON.stringify(s)
    const r = run(s, line.command, { now, stdin: line.stdin, owned: true })
    const output = r.output.map((o) => o.text).join('')
    yield {
      before,
      after: r.state,
      documentChanged: r.documentChanged,
      line: line.command,
      output,
      now,
    }
    s = r.state
  }
}

/** Plays terminal lines (shell sessions included) as the terminal door does. */
export function* playTerminal(lines: [string, number][], start = seededJSON()): Generator<Step> {
  let s = JSON.parse(start) as ClusterState
  let session: ShellSession | null = null
  let now = T0 + 120_000
  for (const [line, gap] of lines) {
    now += gap
    const before = JSON.stringify(s)
    const r = runInTerminal(s, session, line, { now, owned: true })
    const output = r.output.map((o) => o.text).join('') + r.prompt
    yield { before, after: r.state, documentChanged: r.documentChanged, line, output, now }
    s = r.state
    session = r.session
  }
}

/** A switch a property turns on and off (a skip, a memo, a shortcut): no outcome may depend on it. */
export type Switch = (on: boolean) => void

/**
 * Each step's line, what it showed and the document after it, played with `setSwitch(on)`. The
 * document is written out as its step ends: later lines change it in place (owned).
 */
export function switchedOutcomes(
  setSwitch: Switch,
  on: boolean,
  play: () => Iterable<Step>,
): string[] {
  setSwitch(on)
  const out: string[] = []
  for (const step of play()) out.push(`${step.line}\n${step.output}\n${JSON.stringify(step.after)}`)
  return out
}

/** Random sequences (`arb`, played by `play`) leave the same documents and output on as off. */
export function expectSameOnAndOff<T>(
  setSwitch: Switch,
  arb: fc.Arbitrary<T>,
  play: (lines: T) => Iterable<Step>,
  params: fc.Parameters<[T]>,
): void {
  fc.assert(
    fc.property(arb, (lines) => {
      expect(switchedOutcomes(setSwitch, true, () => play(lines))).toEqual(
        switchedOutcomes(setSwitch, false, () => play(lines)),
      )
    }),
    params,
  )
}
