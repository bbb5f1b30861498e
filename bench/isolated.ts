// Isolated phases: a few learners with a seeded cluster each, then one kind of request at a time
// (the floor alone, then `kubectl get pods` alone, ...), so each kind's p50 is its own cost and not
// time spent queueing behind other kinds, as in the mixed load. Lines are sent as the browser's
// terminal sends them (a tab and its size), the path learners' lines take.
import { Learner, type Sample } from './load'
import { summarise } from './stats'

const ok0 = (b: any) => b.exitCode === 0

export interface Phase {
  kind: string
  /** one request of this kind for learner `l` in round `r`; answers whether it was right */
  send(l: Learner, clusterId: string, r: number): Promise<void>
}

/** What the browser's terminal sends with every line (web/src/terminal/session.ts): its tab and size. */
export const BROWSER_TAB = { terminal: 'bench-tab', columns: 120, rows: 30 }

const command = (kind: string, line: (r: number) => string, check: (b: any) => boolean): Phase => ({
  kind,
  send: async (l, id, r) => {
    await l.run(id, kind, line(r), check, undefined, BROWSER_TAB)
  },
})

export const FLOOR_KIND = 'floor: GET /api/me'

export const PHASES: Phase[] = [
  {
    kind: FLOOR_KIND,
    send: async (l) => {
      const me = await l.call('GET', '/api/me')
      l.record(FLOOR_KIND, me, me.status === 200 && typeof me.body.user?.name === 'string')
    },
  },
  command('get pods', () => 'kubectl get pods', (b) => ok0(b) && b.stdout.includes('access-pod')),
  command(
    'exec curl',
    () => 'kubectl exec access-pod -- curl -s my-blue-service:8080',
    (b) => ok0(b) && /<html|nginx/i.test(b.stdout),
  ),
  command(
    'describe',
    () => 'kubectl describe service my-blue-service',
    (b) => ok0(b) && b.stdout.startsWith('Name:'),
  ),
  command(
    'scale',
    (r) => `kubectl scale deployment nginx-deployment-3 --replicas=${1 + (r % 2)}`,
    (b) => ok0(b) && b.stdout === 'deployment.apps/nginx-deployment-3 scaled\n',
  ),
]

async function seededLearner(base: string, i: number, samples: Sample[]) {
  const l = new Learner(base, samples)
  const signup = await l.signup(`isolated-${i}`, `Iso ${i}`)
  if (signup.status !== 201) throw new Error(`signup failed: ${signup.status}`)
  const id = await l.openCluster()
  await l.seed(id)
  return { l, id }
}

export interface IsolatedFigures {
  kind: string
  n: number
  p50: number
  p95: number
  errors: number
  ratioToFloor: number
  rowsRead: number
  rowsWritten: number
  /** the server's CPU per request over the phase (process-cpu.ts), and over the floor's */
  cpuMs?: number
  cpuRatioToFloor?: number
}

/** learners whose clusters warm the server up */
const WARMERS = 4
/** requests of each kind each warmer sends, by default */
export const WARM_ROUNDS = 10

export interface IsolatedOptions {
  /** requests of each kind each warmer sends before the phases (default WARM_ROUNDS) */
  warmRounds?: number
  /** the server's CPU ms so far (Server.cpuMs): each phase's CPU per request is then printed */
  serverCpuMs?: () => number | undefined
}

/** `learners` at once, `rounds` requests each per phase, after `warmup` unmeasured ones. */
export async function isolatedPhases(
  base: string,
  learners = 8,
  rounds = 30,
  warmup = 5,
  { warmRounds = WARM_ROUNDS, serverCpuMs = () => undefined }: IsolatedOptions = {},
): Promise<IsolatedFigures[]> {
  const setup: Sample[] = []
  // learners of their own warm the server up (below), so the measured clusters see only their phases
  const [people, warmers] = await Promise.all([
    Promise.all(Array.from({ length: learners }, (_, i) => seededLearner(base, i, setup))),
    Promise.all(Array.from({ length: WARMERS }, (_, i) => seededLearner(base, learners + i, setup))),
  ])
  const bad = setup.filter((s) => !s.ok).length
  if (bad > 0) throw new Error(`isolated phases: ${bad} set-up requests failed`)
  // A warm-up pass over every kind first, so that no measured phase pays alone for V8 compiling
  // the command path: without it whichever kind ran first read ~0.5x higher against the floor than
  // when it ran last (Node, 2026-12-06: get pods 1.65-2.02x first, 0.98-1.44x last). It runs on
  // clusters of its own: a warm-up `scale` on the measured ones would leave them with pods and
  // events the phases before `scale` never had. The default 10 rounds do NOT bring the Node server
  // to the steady state of a long-running one: V8 still compiles functions of the command path for
  // the first time thousands of requests later (docs/scaling.md, seventh session), and the p50
  // ratios move with how far it got. `--warm-rounds` sets it; the CPU columns do not depend on it
  // as much.
  for (const phase of PHASES) {
    await Promise.all(
      warmers.map(async ({ l, id }) => {
        for (let r = 0; r < warmRounds; r++) await phase.send(l.into([]), id, r)
      }),
    )
  }
  const byKind = new Map<string, Sample[]>()
  const cpuByKind = new Map<string, number | undefined>()
  for (const phase of PHASES) {
    const samples: Sample[] = []
    const cpuBefore = serverCpuMs()
    await Promise.all(
      people.map(async ({ l, id }) => {
        const quiet = l.into([])
        for (let r = 0; r < warmup; r++) await phase.send(quiet, id, r)
        const measured = l.into(samples)
        for (let r = 0; r < rounds; r++) await phase.send(measured, id, r)
      }),
    )
    byKind.set(phase.kind, samples)
    const cpuAfter = serverCpuMs()
    // every request of the phase, its unmeasured first rounds included: they ran on the same server
    const requests = learners * (warmup + rounds)
    cpuByKind.set(
      phase.kind,
      cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / requests,
    )
  }
  const floor = summarise((byKind.get(FLOOR_KIND) ?? []).map((s) => s.ms)).p50
  const floorCpu = cpuByKind.get(FLOOR_KIND)
  return [...byKind].map(([kind, ks]) => {
    const sum = summarise(ks.map((s) => s.ms))
    const cpuMs = cpuByKind.get(kind)
    return {
      cpuMs,
      cpuRatioToFloor: cpuMs === undefined || !floorCpu ? undefined : cpuMs / floorCpu,
      kind,
      n: ks.length,
      p50: sum.p50,
      p95: sum.p95,
      errors: ks.filter((s) => !s.ok).length,
      ratioToFloor: sum.p50 / floor,
      rowsRead: ks.reduce((a, s) => a + s.rowsRead, 0) / ks.length,
      rowsWritten: ks.reduce((a, s) => a + s.rowsWritten, 0) / ks.length,
    }
  })
}
