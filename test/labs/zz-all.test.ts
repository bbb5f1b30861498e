import { vi } from 'vitest'
vi.mock('../../worker/sim/shell/cluster-deps', async () => {
  const k = await import('../../worker/sim/kubectl/index')
  const s = await import('../../worker/sim/controllers/settle')
  return { kubectl: k.kubectl, settle: s.settle }
})
await import(`./${process.env.T}.test`)
