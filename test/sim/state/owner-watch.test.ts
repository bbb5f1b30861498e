// The garbage collector skips its scan while no dependent can have lost its controller owner since
// the last scan found none (sim/owner-watch.ts). That must never change the outcome: the skip on
// and off over random lines (background, orphan and foreground deletes among them), an owner
// deleted behind a quiet collector, and planted faults (a removal or an orphan's write not
// reported) that the lines catch with check mode off. Check mode (every Node test) scans anyway
// on each skip and throws if the scan finds an orphan.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as OwnerWatch from '../../../worker/sim/owner-watch'
import { watchOwners } from '../../../worker/sim/owner-watch'
import { checkDocumentChanged } from '../../../worker/sim/document-changed'
import { run } from '../../../worker/sim/run'
import type { ClusterState } from '../../../worker/sim/state'
import {
  arbLines,
  expectSameOnAndOff,
  playLines,
  seededJSON,
  switchedOutcomes,
  T0,
  WEB_DEPLOYMENT,
  type Line,
} from './change-sequences'

const planted = vi.hoisted(() => ({ removal: false, write: false, skips: 0 }))

vi.mock('../../../worker/sim/owner-watch', async (importOriginal) => {
  const real = await importOriginal<typeof OwnerWatch>()
  return {
    ...real,
    // the faults: an owner's removal, or a dependent written without its owner, not reported
    noteRemoved: (...args: Parameters<typeof real.noteRemoved>) => {
      if (!planted.removal) real.noteRemoved(...args)
    },
    noteOwnedWrite: (...args: Parameters<typeof real.noteOwnedWrite>) => {
      if (!planted.write) real.noteOwnedWrite(...args)
    },
    noOrphansSince: (...args: Parameters<typeof real.noOrphansSince>) => {
      const skip = real.noOrphansSince(...args)
      if (skip) planted.skips += 1
      return skip
    },
  }
})

afterEach(() => {
  watchOwners(true)
  checkDocumentChanged(true)
  planted.removal = false
  planted.write = false
})

/** What the terminal showed, line by line. */
function shown(lines: [Line, number][]): string[] {
  watchOwners(true)
  return [...playLines(lines)].map((step) => step.output)
}

const outcomes = (lines: [Line, number][], skip: boolean) =>
  switchedOutcomes(watchOwners, skip, () => playLines(lines))

/** A Deployment made and deleted (background) while the collector was quiet: its RS and pods go. */
const DELETE_OWNER: [Line, number][] = [
  [{ command: 'kubectl apply -f -', stdin: WEB_DEPLOYMENT }, 1_000],
  [{ command: 'kubectl get pods' }, 15_000],
  [{ command: 'kubectl scale deployment nginx-deployment-3 --replicas=2' }, 1_000],
  [{ command: 'kubectl delete deployment web' }, 1_000],
  [{ command: 'kubectl get all' }, 1_000],
  [{ command: 'kubectl get all' }, 60_000],
]

const SOLO = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: solo
spec:
  replicas: 0
  selector:
    matchLabels: { app: solo }
  template:
    metadata:
      labels: { app: solo }
    spec:
      containers:
      - name: web
        image: nginx:1.27
`

/** A pod in another namespace whose controller is `uid` (the delete's cascade looks in its own). */
const farPod = (uid: string) => `apiVersion: v1
kind: Pod
metadata:
  name: far
  namespace: kube-public
  ownerReferences:
  - { apiVersion: apps/v1, kind: ReplicaSet, name: solo, uid: ${uid}, controller: true }
spec:
  containers:
  - name: web
    image: nginx:1.27
`

/**
 * An owner whose removal alone leaves an orphan: the ReplicaSet solo (no pods of its own),
 * deleted while the collector is quiet, owns a pod in another namespace that the delete's own
 * cascade does not reach.
 */
function removedOwner(skip: boolean): string[] {
  watchOwners(skip)
  let s = JSON.parse(seededJSON()) as ClusterState
  let now = T0 + 120_000
  const out: string[] = []
  const line = (command: string, gap: number, stdin?: string) => {
    now += gap
    const r = run(s, command, { now, stdin, owned: true })
    s = r.state
    const shown = r.output.map((o) => o.text).join('')
    out.push(`${command}\n${shown}${r.internalError ?? ''}\n${JSON.stringify(s)}`)
  }
  line('kubectl apply -f -', 1_000, SOLO)
  const uid = s.objects['ReplicaSet/default/solo']?.metadata.uid ?? 'missing'
  line('kubectl apply -f -', 1_000, farPod(uid))
  line('kubectl scale deployment nginx-deployment-3 --replicas=2', 60_000)
  line('kubectl delete replicaset solo', 1_000)
  line('kubectl get pods -n kube-public', 1_000)
  line('kubectl get pods -n kube-public', 60_000)
  return out
}

/** A pod written with a controller owner that does not exist: the collector deletes it. */
const ORPHAN_POD = `apiVersion: v1
kind: Pod
metadata:
  name: stray
  ownerReferences:
  - apiVersion: apps/v1
    kind: ReplicaSet
    name: gone
    uid: 00000000-0000-0000-0000-00000000dead
    controller: true
spec:
  containers:
  - name: web
    image: nginx:1.27
`

const WRITE_ORPHAN: [Line, number][] = [
  [{ command: 'kubectl scale deployment nginx-deployment-3 --replicas=2' }, 1_000],
  [{ command: 'kubectl apply -f -', stdin: ORPHAN_POD }, 1_000],
  [{ command: 'kubectl get pods' }, 1_000],
  [{ command: 'kubectl get pods' }, 60_000],
]

describe("the garbage collector's skip", () => {
  it('leaves the same documents and output as scanning every time, over random lines', () => {
    expectSameOnAndOff(watchOwners, arbLines, playLines, { numRuns: 60, seed: 5 })
  })

  it('is taken by a scale, and an owner deleted or an orphan written is still collected', () => {
    const scale: [Line, number][] = [
      [{ command: 'kubectl scale deployment nginx-deployment-3 --replicas=2' }, 250],
      [{ command: 'kubectl scale deployment nginx-deployment-3 --replicas=1' }, 30],
    ]
    const skips = planted.skips
    expect(outcomes(scale, true)).toEqual(outcomes(scale, false))
    expect(planted.skips).toBeGreaterThan(skips + 2)
    for (const lines of [DELETE_OWNER, WRITE_ORPHAN])
      expect(outcomes(lines, true)).toEqual(outcomes(lines, false))
    expect(shown(DELETE_OWNER).at(-1)).not.toMatch(/web-/)
    const removed = removedOwner(true)
    expect(removed).toEqual(removedOwner(false))
    expect(removed[1]).toMatch(/pod\/far created/)
    expect(removed[2]).toMatch(/^kubectl scale .*\n.*scaled\n[\s\S]*"Pod\/kube-public\/far"/)
    expect(removed[4]).toMatch(/^kubectl get pods -n kube-public\nNo resources found/)
    const orphan = shown(WRITE_ORPHAN)
    expect(orphan[1]).toMatch(/pod\/stray created/)
    expect(orphan.at(-1)).not.toMatch(/stray/)
  })

  it("an owner's removal not reported is caught", () => {
    checkDocumentChanged(false)
    planted.removal = true
    const missed = removedOwner(true)
    expect(missed).not.toEqual(removedOwner(false))
    expect(missed[4]).toMatch(/^kubectl get pods -n kube-public\nNAME .*\nfar /)
  })

  it('an orphan written and not reported is caught', () => {
    checkDocumentChanged(false)
    planted.write = true
    expect(outcomes(WRITE_ORPHAN, true)).not.toEqual(outcomes(WRITE_ORPHAN, false))
  })

  it('check mode catches a skip that missed an orphan', () => {
    planted.removal = true
    expect(removedOwner(true).join('\n')).toMatch(
      /internal simulator error[^]*orphan appeared unnoticed/,
    )
  })
})
