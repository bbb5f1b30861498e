// What a lab shows of a request's trace: every door (the terminal's answers and streams, the
// Kubernetes API's execs kept for the map) strips the diagnoses the same way in a lab that hides
// them, where finding the cause is the task.
import type { TraceEntry } from '../sim/net/types'
import type { Lab } from './types'

/** The trace and diagnoses a lab shows. */
export function visibleTrace(lab: Pick<Lab, 'hideDiagnoses'>, trace: readonly TraceEntry[]) {
  if (!lab.hideDiagnoses)
    return { trace, diagnosis: trace.filter((t) => t.diagnosis).map((t) => t.diagnosis!) }
  return { trace: trace.map(({ diagnosis: _, ...t }) => t), diagnosis: [] }
}
