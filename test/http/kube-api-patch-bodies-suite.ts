// A PATCH whose body is valid JSON of the wrong type for its patch type, on both runtimes: the
// apiserver's strict decoding answers 400 BadRequest with encoding/json's UnmarshalTypeError
// (handlers/patch.go, fieldValidation Warn by default), before any patch library runs; the
// terminal's kubectl patch goes through the same code and prints that Status.
import { describe, expect, it } from 'vitest'
import { type Fetch } from './client'
import { DEPLOYMENT, setup } from './kube-api-helpers'

const MAP = 'Go value of type map[string]interface {}'
const OPS = 'Go value of type []handlers.jsonPatchOp'
const DECODING = 'error decoding patch: json: cannot unmarshal'

/** [kubectl --type, body, the Status message] */
const CASES: [string, string, string][] = [
  ['strategic', '[]', `json: cannot unmarshal array into ${MAP}`],
  ['strategic', '"x"', `json: cannot unmarshal string into ${MAP}`],
  ['strategic', '1', `json: cannot unmarshal number into ${MAP}`],
  ['merge', '[]', `${DECODING} array into ${MAP}`],
  ['merge', '"x"', `${DECODING} string into ${MAP}`],
  ['merge', '1', `${DECODING} number into ${MAP}`],
  ['merge', 'null', 'Invalid JSON Patch'],
  ['json', '{}', `${DECODING} object into ${OPS}`],
  ['json', '"x"', `${DECODING} string into ${OPS}`],
  ['json', '1', `${DECODING} number into ${OPS}`],
]

const MEDIA: Record<string, string> = {
  strategic: 'application/strategic-merge-patch+json',
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
}

export function kubeApiPatchBodiesSuite(fetch: Fetch) {
  describe('kube-api: a patch body of the wrong JSON type', () => {
    it('is answered 400 as the apiserver does, and the terminal prints the same Status', async () => {
      const { c, id, kube } = await setup(fetch)
      const path = '/apis/apps/v1/namespaces/default/deployments/web'
      await kube.call('POST', '/apis/apps/v1/namespaces/default/deployments', {
        body: DEPLOYMENT('web'),
        type: 'application/json',
      })
      for (const [type, body, message] of CASES) {
        const r = await kube.call('PATCH', path, { type: MEDIA[type], body })
        const what = `${type} ${body}`
        expect(r.status, what).toBe(400)
        expect(r.body, what).toMatchObject({ kind: 'Status', reason: 'BadRequest', code: 400 })
        expect(r.body.message, what).toBe(message)
        const sim = await c.run(id, `kubectl patch deployment web --type=${type} -p '${body}'`)
        expect(sim.body.stderr, what).toBe(`Error from server (BadRequest): ${message}\n`)
      }
      const none = await kube.call('PATCH', path, { type: MEDIA.strategic, body: 'null' })
      expect(none.status).toBe(200)
      expect(none.body.spec.replicas).toBe(2)
    })
  })
}
