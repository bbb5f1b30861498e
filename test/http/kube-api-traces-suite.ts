// An exec through the Kubernetes API (the learner's own kubectl) is traced on the server; its trace
// reaches the lab page through the kubeconfig status poll, numbered, so the page draws it once.
import { describe, expect, it } from 'vitest'
import { Client, ORIGIN, type Fetch } from './client'
import { setup, type Kube } from './kube-api-helpers'

/** `kubectl exec POD -- ARGV` as the real kubectl opens it: a v5 WebSocket; answers stdout. */
async function wsExec(fetch: Fetch, kube: Kube, pod: string, argv: string[]): Promise<string> {
  const q = argv.map((a) => `command=${encodeURIComponent(a)}`).join('&')
  const path = `/api/v1/namespaces/default/pods/${pod}/exec?${q}&stdout=true&stderr=true`
  const res = await fetch(
    new Request(ORIGIN + kube.prefix + path, {
      headers: {
        upgrade: 'websocket',
        'sec-websocket-protocol': 'v5.channel.k8s.io',
        authorization: `Bearer ${kube.token}`,
      },
    }),
  )
  expect(res.status).toBe(101)
  const ws = res.webSocket!
  ws.accept()
  let stdout = ''
  await new Promise<void>((done) => {
    ws.addEventListener('message', (e) => {
      const bytes = new Uint8Array(e.data as ArrayBuffer)
      if (bytes[0] === 1) stdout += new TextDecoder().decode(bytes.subarray(1))
    })
    ws.addEventListener('close', () => done())
  })
  return stdout
}

interface Status {
  version: number
  traces: {
    seq: number
    trace: { from: { kind: string }; request: string; outcome: string; diagnosis?: string }
  }[]
}

export function kubeApiTracesSuite(fetch: Fetch) {
  describe('kube-api: exec traces reach the lab page', () => {
    it("an API exec's trace is returned by the status poll, numbered once; terminal runs add none", async () => {
      const { c, id, kube } = await setup(fetch, 'clusterip-endpoints')
      const status = async () =>
        (await c.get(`/api/clusters/${id}/kubeconfig/status`)).body as Status
      expect((await status()).traces).toEqual([])
      // the browser terminal draws its own traces: they are not kept for the poll
      await c.run(id, 'kubectl exec access-pod -- apt-get update')
      await c.run(id, 'kubectl exec access-pod -- apt-get install -y curl')
      await c.run(id, 'kubectl create service clusterip my-service --tcp=8080:80')
      expect(
        (await c.run(id, 'kubectl exec access-pod -- curl -s my-service:8080')).body.trace,
      ).toHaveLength(1)
      expect((await status()).traces).toEqual([])

      await wsExec(fetch, kube, 'access-pod', ['curl', '-s', 'my-service:8080'])
      const first = await status()
      expect(first.traces).toHaveLength(1)
      expect(first.traces[0]).toMatchObject({
        seq: 1,
        trace: {
          from: { kind: 'pod' },
          request: 'GET http://my-service:8080/',
          outcome: 'refused',
        },
      })
      // this lab shows diagnoses: the page explains the refusal as a terminal answer would
      expect(first.traces[0]!.trace.diagnosis).toMatch(/endpoints/i)
      // polled again without a new exec: the same trace and number (the page draws it once)
      expect((await status()).traces).toEqual(first.traces)

      const loop = 'for i in 1 2 3 4 5 6 7; do curl -s --connect-timeout 1 my-service:8080; done'
      await wsExec(fetch, kube, 'access-pod', ['sh', '-c', loop])
      const after = await status()
      // bounded: the last five, numbered after the first exec's
      expect(after.traces.map((t) => t.seq)).toEqual([4, 5, 6, 7, 8])
      expect(after.version).toBeGreaterThan(first.version)
      const other = new Client(fetch)
      await other.signup()
      expect((await other.get(`/api/clusters/${id}/kubeconfig/status`)).status).toBe(404)
    })
  })
}
