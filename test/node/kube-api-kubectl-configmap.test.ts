// ConfigMaps through the Kubernetes API door with the real kubectl 1.32, each command's output
// compared with what the lab terminal's simulated kubectl prints (the harness of
// kube-api-kubectl.test.ts: writes by the real kubectl on cluster A and by ours on cluster B,
// reads both ways on cluster A). `kubectl create configmap` posts protobuf (map<string, string>
// data, map<string, bytes> binaryData).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listenForFile } from './node-app'
import { HAS_KUBECTL, maskEventAges, runKubectl, simKubectl, type Out } from './kubectl-compare'
import { learner as openLearner } from './kube-streams-helpers'

const dir = mkdtempSync(join(tmpdir(), 'sl-kubectl-configmap-'))
let clock = Date.now() - 180_000
const origin = listenForFile({ dbFile: join(dir, 'test.db'), now: () => clock })

const real = (kubeconfig: string, args: string[], stdin = '') =>
  runKubectl(dir, kubeconfig, args, stdin)
const learner = (lab: string) => openLearner(origin(), lab)

const GAME = `apiVersion: v1
kind: ConfigMap
metadata:
  name: game
data:
  mode: hard
  ui.properties: |
    color=blue
    size=3
binaryData:
  logo: //4AQQ==
`
/** a pod reading the ConfigMap and a Secret (present), and one waiting for a missing ConfigMap */
const PODS = `apiVersion: v1
kind: Pod
metadata:
  name: reader
spec:
  containers:
  - name: app
    image: nginx:1.27
    env:
    - name: MODE
      valueFrom:
        configMapKeyRef: {name: game, key: mode}
    - name: TOKEN
      valueFrom:
        secretKeyRef: {name: creds, key: token, optional: true}
    envFrom:
    - configMapRef: {name: game}
      prefix: GAME_
    - secretRef: {name: creds, optional: true}
---
apiVersion: v1
kind: Pod
metadata:
  name: waiter
spec:
  containers:
  - name: app
    image: nginx:1.27
    envFrom:
    - configMapRef: {name: absent}
`
/** describe configmap ranges over the data map in Go's random order: its entries compared sorted */
function sorted(o: Out): Out {
  const m = /^([^]*?Data\n====\n)([^]*?)(\nBinaryData\n[^]*)$/.exec(o.stdout)
  if (!m) return o
  const entries = (m[2] ?? '').split(/(?=^[^\n]*:\n----\n)/m).sort()
  return { ...o, stdout: `${m[1]}${entries.join('')}${m[3]}` }
}

describe.skipIf(!HAS_KUBECTL)('the real kubectl and ConfigMaps (needs the kubectl binary)', () => {
  it('prints what the simulated kubectl prints for ConfigMap writes and reads', async () => {
    const a = await learner('playground')
    const b = await learner('playground')
    writeFileSync(join(dir, 'app.properties'), 'color=blue\n')
    writeFileSync(join(dir, 'logo.bin'), Uint8Array.from([0xff, 0xfe, 0x00, 0x41]))
    const writeFiles =
      "printf 'color=blue\\n' > app.properties; printf '\\377\\376\\000A' > logo.bin; "
    const writes: [string[], string, string?][] = [
      [['apply', '-f', '-'], 'kubectl apply -f -', GAME],
      [['apply', '-f', '-'], 'kubectl apply -f -', GAME],
      [['apply', '-f', '-'], 'kubectl apply -f -', GAME.replace('hard', 'easy')],
      [['apply', '-f', '-'], 'kubectl apply -f -', GAME.replace('  logo:', '  mode:')],
      [
        ['create', 'configmap', 'api', '--from-literal=token=abc', '--from-literal=id=7'],
        'kubectl create configmap api --from-literal=token=abc --from-literal=id=7',
      ],
      [
        ['create', 'cm', 'api', '--from-literal=token=x'],
        'kubectl create cm api --from-literal=token=x',
      ],
      [
        [
          'create',
          'configmap',
          'files',
          `--from-file=${join(dir, 'app.properties')}`,
          `--from-file=${join(dir, 'logo.bin')}`,
        ],
        `${writeFiles}kubectl create configmap files --from-file=app.properties --from-file=logo.bin`,
      ],
      [['label', 'configmap', 'game', 'tier=web'], 'kubectl label configmap game tier=web'],
      [['delete', 'cm', 'api'], 'kubectl delete cm api'],
      [['apply', '-f', '-'], 'kubectl apply -f -', PODS],
    ]
    for (const [args, line, stdin] of writes) {
      const want = await simKubectl(b.c, b.id, line, stdin)
      const got = await real(a.kubeconfig, args, args.includes('-') ? stdin : '')
      expect(got, `kubectl ${args.join(' ')}`).toEqual(want)
    }
    clock = Date.now() + 60_000
    const reads = [
      'get pods',
      'describe pod reader',
      'describe pod waiter',
      'get cm',
      'get configmap game -o yaml',
      'get configmap files -o json',
      'get cm game -o jsonpath={.data.mode}',
      'describe configmap files',
      'describe configmap game',
      'describe cm api',
      'get configmaps -A --show-labels',
      'explain configmap',
      'explain cm.binaryData',
      'api-resources --api-group=',
    ]
    expect((await real(a.kubeconfig, ['get', 'pods'])).stdout).toMatch(
      /\nwaiter +0\/1 +CreateContainerConfigError +0 /,
    )
    for (const line of reads) {
      const want = maskEventAges(sorted(await simKubectl(a.c, a.id, `kubectl ${line}`)))
      const got = maskEventAges(sorted(await real(a.kubeconfig, line.split(' '))))
      expect(got, `kubectl ${line}`).toEqual(want)
    }
  }, 240_000)
})
