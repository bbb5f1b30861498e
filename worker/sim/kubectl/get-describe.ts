// `kubectl get` and `kubectl describe`: flags read here, printing done by get.ts / describe.ts.

import type { ProcessResult } from '../context'
import type { Invocation } from './invocation'
import { kubectlGet } from './get'
import { kubectlDescribe } from './describe'
import { clientError } from './errors'

/** `kubectl get ...` -> kubectlGet with the parsed flags. */
export function getVerb(inv: Invocation): ProcessResult {
  const f = inv.flags
  // the raw API paths are served to the learner's own kubectl (Kubernetes API), not here; said
  // plainly rather than as the "Required resource not specified" a get without --raw's path gives
  if (f.has('raw'))
    return clientError(
      '"kubectl get --raw" is not available in this lab terminal. ' +
        'Use kubectl get -o json or -o yaml to see the objects as the API serves them.',
    )
  return kubectlGet(inv.ctx, {
    resources: inv.args,
    namespace: inv.namespace,
    allNamespaces: f.bool('all-namespaces'),
    output: f.str('output') || undefined,
    selector: f.str('selector') || undefined,
    fieldSelector: f.str('field-selector') || undefined,
    showLabels: f.bool('show-labels'),
    sortBy: f.str('sort-by') || undefined,
    noHeaders: f.bool('no-headers'),
    labelColumns: f.has('label-columns') ? f.list('label-columns') : undefined,
    watch: f.bool('watch') || f.bool('watch-only'),
    showKind: f.bool('show-kind'),
    ignoreNotFound: f.bool('ignore-not-found'),
    allowMissingTemplateKeys: f.bool('allow-missing-template-keys', true),
  })
}

/** `kubectl describe ...` -> kubectlDescribe. */
export function describeVerb(inv: Invocation): ProcessResult {
  const f = inv.flags
  return kubectlDescribe(inv.ctx, {
    resources: inv.args,
    namespace: inv.namespace,
    allNamespaces: f.bool('all-namespaces'),
    selector: f.str('selector') || undefined,
  })
}
