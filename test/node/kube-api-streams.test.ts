// Watches, logs -f and exec over WebSocket with the real kubectl against the Node entry (the app
// served by @hono/node-server on a free port, WebSocket upgrades through ws, libSQL file database,
// the wall clock: streams need time to pass). Needs the `kubectl` binary: skipped where missing.
import { join } from 'node:path'
import { describe } from 'vitest'
import { HAS_KUBECTL, dir } from './kube-streams-helpers'
import { listenForFile } from './node-app'
import { streamsSuite } from './kube-streams-suite'

const origin = listenForFile({
  dbFile: join(dir, 'streams.db'),
  webSockets: true,
  when: HAS_KUBECTL,
})

describe.skipIf(!HAS_KUBECTL)(
  'streams with the real kubectl on Node (needs the kubectl binary)',
  () => {
    streamsSuite(() => origin())
  },
)
