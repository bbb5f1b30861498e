// `kubectl create secret generic|tls`: what the real kubectl 1.32 prints for the same arguments
// and files (--dry-run=client needs no cluster), then the Secret made in the simulated cluster.
import { describe, expect, test } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../../../worker/sim/run'
import { newCluster } from '../../../worker/sim/bootstrap'
import { HAVE_KUBECTL } from './real-kubectl'
import {
  CN_ONLY_CRT,
  CN_ONLY_KEY,
  RSA_CRT,
  RSA_KEY,
  RSA_PKCS1_KEY,
  TLS_CRT,
  TLS_KEY,
} from './tls-fixture'

const T0 = Date.UTC(2026, 10, 26, 6, 0, 0)
const PEM = (type: string, body: string) =>
  `-----BEGIN ${type}-----\n${body}\n-----END ${type}-----\n`
/** the workstation's files (and the real kubectl's, in a temporary directory) */
const FILES: Record<string, string> = {
  'f.txt': 'hello\n',
  'd/one': 'x',
  'd/two': 'y',
  'e.env': 'A=1\n# comment\n\n  B=two=2\r\nC= sp \n',
  'bad.env': 'bad key=3\n',
  'tls.crt': TLS_CRT,
  'tls.key': TLS_KEY,
  'both.pem': TLS_CRT + TLS_KEY,
  'cn.crt': CN_ONLY_CRT,
  'cn.key': CN_ONLY_KEY,
  'rsa.crt': RSA_CRT,
  'rsa.key': RSA_KEY,
  'rsa1.key': RSA_PKCS1_KEY,
  'bad.crt': PEM('CERTIFICATE', 'MIIB'),
  'bad.key': PEM('PRIVATE KEY', 'MIIE'),
  'other.pem': PEM('PUBLIC KEY', 'MIIB') + PEM('CERTIFICATE REQUEST', 'MIIE'),
}

const CASES = [
  'generic db --from-literal=user=admin --from-literal=pass=s3cr3t -o yaml',
  'generic db --from-literal=a==b --from-literal=u=héllo --type=example.com/x -o json',
  'generic db -n dev --from-literal=a=b -o yaml',
  'generic db -o yaml',
  'generic db --from-literal=a',
  'generic db --from-literal==1',
  'generic db --from-literal=a=1 --from-literal=a=2',
  'generic db --from-literal=a/b=1',
  'generic db --from-literal=..a=1',
  'generic',
  'generic db extra --from-literal=a=1',
  'generic db --from-file=f.txt --from-file=k=f.txt --from-file=d -o yaml',
  'generic db --from-file=f.txt --from-literal=f.txt=q',
  'generic db --from-file=nope',
  'generic db --from-file==f.txt',
  'generic db --from-file=k=',
  'generic db --from-file=a=b=c',
  'generic db --from-file=k=d',
  'generic db --from-env-file=e.env -o json',
  'generic db --from-env-file=bad.env',
  'generic db --from-env-file=e.env --from-literal=a=b',
  'tls web-tls --cert=tls.crt --key=tls.key -o yaml',
  'tls web-tls --cert=tls.crt',
  'tls web-tls --cert=nope --key=tls.key',
  'tls web-tls --cert=tls.key --key=tls.crt',
  'tls web-tls --cert=tls.crt --key=tls.crt',
  'tls web-tls --cert=both.pem --key=both.pem -o yaml',
  'tls web-tls --cert=f.txt --key=tls.key',
  'tls web-tls --cert=other.pem --key=tls.key',
  'tls web-tls --cert=tls.crt --key=other.pem',
  'tls web-tls --cert=rsa.crt --key=rsa.key -o name',
  'tls web-tls --cert=rsa.crt --key=rsa1.key -o name',
  'tls web-tls --cert=cn.crt --key=cn.key -o name',
  'tls web-tls --cert=rsa.crt --key=tls.key',
  'tls web-tls --cert=tls.crt --key=rsa.key',
  'tls web-tls --cert=tls.crt --key=cn.key',
  'tls web-tls --cert=bad.crt --key=tls.key',
  'tls web-tls --cert=tls.crt --key=bad.key',
]

function ours(args: string): { stdout: string; stderr: string; exitCode: number } {
  const s = newCluster(7, T0)
  const writes = Object.entries(FILES)
    .map(([path, text]) => `printf '%s' '${text.replace(/'/g, "'\\''")}' > ${path}`)
    .join('; ')
  const line = `mkdir d; ${writes}; kubectl create secret ${args} --dry-run=client`
  const r = run(s, line, { now: T0 + 60_000, owned: true })
  const text = (fd: number) =>
    r.output
      .filter((o) => (o.stream === 'stderr' ? 2 : 1) === fd)
      .map((o) => o.text)
      .join('')
  return { stdout: text(1), stderr: text(2), exitCode: r.exitCode }
}

function real(args: string): { stdout: string; stderr: string; exitCode: number } {
  const dir = mkdtempSync(join(tmpdir(), 'secret-'))
  mkdirSync(join(dir, 'd'))
  for (const [path, text] of Object.entries(FILES)) writeFileSync(join(dir, path), text)
  const argv = ['create', 'secret', ...args.split(' '), '--dry-run=client']
  const r = spawnSync('kubectl', argv, {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, KUBECONFIG: '/nonexistent/kubeconfig' },
  })
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.status ?? -1 }
}

describe('kubectl create secret', () => {
  test.skipIf(!HAVE_KUBECTL).each(CASES)(
    '%s: as the real kubectl 1.32 (skipped without it)',
    (args) => {
      expect(ours(args)).toEqual(real(args))
    },
  )

  test('a generic Secret is made in the cluster and read back', () => {
    const s = newCluster(7, T0)
    const go = (line: string) =>
      run(s, line, { now: T0 + 60_000, owned: true })
        .output.map((o) => o.text)
        .join('')
    expect(go('kubectl create secret generic db --from-literal=pass=s3cr3t')).toBe(
      'secret/db created\n',
    )
    expect(go("kubectl get secret db -o jsonpath='{.data.pass}' | base64 -d")).toBe('s3cr3t')
    expect(go('kubectl create secret generic db --from-literal=pass=x')).toBe(
      'error: failed to create secret secrets "db" already exists\n',
    )
    expect(go('kubectl create secret generic t --type=kubernetes.io/tls')).toBe(
      'error: failed to create secret Secret "t" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]\n',
    )
  })
})
