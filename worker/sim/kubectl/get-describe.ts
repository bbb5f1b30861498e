// `kubectl get` and `kubectl describe`: flags read here, printing done by get.ts / describe.ts.

import type { ProcessResult } from '../context'
import type { Invocation } from './invocation'
import { kubectlGet } from './get'
import { kubectlDescribe } from './describe'
import { getRawVerb } from './get-raw'
import { overFileTargets } from './file-targets'

/** `kubectl get ...` -> kubectlGet with the parsed flags. */
export function getVerb(inv: Invocation): ProcessResult {
  const f = inv.flags
  if (f.str('raw') !== '') return getRawVerb(inv)
  if (f.list('filename').length > 0)
    return overFileTargets(inv, (t) => get(inv, t.resources, t.namespace))
  return get(inv, inv.args, inv.namespace)
}

function get(inv: Invocation, resources: string[], namespace: string): ProcessResult {
  const f = inv.flags
  return kubectlGet(inv.ctx, {
    resources,
    namespace,
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
  if (f.list('filename').length > 0)
    return overFileTargets(inv, (t) =>
      kubectlDescribe(inv.ctx, {
        resources: t.resources,
        namespace: t.namespace,
        allNamespaces: false,
      }),
    )
  return kubectlDescribe(inv.ctx, {
    resources: inv.args,
    namespace: inv.namespace,
    allNamespaces: f.bool('all-namespaces'),
    selector: f.str('selector') || undefined,
  })
}
