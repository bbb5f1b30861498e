// A container's environment and files are kept between lines while its document has had no
// object written (shell/pod-host.ts), and the tools of a container with packages installed by their list
// (net/images.ts containerTools): what a process sees must be what a fresh parse of the same
// document gives, after any line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { checkDocumentChanged } from '../../../worker/sim/document-changed'
import { run } from '../../../worker/sim/run'
import type { Service } from '../../../worker/sim/objects/types'
import type { ClusterState } from '../../../worker/sim/state'
import { arbLines, playLines, seededJSON, T0 } from '../state/change-sequences'

const ENV = 'kubectl exec access-pod -- env'
const FILES =
  'kubectl exec access-pod -- cat /etc/hosts /etc/resolv.conf /etc/hostname /etc/os-release'
const TOOLS =
  'kubectl exec access-pod -- sh -c "command -v curl nslookup ping; echo $MY_SERVICE_PORT"'

/**
 * What a process in the access pod sees, on the live document (which keeps what the lines before
 * left beside it) and on a fresh parse of it (nothing kept).
 */
function seen(s: ClusterState, now: number) {
  const fresh = JSON.parse(JSON.stringify(s)) as ClusterState
  const out = (doc: ClusterState) =>
    [ENV, FILES, TOOLS]
      .map((line) =>
        run(doc, line, { now, owned: true })
          .output.map((o) => o.text)
          .join(''),
      )
      .join('')
  return { live: out(s), fresh: out(fresh) }
}

describe('a kept container environment', () => {
  // the property compares outputs itself; check mode's own comparison is tested below
  beforeAll(() => checkDocumentChanged(false))
  afterAll(() => checkDocumentChanged(true))

  it('is what a fresh parse gives, after every line of random sequences', () => {
    fc.assert(
      fc.property(arbLines, (lines) => {
        for (const step of playLines(lines)) {
          const { live, fresh } = seen(step.after, step.now)
          expect(live, step.line).toBe(fresh)
        }
      }),
      { numRuns: 40 },
    )
  })

  it('is told apart from a Service edited in place without a write (planted)', () => {
    const s = JSON.parse(seededJSON()) as ClusterState
    const now = T0 + 120_000
    expect(run(s, ENV, { now, owned: true }).stdout).toContain('MY_BLUE_SERVICE_SERVICE_PORT=8080')
    const svc = s.objects['Service/default/my-blue-service'] as Service
    svc.spec.ports![0]!.port = 9090
    const { live, fresh } = seen(s, now)
    expect(fresh).toContain('MY_BLUE_SERVICE_SERVICE_PORT=9090')
    expect(live).not.toBe(fresh)
    checkDocumentChanged(true)
    try {
      expect(run(s, ENV, { now, owned: true }).internalError).toMatch(
        /a kept environment or file differs from podEnv\/podFiles/,
      )
    } finally {
      checkDocumentChanged(false)
    }
  })
})
