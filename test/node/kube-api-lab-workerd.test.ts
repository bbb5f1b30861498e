// The same lab through the real kubectl against `wrangler dev` (workerd + local D1, as `npm start`
// serves it) on port 8862. Needs the `kubectl` binary and wrangler; skipped where kubectl is missing.
import { afterAll, beforeAll, describe } from 'vitest'
import { HAS_KUBECTL } from './kube-streams-helpers'
import { cascadeSuite } from './kube-cascade-suite'
import { labSuite } from './kube-lab-suite'

let server: { base: string; stop: () => void } | undefined

beforeAll(async () => {
  if (!HAS_KUBECTL) return
  const path = '../e2e/server.mjs'
  const { startServer } = (await import(path)) as {
    startServer: (root: string, port: number) => Promise<{ base: string; stop: () => void }>
  }
  server = await startServer(process.cwd(), 8862)
}, 120_000)

afterAll(() => server?.stop())

describe.skipIf(!HAS_KUBECTL)(
  'a lab through the real kubectl on wrangler dev (needs the kubectl binary)',
  () => {
    labSuite(() => server!.base)
    cascadeSuite(() => server!.base)
  },
)
