// A document the isolate keeps as JSON only (a second reader of a version, or past the parsed
// ones kept) is parsed with what settle knew about it, so the learner's next command skips the
// controllers that had nothing to do (controllers/settle-memo.ts), with the same outcome.
import { afterEach, describe, expect, it } from 'vitest'
import { gunzipSync, gzipSync } from 'node:zlib'
import { stateCodec } from '../../worker/db/state-codec'
import { isStillQuiet, skipQuietControllers } from '../../worker/sim/controllers/settle-memo'
import { run } from '../../worker/sim/run'
import { putObject, type ClusterState } from '../../worker/sim/state'
import { seededJSON, T0 } from '../sim/state/change-sequences'

const codec = () => stateCodec({ gzip: (b) => gzipSync(b), gunzip: (b) => gunzipSync(b) })
const stored = (json: string) => ({ state: Buffer.from(gzipSync(json)), stateDelta: null })
/** the stored form of `json`, as a codec keeps it */
const formOf = async (json: string) => (await codec().load(stored(json)))!.stored
/** a row read without its document: the codec must hold the version */
const without = { state: null, stateDelta: null }
const key = { clusterId: 'c1', version: 7 }
const at = T0 + 120_000
/** collectGarbage: first in settle's list, its work depends on the objects only */
const GC = 0

/** A document as a command leaves it (settled at `at`), kept by the codec at `key`. */
async function kept() {
  const c = codec()
  const s = JSON.parse(seededJSON()) as ClusterState
  run(s, 'kubectl get pods', { now: at, owned: true })
  const json = JSON.stringify(s)
  c.remember(key, await formOf(json), s)
  return { c, s, json }
}

afterEach(() => skipQuietControllers(true))

describe('documents kept as JSON', () => {
  it('parse with what settle knew, for the version they were kept at only', async () => {
    const { c, s, json } = await kept()
    expect(isStillQuiet(s, GC, at + 1_000)).toBe(true)
    expect((await c.load(without, key))!.state).toBe(s) // the document itself
    const copy = (await c.load(without, key))!.state // its JSON, parsed
    expect(copy).not.toBe(s)
    expect(JSON.stringify(copy)).toBe(json)
    expect(isStillQuiet(copy, GC, at + 1_000)).toBe(true)
    expect(isStillQuiet(JSON.parse(json) as ClusterState, GC, at + 1_000)).toBe(false)
    const other = await c.load(stored(json), { ...key, version: 8 })
    expect(isStillQuiet(other!.state, GC, at + 1_000)).toBe(false)
  })

  it('do not carry a memo made stale by a write after the last settle', async () => {
    const c = codec()
    const s = JSON.parse(seededJSON()) as ClusterState
    run(s, 'kubectl get pods', { now: at, owned: true })
    // a write with no settle after it, as another door (the Kubernetes API) makes
    const pod = s.objects['Pod/default/access-pod']!
    putObject(s, { ...pod, metadata: { ...pod.metadata, labels: { extra: 'yes' } } })
    expect(isStillQuiet(s, GC, at + 1_000)).toBe(false)
    c.remember(key, await formOf(JSON.stringify(s)), s)
    await c.load(without, key)
    const copy = (await c.load(without, key))!.state
    expect(isStillQuiet(copy, GC, at + 1_000)).toBe(false)
  })

  it('answer the next commands as a full settle would', async () => {
    const lines = [
      'kubectl get pods',
      'kubectl scale deployment nginx-deployment-3 --replicas=2',
      'kubectl get pods -o wide',
      'kubectl exec access-pod -- curl -s my-blue-service:8080',
    ]
    const play = (s: ClusterState) =>
      lines.map((line, i) => {
        const r = run(s, line, { now: at + 20_000 * (i + 1), owned: true })
        return `${r.stdout}${r.stderr}${JSON.stringify(r.state)}`
      })
    const { c } = await kept()
    await c.load(without, key)
    const fromJSON = play((await c.load(without, key))!.state)
    skipQuietControllers(false)
    const { json } = await kept()
    expect(fromJSON).toEqual(play(JSON.parse(json) as ClusterState))
  })
})
