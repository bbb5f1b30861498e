// A patch body of the wrong JSON type: the apiserver decodes it strictly before any patch library
// runs (handlers/patch.go, fieldValidation Warn, the default) and answers 400 BadRequest with
// encoding/json's UnmarshalTypeError; a null merge patch is json-patch's ErrBadJSONPatch, a null
// strategic merge patch or JSON patch changes nothing. kubectl prints the Status as it comes.
import { describe, expect, test } from 'vitest'
import { lab } from './helpers'

const MAP = 'Go value of type map[string]interface {}'
const OPS = 'Go value of type []handlers.jsonPatchOp'
const bad = (message: string) => `Error from server (BadRequest): ${message}\n`

const CASES: [string, string, string][] = [
  ['strategic', '[]', bad(`json: cannot unmarshal array into ${MAP}`)],
  ['strategic', '"x"', bad(`json: cannot unmarshal string into ${MAP}`)],
  ['strategic', '1', bad(`json: cannot unmarshal number into ${MAP}`)],
  ['strategic', 'true', bad(`json: cannot unmarshal bool into ${MAP}`)],
  ['merge', '[]', bad(`error decoding patch: json: cannot unmarshal array into ${MAP}`)],
  ['merge', '"x"', bad(`error decoding patch: json: cannot unmarshal string into ${MAP}`)],
  ['merge', '1', bad(`error decoding patch: json: cannot unmarshal number into ${MAP}`)],
  ['merge', 'null', bad('Invalid JSON Patch')],
  ['json', '{}', bad(`error decoding patch: json: cannot unmarshal object into ${OPS}`)],
  ['json', '"x"', bad(`error decoding patch: json: cannot unmarshal string into ${OPS}`)],
  ['json', '1', bad(`error decoding patch: json: cannot unmarshal number into ${OPS}`)],
]

describe('kubectl patch with a body that is not what the patch type decodes into', () => {
  test.each(CASES)('--type=%s -p %s', (type, body, stderr) => {
    const { k } = lab()
    k('create service clusterip web --tcp=80:80')
    expect(k(`patch svc web --type=${type} -p '${body}'`)).toEqual({
      stdout: '',
      stderr,
      exitCode: 1,
    })
  })

  test.each(['strategic', 'json'])('--type=%s -p null changes nothing', (type) => {
    const { k } = lab()
    k('create service clusterip web --tcp=80:80')
    expect(k(`patch svc web --type=${type} -p null`)).toEqual({
      stdout: 'service/web patched (no change)\n',
      stderr: '',
      exitCode: 0,
    })
  })
})
