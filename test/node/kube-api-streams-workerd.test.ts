// The same streams suite against `wrangler dev` (workerd + local D1, as `npm start` serves it) on
// port 8847: watches as streamed Responses, exec/attach through a WebSocketPair 101. Needs the
// `kubectl` binary and wrangler; skipped where kubectl is missing.
import { afterAll, beforeAll, describe } from 'vitest'
import { HAS_KUBECTL } from './kube-streams-helpers'
import { streamsSuite } from './kube-streams-suite'

let server: { base: string; stop: () => void } | undefined

beforeAll(async () => {
  if (!HAS_KUBECTL) return
  const path = '../e2e/server.mjs'
  const { startServer } = (await import(path)) as {
    startServer: (root: string, port: number) => Promise<{ base: string; stop: () => void }>
  }
  server = await startServer(process.cwd(), 8847)
}, 120_000)

afterAll(() => server?.stop())

describe.skipIf(!HAS_KUBECTL)('streams with the real kubectl on wrangler dev (needs the kubectl binary)', () => {
  streamsSuite(() => server!.base)
})
