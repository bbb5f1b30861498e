// The watch's view of a cluster: a copy of the stored document settled at `now`, diffed against
// the previous view, re-settled when a transition is due. What a learner's `kubectl get -w` and
// informers (rollout status, wait) see depends on these.
import { describe, expect, it } from 'vitest'
import { newCluster, run } from '../../../worker/sim'
import { settle } from '../../../worker/sim/controllers/settle'
import { cloneJSON, type ClusterState } from '../../../worker/sim/state'
import { nextDueAt } from '../../../worker/kube-api/watch/due'
import { diffSnapshots, openingEvents, snapshot } from '../../../worker/kube-api/watch/diff'
import { readWatchSpec, type WatchSpec } from '../../../worker/kube-api/watch/spec'

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0)

function spec(query = '', kind: WatchSpec['kind'] = 'Pod'): WatchSpec {
  const r = readWatchSpec(kind, 'default', new URLSearchParams(query), 'application/json')
  if (!r.ok) throw new Error(r.message)
  return r.spec
}

function viewAt(stored: ClusterState, now: number): ClusterState {
  const s = cloneJSON(stored)
  settle(s, now)
  return s
}

function stored(): ClusterState {
  return run(newCluster(7, T0), 'kubectl create deployment web --image=nginx --replicas=2', {
    now: T0,
  }).state
}

describe('watch views', () => {
  it('a view settled at t, then at a later t, shows what settling straight at the later t stores', () => {
    const s = stored()
    const direct = snapshot(viewAt(s, T0 + 60_000), spec())
    let seen = snapshot(viewAt(s, T0), spec())
    for (let t = T0 + 500; t <= T0 + 60_000; t += 500) seen = snapshot(viewAt(s, t), spec())
    expect(diffSnapshots(seen, direct)).toEqual([])
    // and a command at that time stores the same pods
    const next = run(s, 'kubectl get pods', { now: T0 + 60_000 }).state
    expect(diffSnapshots(direct, snapshot(next, spec()))).toEqual([])
  })

  it('reports the pods starting, step by step, when re-settled at the due times', () => {
    const s = stored()
    let now = T0
    let view = viewAt(s, now)
    let snap = snapshot(view, spec())
    const seen: string[] = []
    for (let due = nextDueAt(view, now); due !== undefined; due = nextDueAt(view, now)) {
      now = due
      view = viewAt(s, now)
      const next = snapshot(view, spec())
      for (const e of diffSnapshots(snap, next))
        seen.push(`${e.type} ${(e.object.status as { phase: string }).phase}`)
      snap = next
    }
    expect(seen.filter((e) => e === 'MODIFIED Running')).toHaveLength(2)
    expect(now - T0).toBeLessThan(30_000)
  })

  it('starts with the current state as ADDED when no version is given, else only what changed after it', () => {
    const s = viewAt(stored(), T0 + 30_000)
    const snap = snapshot(s, spec())
    const asStored = { snap, rv: s.rv }
    expect(openingEvents(asStored, snap, spec())).toMatchObject([
      { type: 'ADDED' },
      { type: 'ADDED' },
    ])
    expect(openingEvents(asStored, snap, spec(`resourceVersion=${s.rv}`))).toEqual([])
    const older =
      Math.min(...[...snap.values()].map((v) => Number(v.object.metadata.resourceVersion))) - 1
    const since = openingEvents(asStored, snap, spec(`resourceVersion=${older}`))
    expect(since).not.toBe('expired')
    expect((since as unknown[]).length).toBeGreaterThan(0)
  })

  it("reports a pod that went between kubectl delete's list and its watch (its wait would never end)", () => {
    const running = viewAt(
      run(stored(), 'kubectl run one --image=nginx', { now: T0 + 1000 }).state,
      T0 + 30_000,
    )
    // kubectl delete: the pod is Terminating; nginx stops on SIGTERM, so it goes a second later.
    // The wait lists it (the document the list stored), and its watch opens 2 s later.
    const deleting = run(running, 'kubectl delete pod one --wait=false', { now: T0 + 31_000 }).state
    const watch = spec(`resourceVersion=${deleting.rv}&fieldSelector=metadata.name%3Done`)
    const asStored = { snap: snapshot(deleting, watch), rv: deleting.rv }
    const opened = snapshot(viewAt(deleting, T0 + 33_000), watch)
    expect(opened.size).toBe(0)
    const events = openingEvents(asStored, opened, watch)
    expect(events).toMatchObject([{ type: 'DELETED', object: { metadata: { name: 'one' } } }])
  })

  it('tells an informer its version is too old when the document was written after it, so it lists again', () => {
    const s = viewAt(stored(), T0 + 30_000)
    const before = s.rv
    const written = run(s, 'kubectl delete pod --all --wait=false', { now: T0 + 31_000 }).state
    const asStored = { snap: snapshot(written, spec()), rv: written.rv }
    const now = snapshot(viewAt(written, T0 + 31_500), spec())
    expect(
      openingEvents(asStored, now, spec(`resourceVersion=${before}&allowWatchBookmarks=true`)),
    ).toBe('expired')
    // `kubectl get -w` (no bookmarks, it would end on an error) hears what the stored objects show
    const plain = openingEvents(asStored, now, spec(`resourceVersion=${before}`))
    expect(plain).not.toBe('expired')
    // the two pods going (Terminating) and the two the ReplicaSet made in their place
    expect((plain as unknown[]).length).toBe(4)
    expect((plain as { type: string }[]).every((e) => e.type === 'MODIFIED')).toBe(true)
  })

  it('filters by label and field selectors and reports a deletion with the last state', () => {
    const s = viewAt(
      run(stored(), 'kubectl run solo --image=nginx', { now: T0 + 1000 }).state,
      T0 + 30_000,
    )
    expect(snapshot(s, spec('labelSelector=app%3Dweb')).size).toBe(2)
    expect(
      [...snapshot(s, spec('fieldSelector=metadata.name%3Dsolo')).values()].map(
        (v) => v.object.metadata.name,
      ),
    ).toEqual(['solo'])
    const after = viewAt(
      run(s, 'kubectl delete pod solo --grace-period=0 --force', { now: T0 + 31_000 }).state,
      T0 + 31_000,
    )
    const events = diffSnapshots(snapshot(s, spec()), snapshot(after, spec()))
    expect(events.filter((e) => e.type === 'DELETED').map((e) => e.object.metadata.name)).toEqual([
      'solo',
    ])
  })

  it('refuses bad selectors and versions with the apiserver words', () => {
    expect(
      readWatchSpec(
        'Pod',
        'default',
        new URLSearchParams('fieldSelector=spec.bogus%3Dx'),
        undefined,
      ),
    ).toEqual({ ok: false, message: 'field label not supported: spec.bogus' })
    expect(
      readWatchSpec('Pod', 'default', new URLSearchParams('resourceVersion=abc'), undefined).ok,
    ).toBe(false)
    expect(
      readWatchSpec('Pod', 'default', new URLSearchParams('timeoutSeconds=-1'), undefined).ok,
    ).toBe(false)
  })
})
