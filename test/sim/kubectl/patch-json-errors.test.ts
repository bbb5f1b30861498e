// A JSON patch that does not apply: the apiserver answers a generic 422 (patch.go calls
// NewGenericServerResponse without the library's reason), which kubectl prints as
// `The request is invalid: <message>` with no `error: ` prefix, whatever the operation.
import { describe, expect, test } from 'vitest'
import { lab } from './helpers'

const OPS = [
  '[{"op":"remove","path":"/spec/nope"}]',
  '[{"op":"remove","path":"/nope/deeper"}]',
  '[{"op":"replace","path":"/spec/nope","value":1}]',
  '[{"op":"add","path":"/nope/deeper","value":1}]',
  '[{"op":"test","path":"/spec/type","value":"NodePort"}]',
]

describe('kubectl patch --type=json that does not apply', () => {
  test.each(OPS)('%s', (ops) => {
    const { k } = lab()
    k('create service clusterip web --tcp=80:80')
    expect(k(`patch svc web --type=json -p '${ops}'`)).toEqual({
      stdout: '',
      stderr:
        'The request is invalid: the server rejected our request due to an error in our request\n',
      exitCode: 1,
    })
  })
})
