// `kubectl explain TYPE[.FIELD...]` (kubectl pkg/cmd/explain, explain/v2): documentation read from
// the API's OpenAPI v3 schemas (Kubernetes 1.32 texts) for the kinds a Services course touches.

import type { ProcessResult } from '../context'
import type { Kind } from '../objects/resources'
import { RESOURCES } from '../objects/resources'
import type { Invocation } from './invocation'
import { clientError } from './errors'
import { resolveTypes } from './resource-args'
import { renderExplain } from './explain/render'

const SCHEMA_OF: Partial<Record<Kind, string>> = {
  Service: 'io.k8s.api.core.v1.Service',
  Endpoints: 'io.k8s.api.core.v1.Endpoints',
  Pod: 'io.k8s.api.core.v1.Pod',
  Namespace: 'io.k8s.api.core.v1.Namespace',
  Deployment: 'io.k8s.api.apps.v1.Deployment',
  ReplicaSet: 'io.k8s.api.apps.v1.ReplicaSet',
  Ingress: 'io.k8s.api.networking.v1.Ingress',
  IngressClass: 'io.k8s.api.networking.v1.IngressClass',
  Secret: 'io.k8s.api.core.v1.Secret',
  ConfigMap: 'io.k8s.api.core.v1.ConfigMap',
}

/** The kinds explain documents (SCHEMA_OF), as the messages about the others name them. */
export const EXPLAINED_KINDS = ((kinds: string[]) =>
  `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}`)(Object.keys(SCHEMA_OF))

/** `kubectl explain svc.spec.ports`, `kubectl explain deployment --recursive`. */
export function explainVerb(inv: Invocation): ProcessResult {
  if (inv.args.length === 0)
    return clientError(
      'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
    )
  if (inv.args.length > 1)
    return clientError(
      `We accept only this format: explain RESOURCE\nSee '${inv.commandPath} -h' for help and examples`,
    )
  const output = inv.flags.str('output', 'plaintext')
  if (output !== 'plaintext')
    return clientError(
      `explain -o ${output} is not supported in this lab terminal; use the plain text output`,
    )
  const [typed, ...path] = (inv.args[0] as string).split('.')
  const r = resolveTypes(typed ?? '')
  // checkErr's NoResourceMatchError: printed as it is, without `error: `
  if ('unknown' in r || r.kinds.length !== 1)
    return {
      stdout: '',
      stderr: `the server doesn't have a resource type "${'unknown' in r ? r.unknown : typed}"\n`,
      exitCode: 1,
    }
  const kind = r.kinds[0] as Kind
  const schema = SCHEMA_OF[kind]
  if (!schema)
    return clientError(`explain documents ${EXPLAINED_KINDS} in this lab terminal, not ${kind}`)
  const info = RESOURCES[kind]
  const res = renderExplain(
    { group: info.group, kind, version: info.version, schema },
    path,
    inv.flags.bool('recursive'),
  )
  if ('missing' in res) return clientError(`field "${res.missing}" does not exist`, res.head)
  return { stdout: res.text, stderr: '', exitCode: 0 }
}
