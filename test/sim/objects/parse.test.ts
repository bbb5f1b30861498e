// Manifest reading: documents, Lists, JSON, and kubectl's exact YAML/validation error texts (E7).
import { describe, expect, test } from 'vitest'
import { parseManifests } from '../../../worker/sim/objects'

const Y = 'error parsing STDIN: error converting YAML to JSON: yaml: '
const HEAD = 'apiVersion: v1\nkind: Service\n'

const errors: [string, string, string][] = [
  [
    'tab indentation',
    `${HEAD}metadata:\n\tname: web\n`,
    `${Y}line 4: found character that cannot start any token`,
  ],
  [
    'two colons on one line',
    `${HEAD}metadata:\n  name: web: x\n`,
    `${Y}line 4: mapping values are not allowed in this context`,
  ],
  [
    'error on the first line has no line number',
    'apiVersion: v1: x\n',
    `${Y}mapping values are not allowed in this context`,
  ],
  [
    'key indented one space too far',
    `${HEAD}metadata:\n  name: web\n   labels: x\n`,
    `${Y}line 5: mapping values are not allowed in this context`,
  ],
  [
    'key indented one space too little (parser line is 0-based)',
    `${HEAD}metadata:\n  name: web\n labels: x\n`,
    `${Y}line 4: did not find expected key`,
  ],
  [
    'field at the list item column',
    `${HEAD}spec:\n  ports:\n    - port: 80\n    targetPort: 8080\n`,
    `${Y}line 5: did not find expected '-' indicator`,
  ],
  [
    'missing colon inside a mapping: the scalar runs on to the next key',
    `${HEAD}metadata:\n  name web\n  labels: x\n`,
    `${Y}line 5: mapping values are not allowed in this context`,
  ],
  [
    'missing colon after a top-level key',
    `${HEAD}metadata\n  name: web\n`,
    `${Y}line 4: could not find expected ':'`,
  ],
  [
    'tab after a plain scalar value',
    `${HEAD}metadata:\n  name: web\n\tlabels: x\n`,
    `${Y}line 5: found a tab character that violates indentation`,
  ],
  [
    'unclosed flow sequence runs into the next key',
    `${HEAD}spec:\n  ports: [80\n  selector: x\n`,
    `${Y}line 4: did not find expected ',' or ']'`,
  ],
  [
    'unclosed quote',
    `${HEAD}metadata:\n  name: 'web\n`,
    `${Y}line 5: found unexpected end of stream`,
  ],
  [
    'unclosed flow mapping',
    `${HEAD}metadata: {name: web\n`,
    `${Y}line 3: did not find expected ',' or '}'`,
  ],
  [
    'list item where a key belongs',
    `${HEAD}metadata:\n  name: web\n- x\n`,
    `${Y}line 4: did not find expected key`,
  ],
  [
    'list item on the key line',
    `${HEAD}spec:\n  ports: - port: 80\n`,
    `${Y}line 4: block sequence entries are not allowed in this context`,
  ],
  [
    'kind with an indented mapping under it',
    'apiVersion: v1\nkind: Service\n  metadata:\n    name: x\n',
    `${Y}line 3: mapping values are not allowed in this context`,
  ],
  [
    'list item dedented below its siblings',
    `${HEAD}spec:\n  ports:\n    - port: 80\n      targetPort: 8080\n   - port: 443\n`,
    `${Y}line 6: did not find expected key`,
  ],
  [
    'reserved character @',
    `${HEAD}metadata:\n  name: @web\n`,
    `${Y}line 4: found character that cannot start any token`,
  ],
  ['unknown alias', `${HEAD}metadata:\n  name: *web\n`, `${Y}unknown anchor 'web' referenced`],
  [
    'missing kind',
    'apiVersion: v1\nmetadata:\n  name: a\n',
    'error validating "STDIN": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false',
  ],
  [
    'missing apiVersion and kind',
    'metadata:\n  name: a\n',
    'error validating "STDIN": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
  ],
  [
    'a bare list',
    '- a\n- b\n',
    'error validating "STDIN": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false',
  ],
]

describe('parse errors', () => {
  test.each(errors)('%s', (_n, text, want) => {
    expect(parseManifests(text, 'STDIN')).toEqual({ objects: [], error: want })
  })
})

test('JSON syntax errors as encoding/json words them', () => {
  expect(parseManifests('{"apiVersion": "v1", "kind": "Namespace",}', 'STDIN').error).toBe(
    "error parsing STDIN: json: offset 42: invalid character '}' looking for beginning of object key string",
  )
  expect(parseManifests('{"a": 1', 'STDIN').error).toBe('error parsing STDIN: unexpected EOF')
})

describe('documents', () => {
  const ns = (n: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: n } })

  test('documents before a bad one are kept; lines count within the document', () => {
    const text = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n\tname: b\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: c}\n`
    expect(parseManifests(text, 'svc.yaml')).toEqual({
      objects: [ns('a')],
      error:
        'error parsing svc.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token',
    })
  })

  test('empty and comment-only documents are skipped', () => {
    expect(
      parseManifests(
        '# nothing\n---\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n',
        'STDIN',
      ),
    ).toEqual({ objects: [ns('a')] })
  })

  test('kind: List is flattened', () => {
    const text =
      'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Namespace, metadata: {name: a}}\n- {apiVersion: v1, kind: Namespace, metadata: {name: b}}\n'
    expect(parseManifests(text, 'STDIN')).toEqual({ objects: [ns('a'), ns('b')] })
  })

  test('a JSON stream', () => {
    const text = `${JSON.stringify(ns('a'))}\n${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [ns('b')] })}`
    expect(parseManifests(text, 'STDIN')).toEqual({ objects: [ns('a'), ns('b')] })
  })

  test('YAML 1.1 scalars as go-yaml reads them (key `on` becomes "true"), duplicate keys keep the last', () => {
    const r = parseManifests(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  name: b\n  labels: {on: yes, v: 010}\n',
      'STDIN',
    )
    expect(r.objects[0]).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'b', labels: { true: true, v: 8 } },
    })
  })

  test('timestamps stay strings (yaml.v2 for interface{}), no base-60 numbers', () => {
    const r = parseManifests(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  annotations: {since: 2024-01-01, at: 1:20}\n',
      'STDIN',
    )
    expect(r.objects[0]).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'a', annotations: { since: '2024-01-01', at: '1:20' } },
    })
  })

  test('go-yaml float rules: E0 and a lone dot are strings, 1e3 is a number', () => {
    const r = parseManifests(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  labels: {e: E0, d: ., x: 1e3}\n',
      'STDIN',
    )
    expect((r.objects[0] as { metadata: unknown }).metadata).toEqual({
      name: 'a',
      labels: { e: 'E0', d: '.', x: 1000 },
    })
  })

  test('a first line indented by mistake: go-yaml reads only that mapping and stops', () => {
    expect(
      parseManifests('  apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n', 'STDIN'),
    ).toEqual({
      objects: [],
      error:
        'error validating "STDIN": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false',
    })
  })

  test('bad document separator', () => {
    expect(
      parseManifests('apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n--- x\n', 'STDIN')
        .error,
    ).toBe('error parsing STDIN: invalid Yaml document separator: x')
  })
})
