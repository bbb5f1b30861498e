// The real kubectl 1.32 patching with a body of the wrong JSON type for its patch type, against a
// listening server: kubectl sends the body as it is and prints the apiserver's 400 Status; the lab
// terminal's kubectl (the same code as the API's PATCH, sim/kubectl/patch-apply.ts) prints the
// same. Needs the `kubectl` binary: skipped where it is missing.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listenForFile } from './node-app'
import { HAS_KUBECTL, runKubectl, simKubectl } from './kubectl-compare'
import { learner } from './kube-streams-helpers'

const dir = mkdtempSync(join(tmpdir(), 'sl-kubectl-patch-'))
const origin = listenForFile({ dbFile: join(dir, 'test.db'), when: HAS_KUBECTL })

/** kubectl's arguments after `patch service web` */
const PATCHES = [
  ['-p', '[]'],
  ['--type=merge', '-p', '"x"'],
  ['--type=json', '-p', '1'],
]

describe.skipIf(!HAS_KUBECTL)('the real kubectl patching with a body of the wrong type', () => {
  it('prints the 400 Status the simulated kubectl prints', async () => {
    const a = await learner(origin(), 'playground')
    const b = await learner(origin(), 'playground')
    const create = 'kubectl create service clusterip web --tcp=80:80'
    await simKubectl(a.c, a.id, create)
    await simKubectl(b.c, b.id, create)
    for (const args of PATCHES) {
      const line = `kubectl patch service web ${args.map((a) => `'${a}'`).join(' ')}`
      const want = await simKubectl(b.c, b.id, line)
      const got = await runKubectl(dir, a.kubeconfig, ['patch', 'service', 'web', ...args])
      expect(got, line).toEqual(want)
      expect(got.stderr, line).toMatch(
        /^Error from server \(BadRequest\): .*json: cannot unmarshal/,
      )
    }
  }, 120_000)
})
