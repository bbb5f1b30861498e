// `kubectl explain` (placeholder until the documentation table lands).

import type { ProcessResult } from '../context'
import type { Invocation } from './invocation'
import { clientError } from './errors'

export function explainVerb(inv: Invocation): ProcessResult {
  if (inv.args.length === 0)
    return clientError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.')
  return clientError('explain is not available yet')
}
