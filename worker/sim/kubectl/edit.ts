// `kubectl edit` opens $EDITOR on the live object; the web terminal has no editor, the page does.

import type { ProcessResult } from '../context'
import type { Invocation } from './invocation'
import { clientError } from './errors'
import { MISSING_RESOURCE_ERROR } from './resource-args'

/** Points to the editor panel (and `kubectl apply -f -`) instead of opening vi. */
export function editVerb(inv: Invocation): ProcessResult {
  if (inv.args.length === 0 && inv.flags.list('filename').length === 0)
    return clientError(MISSING_RESOURCE_ERROR)
  return clientError(
    '"kubectl edit" opens a text editor, which this web terminal does not have. Open the object in the editor panel, change it there and press Apply (or pipe the changed YAML into "kubectl apply -f -").',
  )
}
