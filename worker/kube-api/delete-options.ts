// DeleteOptions' propagation (`propagationPolicy`, or the deprecated `orphanDependents`), from the
// body kubectl sends (`{"propagationPolicy":"Orphan"}` for `--cascade=orphan`) or the query, checked
// as apimachinery's ValidateDeleteOptions does: anything else is a 422 Invalid DeleteOptions.

import { PROPAGATION_POLICIES, type PropagationPolicy } from '../sim/objects/propagation'
import { KubeError } from './status'

function invalid(message: string): KubeError {
  const full = `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: ${message}`
  return new KubeError('Invalid', full, {
    group: 'meta.k8s.io',
    kind: 'DeleteOptions',
    causes: [
      {
        reason: message.startsWith('Unsupported') ? 'FieldValueNotSupported' : 'FieldValueInvalid',
        message,
        field: 'propagationPolicy',
      },
    ],
  })
}

/** The policy asked for (undefined: the resource's default, Background here). */
export function propagationOf(
  body: { propagationPolicy?: unknown; orphanDependents?: unknown },
  query: URLSearchParams,
): PropagationPolicy | undefined {
  const policy = body.propagationPolicy ?? query.get('propagationPolicy') ?? undefined
  const orphanRaw = body.orphanDependents ?? query.get('orphanDependents') ?? undefined
  const orphan = orphanRaw === undefined ? undefined : orphanRaw === true || orphanRaw === 'true'
  if (policy !== undefined && policy !== null && orphan !== undefined)
    throw invalid(
      `Invalid value: ${JSON.stringify(policy)}: orphanDependents and deletionPropagation cannot be both set`,
    )
  if (policy === undefined || policy === null) return orphan ? 'Orphan' : undefined
  if (!PROPAGATION_POLICIES.includes(policy as PropagationPolicy)) {
    const values = [...PROPAGATION_POLICIES, 'nil'].map((v) => `"${v}"`).join(', ')
    throw invalid(`Unsupported value: ${JSON.stringify(policy)}: supported values: ${values}`)
  }
  return policy as PropagationPolicy
}
