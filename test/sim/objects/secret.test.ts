// Secrets in the API server: base64 data decoded as encoding/json does, stringData merged and
// dropped, type defaulted, ValidateSecret/ValidateSecretUpdate with the upstream messages.
import { describe, expect, test } from 'vitest'
import { newState, NOW, y } from './helpers'
import { createObject, updateObject } from '../../../worker/sim/objects'
import type { KubeObject } from '../../../worker/sim/objects/types'
import { decodeBase64, encodeBase64 } from '../../../worker/sim/objects/go-base64'

const secret = (body: string, name = 'db') => `apiVersion: v1
kind: Secret
metadata:
  name: ${name}
${body}`

const create = (text: string) => createObject(newState(), y(text), { now: NOW })
const causes = (text: string) => {
  const r = create(text)
  return r.ok ? [] : (r.error.details?.causes ?? []).map((c) => c.message)
}

describe('Secret decoding', () => {
  test.each([
    ['plain text instead of base64', 'password: mypassword', 8],
    ['a word of five letters', 'user: admin', 4],
    ['a space', 'msg: hello world', 5],
    ['three characters, no padding', 'k: abc', 0],
  ])('%s: illegal base64 data', (_name, line, at) => {
    const r = create(secret(`data:\n  ${line}`))
    expect(!r.ok && r.error).toEqual({
      reason: 'BadRequest',
      message: `Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte ${at}`,
    })
  })

  test('a number as a data value is a type error', () => {
    const r = create(secret('data:\n  n: 1'))
    expect(!r.ok && r.error.message).toBe(
      'Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal number into Go struct field Secret.data of type []uint8',
    )
  })

  test('stringData is merged into data (overwriting), never stored; type defaults to Opaque', () => {
    const r = create(
      secret('data:\n  user: YWRtaW4=\n  pass: b2xk\nstringData:\n  pass: s3cr3t\n  note: héllo'),
    )
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.data).toEqual({ user: 'YWRtaW4=', pass: 'czNjcjN0', note: 'aMOpbGxv' })
    expect(r.value).not.toHaveProperty('stringData')
    expect(r.value.type).toBe('Opaque')
  })

  test('data is stored in canonical base64 (line breaks gone); an empty data map is omitted', () => {
    const r = create(secret('data:\n  k: "YWJj\\nZGVm"'))
    expect(r.ok && r.value.data).toEqual({ k: 'YWJjZGVm' })
    const e = create(secret('data: {}'))
    expect(e.ok && e.value).not.toHaveProperty('data')
  })

  test('Go base64 round trip on every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i)
    for (let n = 0; n < 6; n++) {
      const slice = bytes.slice(0, 250 + n)
      expect(decodeBase64(encodeBase64(slice))).toEqual(slice)
    }
    expect(decodeBase64('YQ=')).toEqual({ corruptAt: 3 })
    expect(decodeBase64('YQ==x')).toEqual({ corruptAt: 4 })
  })
})

describe('Secret validation', () => {
  const KEY_REGEX =
    "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"
  test.each<[string, string, string[]]>([
    [
      'a key with a slash',
      'stringData:\n  a/b: x',
      [`data[a/b]: Invalid value: "a/b": ${KEY_REGEX}`],
    ],
    [
      'a key starting with ..',
      'stringData:\n  ..a: x',
      [`data[..a]: Invalid value: "..a": must not start with '..'`],
    ],
    [
      'tls without its keys',
      'type: kubernetes.io/tls\nstringData:\n  cert: x',
      ['data[tls.crt]: Required value', 'data[tls.key]: Required value'],
    ],
    [
      'tls without the key',
      'type: kubernetes.io/tls\nstringData:\n  tls.crt: x',
      ['data[tls.key]: Required value'],
    ],
    [
      'basic-auth with neither username nor password',
      'type: kubernetes.io/basic-auth',
      ['data[username]: Required value', 'data[password]: Required value'],
    ],
    ['an upper-case name', '', []],
  ])('%s', (_name, body, want) => {
    const name = body === '' ? 'DB' : 'db'
    const got = causes(secret(body, name))
    if (body === '')
      expect(got).toEqual([
        `metadata.name: Invalid value: "DB": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ])
    else expect(got).toEqual(want)
  })

  test('the message names the Secret', () => {
    const r = create(secret('type: kubernetes.io/tls'))
    expect(!r.ok && r.error.message).toBe(
      'Secret "db" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]',
    )
  })

  test('a tls Secret with both keys, and any other type, is accepted', () => {
    expect(
      create(secret('type: kubernetes.io/tls\nstringData:\n  tls.crt: c\n  tls.key: k')).ok,
    ).toBe(true)
    expect(create(secret('type: example.com/custom')).ok).toBe(true)
  })

  test('type is immutable; an immutable Secret keeps its data and stays immutable', () => {
    const s = newState()
    const r = createObject(s, y(secret('immutable: true\nstringData:\n  a: "1"')), { now: NOW })
    if (!r.ok) throw new Error(r.error.message)
    const next = structuredClone(r.value) as KubeObject & Record<string, unknown>
    next.type = 'kubernetes.io/basic-auth'
    next.data = { a: 'Mg==', username: 'dQ==' }
    next.immutable = false
    const u = updateObject(s, next, { now: NOW })
    expect(!u.ok && u.error.details?.causes.map((c) => c.message)).toEqual([
      'type: Invalid value: "kubernetes.io/basic-auth": field is immutable',
      'immutable: Forbidden: field is immutable when `immutable` is set',
      'data: Forbidden: field is immutable when `immutable` is set',
    ])
    const labels = structuredClone(r.value)
    labels.metadata.labels = { tier: 'db' }
    expect(updateObject(s, labels, { now: NOW }).ok).toBe(true)
  })
})
