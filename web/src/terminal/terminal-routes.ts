// The terminal routes beside `run` (docs/api.md): where a terminal stands, its size, Ctrl+C.

import { api } from '../api'
import type { ShellRef } from './run-stream'

const base = (clusterId: string, terminal: string) =>
  `/api/clusters/${encodeURIComponent(clusterId)}/terminals/${encodeURIComponent(terminal)}`

export interface TerminalState {
  prompt?: string
  shell?: ShellRef | null
  /** the shell it was in ended meanwhile: a sentence to show */
  ended?: string
}

export function terminalState(clusterId: string, terminal: string): Promise<TerminalState> {
  return api<TerminalState>('GET', base(clusterId, terminal))
}

/** Fire and forget: the size also rides on every line. */
export function resizeTerminal(
  clusterId: string,
  terminal: string,
  size: { columns: number; rows: number },
): void {
  api('POST', `${base(clusterId, terminal)}/resize`, size).catch(() => undefined)
}

/** Fire and forget: the aborted request already stops the stream this server instance holds. */
export function interruptTerminal(clusterId: string, terminal: string): void {
  api('POST', `${base(clusterId, terminal)}/interrupt`, {}).catch(() => undefined)
}
