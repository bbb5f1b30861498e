// The same lab through the real kubectl against `wrangler dev` (workerd + local D1, as `npm start`
// serves it) on port 8862. Needs the `kubectl` binary and wrangler; skipped where kubectl is missing.
import { afterAll, beforeAll, describe } from 'vitest'
import { startWranglerDev, type WranglerDev } from './wrangler-dev'
import { HAS_KUBECTL } from './kube-streams-helpers'
import { cascadeSuite } from './kube-cascade-suite'
import { labSuite } from './kube-lab-suite'

let server: WranglerDev | undefined

beforeAll(async () => {
  if (!HAS_KUBECTL) return
  server = await startWranglerDev(8862)
}, 120_000)

afterAll(() => server?.stop())

describe.skipIf(!HAS_KUBECTL)(
  'a lab through the real kubectl on wrangler dev (needs the kubectl binary)',
  () => {
    labSuite(() => server!.base)
    cascadeSuite(() => server!.base)
  },
)
