// Label selectors: Service maps, LabelSelector, and `kubectl -l` text with labels.Parse's errors.
import { describe, expect, test } from 'vitest'
import { matchesLabelSelector, matchesSelector, parseSelector } from '../../../worker/sim/objects'

const web = { app: 'web', tier: 'front', env: 'prod' }

test('map selectors', () => {
  expect(matchesSelector(web, { app: 'web' })).toBe(true)
  expect(matchesSelector(web, { app: 'web', tier: 'back' })).toBe(false)
  expect(matchesSelector(undefined, { app: 'web' })).toBe(false)
  expect(matchesSelector(web, {})).toBe(true)
})

test('LabelSelector', () => {
  expect(
    matchesLabelSelector(web, {
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }],
    }),
  ).toBe(true)
  expect(
    matchesLabelSelector(web, {
      matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }],
    }),
  ).toBe(false)
  expect(
    matchesLabelSelector(web, { matchExpressions: [{ key: 'canary', operator: 'DoesNotExist' }] }),
  ).toBe(true)
  expect(
    matchesLabelSelector(web, { matchExpressions: [{ key: 'canary', operator: 'Exists' }] }),
  ).toBe(false)
  expect(matchesLabelSelector(web, undefined)).toBe(false)
  expect(matchesLabelSelector(web, {})).toBe(true)
})

describe('-l syntax', () => {
  const rows: [string, boolean][] = [
    ['app=web', true],
    ['app==web,tier=front', true],
    ['app!=web', false],
    ['app!=db', true],
    ['env in (prod, dev)', true],
    ['env notin (prod)', false],
    ['tier', true],
    ['!canary', true],
    ['!app', false],
    ['canary!=yes', true],
    ['', true],
  ]
  test.each(rows)('%s', (text, want) => {
    const p = parseSelector(text)
    expect(p.ok && p.matches(web)).toBe(want)
  })

  const errors: [string, string][] = [
    ['app=web,', "found '', expected: identifier after ','"],
    ['app web', "unable to parse requirement: found 'web', expected: in, notin, =, ==, !=, gt, lt"],
    ['env in prod', "unable to parse requirement: found 'prod' expected: '('"],
    ['env in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['=web', "found '=', expected: !, identifier, or 'end of string'"],
    ['app=web=x', "found '=', expected: ',' or 'end of string'"],
    ['app=my value', "found 'value', expected: ',' or 'end of string'"],
    [
      'app=-x',
      "unable to parse requirement: values[0]: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ],
  ]
  test.each(errors)('%s', (text, want) => {
    expect(parseSelector(text)).toEqual({ ok: false, error: want })
  })
})
