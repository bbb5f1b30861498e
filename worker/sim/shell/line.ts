// What one terminal line shares across every shell it starts, including shells inside pods
// reached through `kubectl exec` (which kubectl starts without knowing about the line).

import type { Ctx } from '../context'
import { newBudget, type Budget } from './io'
import { dict, own } from './own'

export interface LineState {
  budget: Budget
  /** files written with `>` during the line, per host (`workstation`, `<pod uid>/<container>`) */
  files: Record<string, Record<string, string>>
}

const lines = new WeakMap<Ctx, LineState>()

/** The line a context belongs to; a fresh one when a program is called outside run(). */
export function lineOf(ctx: Ctx): LineState {
  let line = lines.get(ctx)
  if (!line) {
    line = { budget: newBudget(), files: dict() }
    lines.set(ctx, line)
  }
  return line
}

/** The files a host has written during the line. */
export function lineFiles(ctx: Ctx, hostKey: string): Record<string, string> {
  const line = lineOf(ctx)
  const files = own(line.files, hostKey) ?? dict<string>()
  line.files[hostKey] = files
  return files
}
