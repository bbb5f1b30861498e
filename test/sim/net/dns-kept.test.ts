// DNS answers are kept per network view, which lasts until the document's next object write
// (net/dns.ts): a name resolved from a pod must be what a fresh parse of the same document
// resolves, after any line; check mode (every Node test) catches an object changed without a
// write under a kept answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { checkDocumentChanged } from '../../../worker/sim/document-changed'
import { resolveNameIn } from '../../../worker/sim/net/dns'
import { buildView, type NetView } from '../../../worker/sim/net/view'
import type { Origin } from '../../../worker/sim/net/types'
import { run } from '../../../worker/sim/run'
import type { ClusterState } from '../../../worker/sim/state'
import { arbLines, playLines, seededJSON } from '../state/change-sequences'

const RESOLVE =
  'kubectl exec access-pod -- getent hosts my-blue-service my-service web four kubernetes.default access-pod'
const CURL = 'kubectl exec access-pod -- curl -s -m 1 -o /dev/null -w "%{remote_ip}" web'

/** What the access pod resolves, on the live document and on a fresh parse of it. */
function resolved(s: ClusterState, now: number) {
  const fresh = JSON.parse(JSON.stringify(s)) as ClusterState
  const out = (doc: ClusterState) =>
    [RESOLVE, CURL]
      .map((line) => {
        const r = run(doc, line, { now, owned: true })
        return `${r.exitCode}:${r.stdout}${r.stderr}`
      })
      .join('\n')
  return { live: out(s), fresh: out(fresh) }
}

describe('a kept DNS answer', () => {
  beforeAll(() => checkDocumentChanged(false))
  afterAll(() => checkDocumentChanged(true))

  it('is what a fresh parse resolves, after every line of random sequences', () => {
    fc.assert(
      fc.property(arbLines, (lines) => {
        for (const step of playLines(lines)) {
          const { live, fresh } = resolved(step.after, step.now)
          expect(live, step.line).toBe(fresh)
        }
      }),
      { numRuns: 40 },
    )
  })

  it('is kept per asking place and name', () => {
    const s = JSON.parse(seededJSON()) as ClusterState
    const v = buildView(s)
    const dns = Object.values(s.objects).find(
      (o) => o.kind === 'Pod' && o.metadata.namespace === 'kube-system',
    )!
    const places: Origin[] = [
      { kind: 'pod', namespace: 'default', name: 'access-pod' },
      { kind: 'workstation' },
      { kind: 'pod', namespace: 'kube-system', name: dns.metadata.name },
      { kind: 'node', name: 'kind-control-plane' },
    ]
    const names = ['my-blue-service', 'kube-dns', 'access-pod', 'localhost']
    const ask = (view: NetView) =>
      places.flatMap((o) => names.map((n) => JSON.stringify(resolveNameIn(view, o, n))))
    ask(v)
    const fresh = buildView(JSON.parse(JSON.stringify(s)) as ClusterState)
    const answers = ask(v)
    expect(answers).toEqual(ask(fresh))
    expect(new Set(answers).size).toBeGreaterThan(4)
  })

  it('is checked against a fresh answer in check mode: a Service renamed without a write (planted)', () => {
    const s = JSON.parse(seededJSON()) as ClusterState
    const v = buildView(s)
    const from = { kind: 'pod' as const, namespace: 'default', name: 'access-pod' }
    expect(resolveNameIn(v, from, 'my-blue-service').kind).toBe('A')
    s.objects['Service/default/my-blue-service']!.metadata.name = 'renamed'
    // kept: the answer from before the edit
    expect(resolveNameIn(v, from, 'my-blue-service').kind).toBe('A')
    checkDocumentChanged(true)
    try {
      expect(() => resolveNameIn(v, from, 'my-blue-service')).toThrow(
        /dns: a kept answer for my-blue-service differs/,
      )
    } finally {
      checkDocumentChanged(false)
    }
  })
})
