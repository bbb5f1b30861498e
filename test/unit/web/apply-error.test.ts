import { describe, expect, it } from 'vitest'
import { applyErrorLine } from '../../../web/src/lab/apply-error'

const nodePort80 = `apiVersion: v1
kind: Service
metadata:
  name: my-nodeport-service
spec:
  type: NodePort
  selector:
    app: nginx-1.1
  ports:
  - protocol: TCP
    port: 8080
    targetPort: 80
    nodePort: 80
`

describe('applyErrorLine', () => {
  it('points at the line of a YAML syntax error', () => {
    const err = 'error: error parsing STDIN: error converting YAML to JSON: yaml: line 4: bad'
    expect(applyErrorLine(err, nodePort80)).toBe(4)
  })

  it('follows the field path of a validation error to its line', () => {
    const err =
      'The Service "my-nodeport-service" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767'
    expect(applyErrorLine(err, nodePort80)).toBe(13)
  })

  it('finds the named object in a multi-document manifest', () => {
    const other =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  ports:\n  - port: 80\n'
    const err =
      'The Service "my-nodeport-service" is invalid: spec.ports[0].nodePort: Invalid value'
    expect(applyErrorLine(err, `${other}---\n${nodePort80}`)).toBe(21)
  })

  it('points at an unknown field and at a field of the wrong type', () => {
    const typo = nodePort80.replace('selector', 'selecter')
    const unknown =
      'Error from server (BadRequest): error when creating "STDIN": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.selecter"'
    expect(applyErrorLine(unknown, typo)).toBe(7)
    const type =
      'Error from server (BadRequest): error when creating "STDIN": Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32'
    expect(applyErrorLine(type, nodePort80)).toBe(11)
  })

  it('says nothing when the error names no line or field', () => {
    expect(applyErrorLine('error: no objects passed to apply', nodePort80)).toBeUndefined()
  })
})
