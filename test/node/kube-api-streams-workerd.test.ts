// The same streams suite against `wrangler dev` (workerd + local D1, as `npm start` serves it) on
// port 8847: watches as streamed Responses, exec/attach through a WebSocketPair 101. Needs the
// `kubectl` binary and wrangler; skipped where kubectl is missing.
import { afterAll, beforeAll, describe } from 'vitest'
import { startWranglerDev, type WranglerDev } from './wrangler-dev'
import { HAS_KUBECTL } from './kube-streams-helpers'
import { streamsSuite } from './kube-streams-suite'

let server: WranglerDev | undefined

beforeAll(async () => {
  if (!HAS_KUBECTL) return
  server = await startWranglerDev(8847)
}, 120_000)

afterAll(() => server?.stop())

describe.skipIf(!HAS_KUBECTL)('streams with the real kubectl on wrangler dev (needs the kubectl binary)', () => {
  streamsSuite(() => server!.base)
})
