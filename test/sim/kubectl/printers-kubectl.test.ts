// Our -o yaml|json|name|jsonpath printers against the real kubectl 1.32 client, which prints
// objects it builds itself without a cluster (`create ... --dry-run=client`). Skipped, with the
// reason, when no kubectl is on PATH.

import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import {
  printObjectJson,
  printObjectYaml,
  printObjects,
} from '../../../worker/sim/kubectl/printers'
import { printJsonPath } from '../../../worker/sim/kubectl/printers/jsonpath'

function findKubectl(): boolean {
  try {
    return execFileSync('kubectl', ['version', '--client'], {
      encoding: 'utf8',
      timeout: 10_000,
    }).includes('v1.32')
  } catch {
    return false
  }
}

const HAVE_KUBECTL = findKubectl()
const kubectl = (args: string[]) =>
  execFileSync('kubectl', args, { encoding: 'utf8', timeout: 10_000 })

/** Re-orders every object's keys alphabetically, so only our typed-order table can restore Go's. */
function scramble(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(scramble)
  if (v === null || typeof v !== 'object') return v
  const o = v as Record<string, unknown>
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .reverse()
      .map((k) => [k, scramble(o[k])]),
  )
}

const ODD_VALUES: Record<string, string> = {
  a10: '80',
  a9: 'true',
  b: '',
  c: 'y',
  d: 'hello world',
  e: '10.96.0.1',
  f: '1.5',
  g: '-',
  h: 'a: b',
  i: '#x',
  j: "it's",
  k: ' lead',
  l: 'trail ',
  m: 'line1\nline2\n',
  n: 'line1\nline2',
  o: 'x\n\n',
  p: '\tTab',
  q: '2024-01-15T10:00:00Z',
  r: '0x1F',
  s: 'null',
  t: 'ünïcode',
  u: '*star',
  v: 'a #b',
  w: 'a#b',
  A: '1:20',
  B: '017',
  C: '1e3',
  D: '+',
  E: '~',
  F: 'on',
  G: '<html> & stuff',
  J: ' ',
  _under: 'u',
  Upper: 'U',
  'a-b': '1',
  a_b: '2',
  'a.b': '3',
  x: 'ReplicaSet "nginx-deployment-66b6c48dd5" has successfully progressed and this is a long line that keeps going on and on',
  y: '"quoted" text that is long enough to be wrapped by the emitter because it is more than eighty chars',
  z: '{"apiVersion":"v1","kind":"Service"}\n',
  H: 'x'.repeat(90) + ' y',
  I: "a'b long text long text long text long text long text long text long text long text long",
}

const GENERATORS: [string, string[]][] = [
  [
    'create deployment',
    ['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3', '--port=80'],
  ],
  [
    'create service nodeport',
    ['create', 'service', 'nodeport', 'web', '--tcp=80:8080', '--node-port=30080'],
  ],
  [
    'create service clusterip headless',
    ['create', 'service', 'clusterip', 'h', '--clusterip=None', '--tcp=5432'],
  ],
  [
    'create service loadbalancer',
    ['create', 'service', 'loadbalancer', 'lb', '--tcp=80:8080', '--tcp=443:8443'],
  ],
  [
    'create service externalname',
    ['create', 'service', 'externalname', 'ext', '--external-name=example.com'],
  ],
  ['create namespace', ['create', 'namespace', 'dev']],
  [
    'create configmap with odd values',
    [
      'create',
      'configmap',
      'odd',
      ...Object.entries(ODD_VALUES).map(([k, v]) => `--from-literal=${k}=${v}`),
    ],
  ],
]

describe.skipIf(!HAVE_KUBECTL)('printers match kubectl 1.32 (kubectl on PATH)', () => {
  for (const [name, args] of GENERATORS) {
    const dry = [...args, '--dry-run=client']
    it(`${name}: -o yaml`, () => {
      const obj = JSON.parse(kubectl([...dry, '-o', 'json']))
      expect(printObjectYaml(scramble(obj))).toBe(kubectl([...dry, '-o', 'yaml']))
    })
    it(`${name}: -o json keeps Go struct order for typed objects`, () => {
      const obj = JSON.parse(kubectl([...dry, '-o', 'json']))
      expect(printObjectJson(scramble(obj), { typed: true })).toBe(kubectl([...dry, '-o', 'json']))
    })
    it(`${name}: -o name`, () => {
      const obj = JSON.parse(kubectl([...dry, '-o', 'json']))
      expect(printObjects([obj], 'name').stdout).toBe(kubectl([...dry, '-o', 'name']))
    })
  }
  const templates = [
    '{.spec}',
    '{.metadata.labels}',
    '{.spec.template.spec.containers[0].image}',
    '{.spec.template.spec.containers[*].ports[*].containerPort}',
    '{range .spec.template.spec.containers[*]}{.name}={.image}{"\\n"}{end}',
    '{.spec.replicas}',
    '{.metadata.creationTimestamp}',
  ]
  for (const t of templates) {
    it(`jsonpath ${t}`, () => {
      const dry = [...(GENERATORS[0]?.[1] ?? []), '--dry-run=client']
      const obj = JSON.parse(kubectl([...dry, '-o', 'json']))
      expect(printJsonPath(t, obj, { allowMissingKeys: true, asJson: false })).toEqual({
        stdout: kubectl([...dry, '-o', `jsonpath=${t}`]),
      })
    })
  }
})

