// Terminal tabs are remembered inside the cluster document (runtime.terminals), so a line typed
// in a container shell reads and writes nothing more than any other command: one row.
import type { ClusterState } from '../sim/state'
import type { TerminalRecord } from '../sim/session/types'

/** Terminals remembered per cluster; the least recently used one is forgotten beyond this. */
export const TERMINALS_MAX = 8

export const TERMINAL_ID = /^[A-Za-z0-9_-]{1,40}$/

/** The terminal's record, or a fresh one on the workstation. */
export function terminalRecord(state: ClusterState, id: string, now: number): TerminalRecord {
  const all = state.runtime.terminals ?? {}
  const rec = Object.prototype.hasOwnProperty.call(all, id) ? all[id] : undefined
  return rec ?? { session: null, columns: 80, rows: 24, usedAt: now }
}

/** Stores the terminal's record, forgetting the least recently used ones past TERMINALS_MAX. */
export function putTerminal(state: ClusterState, id: string, rec: TerminalRecord): void {
  const all: Record<string, TerminalRecord> = { ...(state.runtime.terminals ?? {}), [id]: rec }
  const ids = Object.keys(all).sort((a, b) => (all[b]?.usedAt ?? 0) - (all[a]?.usedAt ?? 0))
  for (const old of ids.slice(TERMINALS_MAX)) delete all[old]
  state.runtime.terminals = all
}
