// A graded lab completed through the real kubectl against the Node entry (the app served by
// @hono/node-server on a free port, WebSocket upgrades through ws, libSQL file database, the wall
// clock: pods take their start time). Needs the `kubectl` binary: skipped where it is missing.
import { join } from 'node:path'
import { describe } from 'vitest'
import { HAS_KUBECTL, dir } from './kube-streams-helpers'
import { listenForFile } from './node-app'
import { cascadeSuite } from './kube-cascade-suite'
import { labSuite } from './kube-lab-suite'

const origin = listenForFile({ dbFile: join(dir, 'lab.db'), webSockets: true, when: HAS_KUBECTL })

describe.skipIf(!HAS_KUBECTL)(
  'a lab through the real kubectl on Node (needs the kubectl binary)',
  () => {
    labSuite(() => origin())
    cascadeSuite(() => origin())
  },
)
