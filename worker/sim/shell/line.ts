// What one terminal line shares across every shell it starts, including shells inside pods
// reached through `kubectl exec` (which kubectl starts without knowing about the line).

import type { Ctx } from '../context'
import { newBudget, type Budget } from './io'
import { dict, own } from './own'
import { resolvePath } from './fs-path'

const WORKSTATION_HOME = '/home/learner'

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

/**
 * A file written with `>` earlier in the same terminal line (`kubectl get svc web -o yaml > svc.yaml;
 * kubectl apply -f svc.yaml`); undefined when there is none. For kubectl's `-f PATH`.
 */
export function readWorkstationFile(
  ctx: Ctx,
  path: string,
  cwd = WORKSTATION_HOME,
): string | undefined {
  const files = own(lineOf(ctx).files, 'workstation')
  if (!files) return undefined
  // written files are keyed by absolute path, relative ones from the shell's cwd (its PWD)
  return own(files, path.replace(/^\.\//, '')) ?? own(files, resolvePath(cwd, path))
}
