// `kubectl config view|current-context|get-contexts|use-context|set-context --current` over the one
// kind context (kubectl pkg/cmd/config). Other kubeconfig edits are not simulated.

import type { ProcessResult } from '../context'
import type { Invocation } from './invocation'
import { clientError, usageError } from './errors'
import { CONTEXT, SERVER, contextNamespace, setContextNamespace } from './kubeconfig'
import { printTable } from './printers'

/** `kubectl config view` with kubectl's redaction of the key material. */
export function configViewVerb(inv: Invocation): ProcessResult {
  const ns = contextNamespace(inv.ctx.s)
  const output = inv.flags.str('output', 'yaml')
  if (output !== 'yaml' && output !== '')
    return clientError('kubectl config view supports -o yaml only in this lab terminal')
  const context = `- context:\n    cluster: ${CONTEXT}\n${ns ? `    namespace: ${ns}\n` : ''}    user: ${CONTEXT}\n  name: ${CONTEXT}\n`
  const text =
    'apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: DATA+OMITTED\n' +
    `    server: ${SERVER}\n  name: ${CONTEXT}\ncontexts:\n${context}current-context: ${CONTEXT}\n` +
    'kind: Config\npreferences: {}\nusers:\n' +
    `- name: ${CONTEXT}\n  user:\n    client-certificate-data: DATA+OMITTED\n    client-key-data: DATA+OMITTED\n`
  return { stdout: text, stderr: '', exitCode: 0 }
}

/** `kubectl config current-context`: kind's context name. */
export function currentContextVerb(_inv: Invocation): ProcessResult {
  return { stdout: `${CONTEXT}\n`, stderr: '', exitCode: 0 }
}

/** `kubectl config get-contexts`: CURRENT NAME CLUSTER AUTHINFO NAMESPACE (last cell may be empty). */
export function getContextsVerb(inv: Invocation): ProcessResult {
  const wanted = inv.args
  if (wanted.some((w) => w !== CONTEXT))
    return clientError(`context ${wanted.find((w) => w !== CONTEXT)} not found`)
  if (inv.flags.str('output') === 'name') return { stdout: `${CONTEXT}\n`, stderr: '', exitCode: 0 }
  const rows = [['*', CONTEXT, CONTEXT, CONTEXT, contextNamespace(inv.ctx.s)]]
  const header = inv.flags.bool('no-headers')
    ? []
    : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']]
  return { stdout: printTable([...header, ...rows]), stderr: '', exitCode: 0 }
}

/** `kubectl config use-context kind-lab`. */
export function useContextVerb(inv: Invocation): ProcessResult {
  const name = inv.args[0]
  if (inv.args.length !== 1)
    return usageError(inv.commandPath, 'Unexpected args: ' + JSON.stringify(inv.args))
  if (name !== CONTEXT) return clientError(`no context exists with the name: "${name}"`)
  return { stdout: `Switched to context "${CONTEXT}".\n`, stderr: '', exitCode: 0 }
}

/** `kubectl config set-context --current --namespace=x` (or `kind-lab`): the default namespace. */
export function setContextVerb(inv: Invocation): ProcessResult {
  const current = inv.flags.bool('current')
  const name = inv.args[0]
  if (current && name) return clientError('you cannot specify both a context name and --current')
  if (!current && !name)
    return usageError(inv.commandPath, 'you must specify a non-empty context name or --current')
  if (!current && name !== CONTEXT)
    return clientError(
      `only the context "${CONTEXT}" exists in this lab; use --current to change it`,
    )
  if (inv.flags.has('namespace')) setContextNamespace(inv.ctx.s, inv.flags.str('namespace'))
  return { stdout: `Context "${CONTEXT}" modified.\n`, stderr: '', exitCode: 0 }
}
