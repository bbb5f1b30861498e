// Terminal tabs are remembered inside the cluster document (runtime.terminals), so a line typed
// in a container shell reads and writes nothing more than any other command: one row.
import type { ClusterState } from '../sim/state'
import type { TerminalRecord } from '../sim/session/types'

/** Terminals remembered per cluster; the least recently used one is forgotten beyond this. */
export const TERMINALS_MAX = 8

export const TERMINAL_ID = /^[A-Za-z0-9_-]{1,40}$/

/**
 * `usedAt` only decides which terminal is forgotten past TERMINALS_MAX, so a line refreshes it
 * only once it is this old: the learner's next `get pods` in the same tab then leaves the document
 * as it was (no rewrite). The least recently used tab is still the one forgotten, to these minutes.
 */
export const USED_AT_REFRESH_MS = 5 * 60_000

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

/** What a line leaves in its terminal's record. */
export interface TerminalAfter {
  session: TerminalRecord['session']
  columns: number
  rows: number
  workstation?: TerminalRecord['workstation']
}

/**
 * Stores the terminal's record after a line only if something in it changed: the shell (compared
 * with `sessionBefore`, its JSON before the line, as the line may change it in place), the
 * workstation's state (the stored one itself when the line left it as it was: the sim hands it
 * back, shell/workstation-state.ts; it copies it, never changes it), the size, or a stale
 * `usedAt`. Answers whether the document changed.
 */
export function touchTerminal(
  state: ClusterState,
  id: string,
  after: TerminalAfter,
  sessionBefore: string,
  now: number,
  /** the workstation shell's JSON before the line; undefined: the record's as stored */
  workstationBefore?: string,
): boolean {
  const all = state.runtime.terminals ?? {}
  const old = Object.prototype.hasOwnProperty.call(all, id) ? all[id] : undefined
  const same =
    old !== undefined &&
    old.columns === after.columns &&
    old.rows === after.rows &&
    now - old.usedAt < USED_AT_REFRESH_MS &&
    now >= old.usedAt &&
    JSON.stringify(after.session) === sessionBefore &&
    (after.workstation === old.workstation ||
      JSON.stringify(after.workstation) === (workstationBefore ?? JSON.stringify(old.workstation)))
  if (same) return false
  putTerminal(state, id, { ...after, usedAt: now })
  return true
}
