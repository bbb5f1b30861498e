// Runs the real kubectl 1.32 client (when installed) for outputs it produces without a cluster.
import { spawnSync } from 'node:child_process'

export function findRealKubectl(): boolean {
  const r = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' })
  return r.status === 0 && /Client Version: v1\.32\./.test(r.stdout)
}

export const HAVE_KUBECTL = findRealKubectl()
export const SKIP_REASON = 'the real kubectl v1.32 client is not on PATH'

export function realKubectl(
  argv: string[],
  stdin = '',
): { stdout: string; stderr: string; exitCode: number } {
  const r = spawnSync('kubectl', argv, {
    encoding: 'utf8',
    input: stdin,
    env: { ...process.env, KUBECONFIG: '/nonexistent/kubeconfig' },
  })
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.status ?? -1 }
}
