import { it, vi } from 'vitest'
vi.mock('../../worker/sim/shell/cluster-deps', async () => {
  const k = await import('../../worker/sim/kubectl/index')
  const s = await import('../../worker/sim/controllers/settle')
  return { kubectl: k.kubectl, settle: s.settle }
})
vi.mock('./helpers', async (orig) => {
  const m = await orig<typeof import('./helpers')>()
  const { describeTranscript } = await import('./transcript')
  return { ...m, expectDone: (t: any, tasks: string[]) => { console.log('#####\n' + describeTranscript(t)); m.expectDone(t, tasks) } }
})
await import(`./${process.env.T}.test`)
