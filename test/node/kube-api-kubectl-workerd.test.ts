// The real kubectl 1.32 against `wrangler dev` (workerd + local D1, as `npm start` serves it), a
// shorter corpus than the Node one: protobuf create, apply, scale, Tables, describe, explain,
// errors, each compared with the lab terminal's output. Ages are masked: the clock is not pinned
// here. Needs the `kubectl` binary and wrangler; skipped where kubectl is missing.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWranglerDev, type WranglerDev } from './wrangler-dev'
import { dir, HAS_KUBECTL, kubectl, learner, type Out } from './kube-streams-helpers'

let server: WranglerDev | undefined

/** Ages and the padding they change, left out: the two runs are a moment apart. */
function normal(o: Out): Out {
  const n = (t: string) => t.replace(/\b(\d+[dhm])?\d+[smhd]\b/g, 'AGE').replace(/ {2,}/g, '  ')
  return { stdout: n(o.stdout), stderr: n(o.stderr), exitCode: o.exitCode }
}

interface PodList {
  items: { status: { phase?: string; podIP?: string; containerStatuses?: { ready: boolean }[] } }[]
}

/**
 * Waits (wall clock: wrangler dev's is not pinned) until every pod runs, ready, with its IP, so
 * that `get pods -o wide` and the Deployment/ReplicaSet counts read the same a moment apart.
 */
async function settled(sim: (line: string) => Promise<Out>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const pods = JSON.parse((await sim('kubectl get pods -o json')).stdout) as PodList
    const ready = pods.items.every(
      (p) =>
        p.status.phase === 'Running' &&
        Boolean(p.status.podIP) &&
        (p.status.containerStatuses ?? []).every((cs) => cs.ready),
    )
    if (ready) return
    if (Date.now() > deadline) throw new Error('the pods did not settle in time')
    await new Promise((ok) => setTimeout(ok, 500))
  }
}

beforeAll(async () => {
  if (!HAS_KUBECTL) return
  server = await startWranglerDev(8842)
}, 120_000)

afterAll(() => server?.stop())

describe.skipIf(!HAS_KUBECTL)(
  'the real kubectl against wrangler dev (needs the kubectl binary)',
  () => {
    it('prints what the simulated kubectl prints', async () => {
      const a = await learner(server!.base)
      const b = await learner(server!.base)
      const svc =
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n'
      const svcFile = join(dir, 'svc.yaml')
      writeFileSync(svcFile, svc)
      const writes: [string[], string, string?][] = [
        [
          ['create', 'deployment', 'web', '--image=nginx', '--replicas=2'],
          'kubectl create deployment web --image=nginx --replicas=2',
        ],
        [['apply', '-f', svcFile], 'kubectl apply -f -', svc],
        [
          ['scale', 'deployment', 'web', '--replicas=3'],
          'kubectl scale deployment web --replicas=3',
        ],
        [['get', 'pod', 'nope'], 'kubectl get pod nope'],
      ]
      for (const [args, line, stdin] of writes)
        expect(await kubectl(a.kubeconfig, args), args.join(' ')).toEqual(await b.sim(line, stdin))
      // the reads compare two moments: only a settled cluster reads the same at both
      await settled(a.sim)
      for (const line of [
        'get pods -o wide',
        'get svc',
        'get deploy,rs',
        'describe service web',
        'explain service.spec.type',
        'api-resources',
      ]) {
        const want = normal(await a.sim(`kubectl ${line}`))
        expect(normal(await kubectl(a.kubeconfig, line.split(' '))), line).toEqual(want)
      }
    }, 180_000)
  },
)
