// `kubectl options`: the global flags every command accepts.

import type { ProcessResult } from '../context'
import type { Invocation } from './invocation'
import { helpText } from './help'

/** `kubectl options`: the global flags, as the real client lists them. */
export function optionsVerb(_inv: Invocation): ProcessResult {
  return { stdout: helpText('options') ?? '', stderr: '', exitCode: 0 }
}
