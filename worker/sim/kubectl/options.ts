// `kubectl options`: the global flags every command accepts.

import type { ProcessResult } from '../context'
import type { Invocation } from './invocation'
import { helpText } from './help'

export function optionsVerb(_inv: Invocation): ProcessResult {
  return { stdout: helpText('options') ?? '', stderr: '', exitCode: 0 }
}
