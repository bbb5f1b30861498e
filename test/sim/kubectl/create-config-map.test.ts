// `kubectl create configmap`: what the real kubectl 1.32 prints for the same arguments and files
// (--dry-run=client needs no cluster), then the ConfigMap made in the simulated cluster.
import { describe, expect, test } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../../../worker/sim/run'
import { newCluster } from '../../../worker/sim/bootstrap'
import { HAVE_KUBECTL } from './real-kubectl'

const T0 = Date.UTC(2026, 10, 26, 6, 0, 0)
/** the workstation's text files (and the real kubectl's, in a temporary directory) */
const FILES: Record<string, string> = {
  'app.properties': 'color=blue\nsize=3\n',
  'd/one': 'x',
  'd/two': 'y',
  'e.env': 'A=1\n# comment\n\n  B=two=2\r\nC= sp \n',
  'bad.env': '1A=3\n',
}
/** bytes that are not UTF-8: the file goes to binaryData (printf's octal escapes in the lab) */
const BINARY = { path: 'logo.bin', bytes: [0xff, 0xfe, 0x00, 0x41], printf: '\\377\\376\\000A' }

const CASES = [
  'game --from-literal=player=1 --from-literal=mode=hard -o yaml',
  'game --from-literal=a==b --from-literal=u=héllo -o json',
  'game -n dev --from-literal=a=b -o yaml',
  'game -o yaml',
  'cm-alias --from-literal=a=b -o name',
  'game --from-literal=a',
  'game --from-literal=a=1 --from-literal=a=2',
  'game --from-literal=a/b=1',
  'game --from-literal=..a=1',
  'game',
  'game --from-file=app.properties --from-file=k=app.properties --from-file=d -o yaml',
  'game --from-file=logo.bin --from-literal=x=1 -o json',
  'game --from-literal=logo.bin=1 --from-file=logo.bin',
  'game --from-file=app.properties --from-literal=app.properties=q',
  'game --from-file=nope',
  'game --from-file=k=d',
  'game --from-env-file=e.env -o json',
  'game --from-env-file=bad.env',
  'game --from-env-file=d',
  'game --from-env-file=nope',
  'game --from-env-file=e.env --from-literal=a=b',
]

function ours(args: string): { stdout: string; stderr: string; exitCode: number } {
  const s = newCluster(7, T0)
  const writes = Object.entries(FILES)
    .map(([path, text]) => `printf '%s' '${text.replace(/'/g, "'\\''")}' > ${path}`)
    .concat(`printf '${BINARY.printf}' > ${BINARY.path}`)
    .join('; ')
  const cmd = args.startsWith('cm-alias') ? 'cm' : 'configmap'
  const line = `mkdir d; ${writes}; kubectl create ${cmd} ${args} --dry-run=client`
  const r = run(s, line, { now: T0 + 60_000, owned: true })
  const text = (fd: number) =>
    r.output
      .filter((o) => (o.stream === 'stderr' ? 2 : 1) === fd)
      .map((o) => o.text)
      .join('')
  return { stdout: text(1), stderr: text(2), exitCode: r.exitCode }
}

function real(args: string): { stdout: string; stderr: string; exitCode: number } {
  const dir = mkdtempSync(join(tmpdir(), 'configmap-'))
  mkdirSync(join(dir, 'd'))
  for (const [path, text] of Object.entries(FILES)) writeFileSync(join(dir, path), text)
  writeFileSync(join(dir, BINARY.path), Uint8Array.from(BINARY.bytes))
  const cmd = args.startsWith('cm-alias') ? 'cm' : 'configmap'
  const argv = ['create', cmd, ...args.split(' '), '--dry-run=client']
  const r = spawnSync('kubectl', argv, {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, KUBECONFIG: '/nonexistent/kubeconfig' },
  })
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.status ?? -1 }
}

describe('kubectl create configmap', () => {
  test.skipIf(!HAVE_KUBECTL).each(CASES)(
    '%s: as the real kubectl 1.32 (skipped without it)',
    (args) => {
      expect(ours(args)).toEqual(real(args))
    },
  )

  test('a ConfigMap is made in the cluster and read back', () => {
    const s = newCluster(7, T0)
    const go = (line: string) =>
      run(s, line, { now: T0 + 60_000, owned: true })
        .output.map((o) => o.text)
        .join('')
    expect(go('kubectl create configmap game --from-literal=mode=hard')).toBe(
      'configmap/game created\n',
    )
    expect(go("kubectl get cm game -o jsonpath='{.data.mode}'")).toBe('hard')
    expect(go('kubectl create configmap game --from-literal=mode=easy')).toBe(
      'error: failed to create configmap: configmaps "game" already exists\n',
    )
    expect(go('kubectl create configmap Game --from-literal=a=b')).toMatch(
      /^error: failed to create configmap: ConfigMap "Game" is invalid: metadata.name: Invalid value: "Game": a lowercase RFC 1123 subdomain/,
    )
  })
})
