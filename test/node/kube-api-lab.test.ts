// A graded lab completed through the real kubectl against the Node entry (the app served by
// @hono/node-server on a free port, WebSocket upgrades through ws, libSQL file database, the wall
// clock: pods take their start time). Needs the `kubectl` binary: skipped where it is missing.
import { join } from 'node:path'
import { afterAll, beforeAll, describe } from 'vitest'
import { HAS_KUBECTL, dir } from './kube-streams-helpers'
import { nodeApp, startListening, type Listening } from './node-app'
import { cascadeSuite } from './kube-cascade-suite'
import { labSuite } from './kube-lab-suite'

const node = nodeApp({ dbFile: join(dir, 'lab.db') })
let server: Listening | undefined

// migrating a file database and binding take seconds on a loaded machine, not the 10 s default
beforeAll(async () => {
  if (HAS_KUBECTL) server = await startListening(node, { webSockets: true })
}, 60_000)

afterAll(() => server?.close(), 30_000)

describe.skipIf(!HAS_KUBECTL)(
  'a lab through the real kubectl on Node (needs the kubectl binary)',
  () => {
    labSuite(() => server!.origin)
    cascadeSuite(() => server!.origin)
  },
)
