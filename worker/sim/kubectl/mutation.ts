// Bookkeeping after a verb changed the cluster: the change list for the UI and grader, and a settle
// so controllers react before the next command (as they would in the seconds a person takes).

import type { Ctx, Change } from '../context'
import type { KubeObject } from '../objects/types'
import { settle } from './api'

/** Notes one object created, configured or deleted by this command line. */
export function recordChange(ctx: Ctx, obj: KubeObject, op: Change['op']): void {
  const change: Change = { kind: obj.kind, name: obj.metadata.name, op }
  if (obj.metadata.namespace !== undefined) change.namespace = obj.metadata.namespace
  ctx.changed.push(change)
}

/** Lets the controllers reconcile after a mutating verb (settling twice is harmless). */
export function settleCluster(ctx: Ctx): void {
  settle(ctx.s, ctx.now)
}
