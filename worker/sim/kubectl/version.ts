// `kubectl version` (kubectl pkg/cmd/version/version.go): client, kustomize and server versions of
// the simulated kind cluster (Kubernetes v1.32.2). -o yaml|json prints the version.Info structs.

import type { ProcessResult } from '../context'
import type { Invocation } from './invocation'
import { clientError } from './errors'

export const KUBERNETES_VERSION = 'v1.32.2'
const KUSTOMIZE_VERSION = 'v5.5.0'

/** version.Info as `kubectl version -o json` shows it (and `/version` answers, server side). */
export function versionInfo(platform = 'linux/amd64'): Record<string, string> {
  return {
    major: '1',
    minor: '32',
    gitVersion: KUBERNETES_VERSION,
    gitCommit: '67a30c0adcf52bd3f56ff0893ce19966be12991f',
    gitTreeState: 'clean',
    buildDate: '2025-02-12T21:19:47Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform,
  }
}

function yamlBlock(name: string, obj: Record<string, string>): string {
  const keys = Object.keys(obj).sort()
  const q = (v: string) => (/^\d+$|^\d{4}-\d\d-\d\dT/.test(v) ? `"${v}"` : v)
  return `${name}:\n${keys.map((k) => `  ${k}: ${q(obj[k] as string)}\n`).join('')}`
}

/** `kubectl version [--client] [-o yaml|json]`. */
export function versionVerb(inv: Invocation): ProcessResult {
  const client = inv.flags.bool('client')
  const output = inv.flags.str('output')
  const clientInfo = versionInfo()
  const serverInfo = versionInfo()
  if (output === '') {
    let out = `Client Version: ${KUBERNETES_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`
    if (!client) out += `Server Version: ${KUBERNETES_VERSION}\n`
    return { stdout: out, stderr: '', exitCode: 0 }
  }
  if (output === 'json') {
    const doc: Record<string, unknown> = {
      clientVersion: clientInfo,
      kustomizeVersion: KUSTOMIZE_VERSION,
    }
    if (!client) doc.serverVersion = serverInfo
    return { stdout: JSON.stringify(doc, null, 2) + '\n', stderr: '', exitCode: 0 }
  }
  if (output === 'yaml') {
    let out = yamlBlock('clientVersion', clientInfo) + `kustomizeVersion: ${KUSTOMIZE_VERSION}\n`
    if (!client) out += yamlBlock('serverVersion', serverInfo)
    return { stdout: out, stderr: '', exitCode: 0 }
  }
  return clientError(`--output must be 'yaml' or 'json'`)
}
