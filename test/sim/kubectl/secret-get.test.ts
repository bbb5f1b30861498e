// Secrets through kubectl: apply a manifest, get (NAME TYPE DATA AGE), describe (sizes, never
// values), -o yaml/jsonpath (base64, no stringData), delete, explain.
import { describe, expect, test } from 'vitest'
import { lab } from './helpers'

const MANIFEST = `apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  user: admin
  pass: s3cr3t
`

describe('kubectl and Secrets', () => {
  test('apply, get, describe, -o jsonpath, delete', () => {
    const { k } = lab()
    expect(k('apply -f -', MANIFEST).stdout).toBe('secret/db created\n')
    expect(k('get secrets').stdout).toBe('NAME   TYPE     DATA   AGE\ndb     Opaque   2      0s\n')
    expect(k('describe secret db').stdout).toBe(
      'Name:         db\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npass:  6 bytes\nuser:  5 bytes\n',
    )
    expect(k('get secret db -o jsonpath={.data.pass}').stdout).toBe('czNjcjN0')
    const yaml = k('get secret db -o yaml').stdout
    expect(yaml).toContain('data:\n  pass: czNjcjN0\n  user: YWRtaW4=\nkind: Secret\n')
    expect(yaml).toMatch(/\ntype: Opaque\n$/)
    expect(k('delete secret db').stdout).toBe('secret "db" deleted\n')
    expect(k('get secret db').stderr).toBe('Error from server (NotFound): secrets "db" not found\n')
  })

  test('a manifest with plain text in data is refused as the API server refuses it', () => {
    const r = lab().k('apply -f -', MANIFEST.replace('stringData', 'data'))
    expect(r.stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4\n',
    )
    expect(r.exitCode).toBe(1)
  })

  test('api-resources lists secrets; explain documents Secret', () => {
    const { k } = lab()
    expect(k('api-resources').stdout).toMatch(/\nsecrets {2,}v1 {2,}true {9}Secret\n/)
    expect(k('explain secret.stringData').stdout).toContain(
      'FIELD: stringData <map[string]string>\n',
    )
    expect(k('explain secret').stdout).toContain('  immutable\t<boolean>\n')
  })
})
