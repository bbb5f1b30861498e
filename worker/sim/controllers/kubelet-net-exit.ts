// A one-shot wget/curl as the container's command: the image layer (images/process.ts) cannot
// see the cluster, so it assumes success. A host the pod's resolver cannot find makes the real
// program fail at once (busybox wget exit 1, curl exit 6), and the kubelet then reports `Error`.
// Leaves out refused connections and HTTP errors of names that do resolve.

import type { MainProcess } from '../images/process'
import type { Pod } from '../objects/types'
import { resolveName } from '../net/dns'
import type { ClusterState } from '../state'

/** Options of curl and wget whose value is the next argument (not the URL). */
const VALUE_FLAGS = new Set(['-O', '-o', '-T', '-H', '-d', '-X', '-u', '-A', '-e', '-m', '-w'])

function urlArg(args: string[]): string | undefined {
  let url: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (VALUE_FLAGS.has(a)) i++
    else if (!a.startsWith('-')) url = a
  }
  return url
}

function hostOf(url: string): string {
  const rest = url.replace(/^[a-z]+:\/\//i, '')
  const authority = rest.split(/[/?#]/)[0] ?? ''
  return authority.replace(/^.*@/, '').replace(/:\d*$/, '')
}

/**
 * How `wget URL` / `curl URL` as PID 1 really ends when the URL's host does not resolve from the
 * pod (networking/wget.c "bad address", curl's CURLE_COULDNT_RESOLVE_HOST).
 */
export function networkExit(s: ClusterState, pod: Pod, process: MainProcess): MainProcess {
  if (process.type !== 'exit' || process.exitCode !== 0) return process
  const argv = /^\/(docker-)?entrypoint\.sh$/.test(process.argv[0] ?? '')
    ? process.argv.slice(1)
    : process.argv
  const [cmd = '', ...args] = argv
  const name = cmd.slice(cmd.lastIndexOf('/') + 1)
  if (name !== 'wget' && name !== 'curl') return process
  const url = urlArg(args)
  if (url === undefined) return process
  const host = hostOf(url)
  const origin = {
    kind: 'pod' as const,
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name,
  }
  if (host !== '' && resolveName(s, origin, host).kind === 'A') return process
  if (name === 'wget') return { ...process, exitCode: 1, output: [`wget: bad address '${host}'`] }
  const output = curlSilent(args) ? [] : [`curl: (6) Could not resolve host: ${host}`]
  return { ...process, exitCode: 6, output }
}

/** curl -s hides the error message unless -S (--show-error) brings it back. */
function curlSilent(args: string[]): boolean {
  const short = (c: string) => args.some((a) => /^-[a-zA-Z]+$/.test(a) && a.includes(c))
  const silent = short('s') || args.includes('--silent')
  return silent && !(short('S') || args.includes('--show-error'))
}
