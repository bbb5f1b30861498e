import { it, vi } from 'vitest'
vi.mock('../../worker/sim/shell/cluster-deps', async () => {
  const k = await import('../../worker/sim/kubectl/index')
  const s = await import('../../worker/sim/controllers/settle')
  return { kubectl: k.kubectl, settle: s.settle }
})
import { playTranscript, describeTranscript } from './transcript'
import { NGINX_1_1, MY_SERVICE } from '../../worker/labs/notes'
it('scratch', () => {
  const broken = NGINX_1_1.replaceAll('nginx-1.1', 'broken').replace('anshuldevops/magicalnginx:latest', 'ngnix:1.27')
  const svc = MY_SERVICE.replace('my-service', 'broken').replace('spec:\n', 'spec:\n  selector:\n    app: broken\n')
  const t = playTranscript('service-types', [{command:'kubectl apply -f -', stdin: broken}, {command:'kubectl apply -f -', stdin: svc}, 'kubectl get pods', 'kubectl exec client -- curl -s broken:8080'])
  console.log(describeTranscript(t))
  console.log(JSON.stringify(t.outputs[3]?.result.trace, null, 1))
})
