// The controller builds its upstream warnings (a pass over every served Ingress's backends) only
// when an Ingress was synced or something they are built from was written: not on every settle
// of a cluster that serves an Ingress. The log stays the same with the skip on and off.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as Warnings from '../../../worker/sim/controllers/ingress-nginx-warnings'
import { skipQuietControllers } from '../../../worker/sim/controllers/settle-memo'
import { run } from '../../../worker/sim/run'
import { cloneJSON } from '../../../worker/sim/state'
import { ingressCluster, NOW } from './fixture'
import { TLS_CRT, TLS_KEY } from '../kubectl/tls-fixture'

const built = vi.hoisted(() => ({ count: 0 }))

vi.mock('../../../worker/sim/controllers/ingress-nginx-warnings', async (importOriginal) => {
  const real = await importOriginal<typeof Warnings>()
  const upstreamWarnings: typeof real.upstreamWarnings = (...args) => {
    built.count += 1
    return real.upstreamWarnings(...args)
  }
  return { ...real, upstreamWarnings }
})

afterEach(() => skipQuietControllers(true))

const LOGS = 'kubectl logs -n ingress-nginx deploy/ingress-nginx-controller'

/** Lines played on one document (owned), each 7 s after the last; the builds each line caused. */
function play(lines: string[]) {
  const s = cloneJSON(ingressCluster())
  let now = NOW
  const builds: number[] = []
  const out: string[] = []
  for (const line of lines) {
    now += 7_000
    built.count = 0
    const r = run(s, line, { now, owned: true })
    builds.push(built.count)
    out.push(`${line}\n${r.stdout}${r.stderr}`)
  }
  out.push(run(s, LOGS, { now: now + 1_000, owned: true }).stdout, JSON.stringify(s))
  return { builds, out }
}

const LINES = [
  'kubectl get pods',
  'kubectl get ingress',
  'kubectl get pods',
  'kubectl scale deployment magic --replicas=0',
  'kubectl get pods',
  'kubectl get pods',
  'kubectl create ingress lost --class=nginx --rule=lost.example/*=nosuch:80',
  'kubectl get pods',
  'kubectl scale deployment magic --replicas=2',
  'kubectl get pods',
  'kubectl get pods',
]

describe('upstream warnings are built only when what they read changed', () => {
  it('settles that write nothing they read do not build them', () => {
    const { builds } = play(LINES)
    // the first settle of the document builds them once; reads afterwards never do
    expect(builds[1]).toBe(0)
    expect(builds[2]).toBe(0)
    // a scale writes Pods, then EndpointSlices: built again, then quiet
    expect(builds[3]).toBeGreaterThan(0)
    expect(builds[5]).toBe(0)
    expect(builds[7]).toBe(0)
    expect(builds[10]).toBe(0)
  })
  it('leaves the same log and documents as building them on every settle', () => {
    const on = play(LINES).out
    skipQuietControllers(false)
    expect(play(LINES).out).toEqual(on)
    // not vacuous: the log names the Service without endpoints and the missing one
    const log = on.at(-2) ?? ''
    expect(log).toContain('Service "default/magic" does not have any active Endpoint.')
    expect(log).toContain('Error obtaining Endpoints for Service "default/nosuch"')
  })
  it('leaves the same log with TLS Secrets that come, serve and go', () => {
    const tls = [
      `printf '%s' '${TLS_CRT}' > tls.crt; printf '%s' '${TLS_KEY}' > tls.key`,
      'kubectl create ingress sec --class=nginx --rule=web.example/*=magic:80,tls=web-tls',
      'kubectl get pods',
      'kubectl create secret tls web-tls --cert=tls.crt --key=tls.key',
      'kubectl get pods',
      'kubectl delete secret web-tls',
      'kubectl get pods',
      'kubectl get pods',
    ]
    const on = play(tls).out
    skipQuietControllers(false)
    expect(play(tls).out).toEqual(on)
    expect(on.at(-2)).toContain('web-tls')
  })
})
