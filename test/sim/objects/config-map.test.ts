// ConfigMaps in the API server: binaryData base64 decoded as encoding/json does, empty maps
// omitted, ValidateConfigMap/ValidateConfigMapUpdate with the upstream messages.
import { describe, expect, test } from 'vitest'
import { newState, NOW, y } from './helpers'
import { createObject, updateObject } from '../../../worker/sim/objects'
import type { KubeObject } from '../../../worker/sim/objects/types'

const cm = (body: string, name = 'game') => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
${body}`

const create = (text: string) => createObject(newState(), y(text), { now: NOW })
const invalid = (text: string) => {
  const r = create(text)
  return r.ok ? 'created' : r.error.message
}

describe('ConfigMap decoding', () => {
  test('binaryData in plain text is refused: illegal base64 data', () => {
    expect(invalid(cm('binaryData:\n  logo: not-base64'))).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: illegal base64 data at input byte 3',
    )
  })

  test('a number as a data value is a type error', () => {
    expect(invalid(cm('data:\n  n: 1'))).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string',
    )
  })

  test('data is stored as given; binaryData in canonical base64; empty maps omitted', () => {
    const r = create(cm('data:\n  mode: hard\nbinaryData:\n  logo: "//4A\\nQQ=="'))
    expect(r.ok && r.value).toMatchObject({
      data: { mode: 'hard' },
      binaryData: { logo: '//4AQQ==' },
    })
    const e = create(cm('data: {}\nbinaryData: {}'))
    expect(e.ok && e.value).not.toHaveProperty('data')
    expect(e.ok && e.value).not.toHaveProperty('binaryData')
  })
})

describe('ValidateConfigMap', () => {
  test.each([
    [
      'a key with a slash',
      cm('data:\n  a/b: "1"'),
      `ConfigMap "game" is invalid: data[a/b]: Invalid value: "a/b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    ],
    [
      'a key in both data and binaryData',
      cm('data:\n  k: v\nbinaryData:\n  k: dg=='),
      'ConfigMap "game" is invalid: data[k]: Invalid value: "k": duplicate of key present in binaryData',
    ],
    [
      'a binaryData key starting with ..',
      cm('binaryData:\n  ..k: dg=='),
      `ConfigMap "game" is invalid: binaryData[..k]: Invalid value: "..k": must not start with '..'`,
    ],
    ['valid keys', cm('data:\n  app.properties: x\n  KEY_1: z'), 'created'],
  ])('%s', (_name, text, want) => {
    expect(invalid(text)).toBe(want)
  })

  test('an immutable ConfigMap keeps its data and its immutability; metadata may change', () => {
    const s = newState()
    const made = createObject(s, y(cm('immutable: true\ndata:\n  k: v')), { now: NOW })
    if (!made.ok) throw new Error(made.error.message)
    const edit = (change: (o: Record<string, unknown>) => void) => {
      const o = JSON.parse(JSON.stringify(made.value)) as Record<string, unknown>
      change(o)
      const r = updateObject(s, o as unknown as KubeObject, { now: NOW })
      return r.ok ? 'updated' : r.error.message
    }
    expect(edit((o) => (o.data = { k: 'w' }))).toBe(
      'ConfigMap "game" is invalid: data: Forbidden: field is immutable when `immutable` is set',
    )
    expect(edit((o) => (o.immutable = false))).toBe(
      'ConfigMap "game" is invalid: immutable: Forbidden: field is immutable when `immutable` is set',
    )
    expect(edit((o) => (o.binaryData = { b: 'dg==' }))).toBe(
      'ConfigMap "game" is invalid: binaryData: Forbidden: field is immutable when `immutable` is set',
    )
    expect(edit((o) => ((o.metadata as Record<string, unknown>).labels = { tier: 'web' }))).toBe(
      'updated',
    )
  })
})
