// `kubectl top pod|node` needs metrics-server, which a fresh kind cluster does not run
// (kubectl pkg/cmd/top: `Metrics API not available`).

import type { ProcessResult } from '../context'
import type { Invocation } from './invocation'
import { clientError } from './errors'

/** `kubectl top pod|node`: the Metrics API is not there, as on a fresh kind cluster. */
export function topVerb(_inv: Invocation): ProcessResult {
  return clientError('Metrics API not available')
}
