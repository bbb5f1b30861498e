import { it, vi } from 'vitest'
vi.mock('../../worker/sim/shell/cluster-deps', async () => {
  const k = await import('../../worker/sim/kubectl/index')
  const s = await import('../../worker/sim/controllers/settle')
  return { kubectl: k.kubectl, settle: s.settle }
})
import { playTranscript, describeTranscript } from './transcript'
it('scratch', () => {
  const t = playTranscript(process.env.LAB ?? 'pod-ips', JSON.parse(process.env.STEPS ?? '[]'))
  console.log(describeTranscript(t))
  console.log('DONE', t.done)
})
