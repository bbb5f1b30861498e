// The workstation's bash kept between the lines of a terminal tab, as an interactive bash keeps
// its variables, exports, cwd and (here, without a disk) the files written with `>` (not `$?`:
// session/types.ts WorkstationShellState says why): a
// learner's `POD=$(kubectl get pod -o name)` is there for the next line, and
// `kubectl create deployment web --image=nginx --dry-run=client -o yaml > web.yaml` can be applied
// with `kubectl apply -f web.yaml` afterwards. The one-shot `run` API keeps nothing (no tab).
import type { WorkstationShellState } from '../session/types'
import type { Shell } from './interpreter'

/** What a tab keeps at most (variables and files, in characters); past it a line's changes go. */
export const WORKSTATION_STATE_LIMIT = 256 * 1024

/** Set per line from the tab's size; never kept. */
const PER_LINE = new Set(['COLUMNS', 'LINES'])

function size(state: WorkstationShellState): number {
  let n = 0
  for (const [k, v] of Object.entries(state.vars)) n += k.length + v.length
  for (const [k, v] of Object.entries(state.files)) n += k.length + v.length
  return n
}

/** The state a shell leaves, or undefined when it is past the limit (the tab keeps its last). */
export function workstationStateOf(sh: Shell): WorkstationShellState | undefined {
  const vars: Record<string, string> = {}
  for (const [k, v] of Object.entries(sh.vars)) if (!PER_LINE.has(k)) vars[k] = v
  const exported = [...sh.exported].filter((k) => !PER_LINE.has(k))
  const state = { vars, exported, files: { ...sh.files } }
  return size(state) > WORKSTATION_STATE_LIMIT ? undefined : state
}

/** The line on stderr when a line's changes were not kept (no real shell has this limit). */
export const workstationLimitMessage = () =>
  `service-lab: workstation limit (${WORKSTATION_STATE_LIMIT / 1024} KB of variables and files) reached; this line's changes to them were not kept\n`
