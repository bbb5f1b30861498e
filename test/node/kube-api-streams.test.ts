// Watches, logs -f and exec over WebSocket with the real kubectl against the Node entry (the app
// served by @hono/node-server on a free port, WebSocket upgrades through ws, libSQL file database,
// the wall clock: streams need time to pass). Needs the `kubectl` binary: skipped where missing.
import { join } from 'node:path'
import { afterAll, beforeAll, describe } from 'vitest'
import { HAS_KUBECTL, dir } from './kube-streams-helpers'
import { nodeApp, startListening, type Listening } from './node-app'
import { streamsSuite } from './kube-streams-suite'

const node = nodeApp({ dbFile: join(dir, 'streams.db') })
let server: Listening | undefined

// migrating a file database and binding take seconds on a loaded machine, not the 10 s default
beforeAll(async () => {
  if (HAS_KUBECTL) server = await startListening(node, { webSockets: true })
}, 60_000)

afterAll(() => server?.close(), 30_000)

describe.skipIf(!HAS_KUBECTL)(
  'streams with the real kubectl on Node (needs the kubectl binary)',
  () => {
    streamsSuite(() => server!.origin)
  },
)
