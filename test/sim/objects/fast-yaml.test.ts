// The fast YAML path must agree with the full parser whenever it answers.
import { expect, test } from 'vitest'
import fc from 'fast-check'
import { parseDocument, stringify } from 'yaml'
import { parseSimpleYaml } from '../../../worker/sim/objects/fast-yaml'
import { GO_YAML_OPTIONS } from '../../../worker/sim/objects/yaml-options'

function full(doc: string): unknown {
  const d = parseDocument(doc, GO_YAML_OPTIONS)

  return d.errors.length ? 'ERROR' : d.toJS()
}

const CORPUS = [
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deployment-1.1\n  labels:\n    app: nginx-1.1\n    env: prod\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: nginx-1.1\n  template:\n    metadata:\n      labels:\n        app: nginx-1.1\n    spec:\n      containers:\n      - name: nginx\n        image: anshuldevops/magicalnginx:latest\n        ports:\n        - containerPort: 80\n',
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: access-pod\nspec:\n  containers:\n  - name: access-pod-container\n    image: ubuntu:latest\n    command: ["sh", "-c", "sleep 3600"]\n',
  'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: my-service\nsubsets:\n  - addresses:\n      - ip: 10.244.0.119\n      - ip: 10.244.0.180\n    ports:\n      - port: 80\n',
  'apiVersion: v1\nkind: Service\nmetadata: {name: web, labels: {app: web}}\nspec:\n  ports:\n  - protocol: TCP # the protocol\n    port: 8080\n    targetPort: 80\n  selector:\n    color: blue\n',
  "# comment\nkey: 'it''s'\nother: \"quoted # not a comment\"\nempty:\nlist:\n- a\n-\n- 'b'\nflags: [yes, no, on, off, ~, null, 0, -3, 12]\n",
  'a: b: c\n',
  'a:\n  b: 1\n c: 2\n',
  'metadata:\n  name web\n  labels: x\n',
  'key: value\n  continued: x\n',
  'a: 1.5\nb: 25%\nc: 0x1F\nd: 007\ne: -0\n',
  'on: 1\n80: http\n',
]

test.each(CORPUS.map((c, i) => [i, c] as const))('corpus %i agrees or defers', (_i, doc) => {
  const fast = parseSimpleYaml(doc)
  if (fast) expect(fast.value).toEqual(full(doc))
})

test('the common manifests take the fast path', () => {
  for (const i of [0, 1, 2, 4]) expect(parseSimpleYaml(CORPUS[i]!)).toBeDefined()
})

const key = fc.constantFrom(
  'app',
  'name',
  'image',
  'port',
  'targetPort',
  'kubernetes.io/name',
  'a-b',
  'x_y',
  'spec',
  'on',
  '80',
  'key with space',
  'ports',
)
const leaf = fc.oneof(
  fc.constantFrom(
    'web',
    'nginx:1.25',
    'yes',
    'no',
    'null',
    '~',
    '',
    '25%',
    '10.244.0.5',
    'a: b',
    'a #b',
    "it's",
    '"q"',
    '-c',
    'x,y',
    '[x]',
    'true',
    '0755',
    '1.19',
    '0.5',
    '.5',
    '+1',
    '1_000',
    '0o7',
    '0b1',
    'Yes',
    'NO',
    'On',
    'y',
    'n',
    'nul',
    '- x',
    '? x',
    ': x',
    'x:',
    'a:b',
    '#x',
    'x#y',
    '1.2.3.4',
    '300.1.1.1',
    '5%',
    'http://a/b',
    '1e3',
    '2024-01-01',
  ),
  fc.integer({ min: -100000, max: 100000 }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 8 }),
)
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(key, tie('node'), { maxKeys: 4 }),
  ),
})).node

test('random documents written by yaml.stringify: the fast path agrees with the full parser', () => {
  fc.assert(
    fc.property(
      fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }),
      fc.boolean(),
      (obj, flow) => {
        const doc = stringify(obj, { collectionStyle: flow ? 'flow' : 'any', indentSeq: flow })
        const fast = parseSimpleYaml(doc)
        if (fast) expect(fast.value).toEqual(full(doc))
      },
    ),
    { numRuns: 1500 },
  )
})

const fragment = fc.array(
  fc.constantFrom(
    'a: 1\n',
    'b:\n',
    '  c: d\n',
    '  - e\n',
    '- f: g\n',
    '  h: [i, "j k"]\n',
    '    - l\n',
    'm: {n: o}\n',
    '  p: q r\n',
    '   s: t\n',
    ' u: v\n',
    '# w\n',
    'x: y # z\n',
    "'k': 'v'\n",
    '- - z\n',
    '-\n',
    'key: a: b\n',
  ),
  { maxLength: 10 },
)

test('random line soups: the fast path agrees or defers', () => {
  fc.assert(
    fc.property(fragment, (lines) => {
      const doc = lines.join('')
      const fast = parseSimpleYaml(doc)
      if (fast) expect(fast.value).toEqual(full(doc))
    }),
    { numRuns: 3000 },
  )
})
