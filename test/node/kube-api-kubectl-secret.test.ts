// Secrets through the Kubernetes API door with the real kubectl 1.32, each command's output
// compared with what the lab terminal's simulated kubectl prints (the harness of
// kube-api-kubectl.test.ts: writes by the real kubectl on cluster A and by ours on cluster B,
// reads both ways on cluster A). `kubectl create secret` posts protobuf (map<string, bytes> data).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listenForFile } from './node-app'
import { HAS_KUBECTL, runKubectl, simKubectl, type Out } from './kubectl-compare'
import { learner as openLearner } from './kube-streams-helpers'
import { TLS_CRT, TLS_KEY } from '../sim/kubectl/tls-fixture'

const dir = mkdtempSync(join(tmpdir(), 'sl-kubectl-secret-'))
let clock = Date.now() - 180_000
const origin = listenForFile({ dbFile: join(dir, 'test.db'), now: () => clock })

const real = (kubeconfig: string, args: string[], stdin = '') =>
  runKubectl(dir, kubeconfig, args, stdin)
const learner = (lab: string) => openLearner(origin(), lab)

const OPAQUE = `apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  user: admin
  pass: s3cr3t
`
/** describe secret ranges over the data map in Go's random order: its lines compared sorted */
function sortData(o: Out): Out {
  const [head, data] = o.stdout.split('====\n')
  if (data === undefined) return o
  return { ...o, stdout: `${head}====\n${data.split('\n').sort().join('\n')}` }
}

const PLAIN_DATA = OPAQUE.replace('name: db', 'name: plain').replace('stringData', 'data')

describe.skipIf(!HAS_KUBECTL)('the real kubectl and Secrets (needs the kubectl binary)', () => {
  it('prints what the simulated kubectl prints for Secret writes and reads', async () => {
    const a = await learner('playground')
    const b = await learner('playground')
    writeFileSync(join(dir, 'tls.crt'), TLS_CRT)
    writeFileSync(join(dir, 'tls.key'), TLS_KEY)
    const writeFiles = [
      ['tls.crt', TLS_CRT],
      ['tls.key', TLS_KEY],
    ]
      .map(([name, text]) => `printf '%s' '${text}' > ${name}; `)
      .join('')
    const writes: [string[], string, string?][] = [
      [['apply', '-f', '-'], 'kubectl apply -f -', OPAQUE],
      // stringData is never stored, so the patch from the last-applied manifest always has it
      [['apply', '-f', '-'], 'kubectl apply -f -', OPAQUE],
      [['apply', '-f', '-'], 'kubectl apply -f -', OPAQUE.replace('s3cr3t', 'changed')],
      [['apply', '-f', '-'], 'kubectl apply -f -', PLAIN_DATA],
      [
        ['create', 'secret', 'generic', 'api', '--from-literal=token=abc', '--from-literal=id=7'],
        'kubectl create secret generic api --from-literal=token=abc --from-literal=id=7',
      ],
      [
        ['create', 'secret', 'generic', 'api', '--from-literal=token=x'],
        'kubectl create secret generic api --from-literal=token=x',
      ],
      [
        [
          'create',
          'secret',
          'generic',
          'half',
          '--type=kubernetes.io/tls',
          '--from-literal=tls.crt=x',
        ],
        'kubectl create secret generic half --type=kubernetes.io/tls --from-literal=tls.crt=x',
      ],
      [
        [
          'create',
          'secret',
          'tls',
          'web-tls',
          `--cert=${join(dir, 'tls.crt')}`,
          `--key=${join(dir, 'tls.key')}`,
        ],
        `${writeFiles}kubectl create secret tls web-tls --cert=tls.crt --key=tls.key`,
      ],
      [['label', 'secret', 'db', 'tier=data'], 'kubectl label secret db tier=data'],
      [['delete', 'secret', 'api'], 'kubectl delete secret api'],
    ]
    for (const [args, line, stdin] of writes) {
      const want = await simKubectl(b.c, b.id, line, stdin)
      const got = await real(a.kubeconfig, args, args.includes('-') ? stdin : '')
      expect(got, `kubectl ${args.join(' ')}`).toEqual(want)
    }
    clock = Date.now()
    const reads = [
      'get secrets',
      'get secret db -o yaml',
      'get secret web-tls -o json',
      'get secret db -o jsonpath={.data.pass}',
      'describe secret db',
      'describe secret web-tls',
      'get secrets -A --show-labels',
      'explain secret',
      'get secret api',
    ]
    for (const line of reads) {
      const want = sortData(await simKubectl(a.c, a.id, `kubectl ${line}`))
      const got = sortData(await real(a.kubeconfig, line.split(' ')))
      expect(got, `kubectl ${line}`).toEqual(want)
    }
  }, 240_000)
})
