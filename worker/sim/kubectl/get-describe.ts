// `kubectl get` and `kubectl describe`: flags read here, printing done by get.ts / describe.ts.

import type { ProcessResult } from '../context'
import type { Invocation } from './invocation'
import { isReviewType } from '../objects/reviews'
import { kubectlGet } from './get'
import { kubectlDescribe } from './describe'
import { getRawVerb } from './get-raw'
import { overFileTargets } from './file-targets'

/**
 * The self reviews are in discovery but serve only `create`: a get, describe or delete of them is
 * the apiserver's 405 (the lab's API answers the real kubectl the same).
 */
export function reviewNotAllowed(inv: Invocation): ProcessResult | undefined {
  const types = (inv.args[0] ?? '').split('/')[0]?.split(',') ?? []
  if (types.length === 0 || !types.every(isReviewType)) return undefined
  return {
    stdout: '',
    stderr:
      'Error from server (MethodNotAllowed): the server does not allow this method on the requested resource\n',
    exitCode: 1,
  }
}

/** `kubectl get ...` -> kubectlGet with the parsed flags. */
export function getVerb(inv: Invocation): ProcessResult {
  const f = inv.flags
  if (f.str('raw') !== '') return getRawVerb(inv)
  const review = reviewNotAllowed(inv)
  if (review) return review
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
  const review = reviewNotAllowed(inv)
  if (review) return review
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
