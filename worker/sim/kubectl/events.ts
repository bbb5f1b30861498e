// `kubectl events` (kubectl pkg/cmd/events): the namespace's events as `kubectl get events` lists
// them; --for=TYPE/NAME narrows to one object and --types to Normal/Warning, through field
// selectors. Leaves out the events command's own sorting by time (get's order is kept).

import type { ProcessResult } from '../context'
import type { Invocation } from './invocation'
import { clientError } from './errors'
import { kubectlGet } from './get'
import { resolveTypes } from './resource-args'

/** `kubectl events [--for=TYPE/NAME] [--types=Warning] [-A]`. */
export function eventsVerb(inv: Invocation): ProcessResult {
  const selectors: string[] = []
  const target = inv.flags.str('for')
  if (target) {
    const [type, name] = target.split('/')
    const r = resolveTypes(type ?? '')
    if (!name || 'unknown' in r) return clientError(`--for must be in resource/name form`)
    selectors.push(`involvedObject.kind=${r.kinds[0]}`, `involvedObject.name=${name}`)
  }
  const types = inv.flags.list('types')
  if (types.length > 1) return clientError('--types supports one type in this lab terminal')
  if (types[0]) selectors.push(`type=${types[0]}`)
  return kubectlGet(inv.ctx, {
    resources: ['events'],
    namespace: inv.namespace,
    allNamespaces: inv.flags.bool('all-namespaces'),
    output: inv.flags.str('output') || undefined,
    fieldSelector: selectors.join(',') || undefined,
    showLabels: false,
    noHeaders: inv.flags.bool('no-headers'),
    watch: inv.flags.bool('watch'),
  })
}
