// A terminal tab's record in the cluster document (worker/terminal/records.ts): a line that leaves
// the tab as it was does not change the document, so an unchanged document is not rewritten.
import { describe, expect, it } from 'vitest'
import {
  putTerminal,
  terminalRecord,
  TERMINALS_MAX,
  touchTerminal,
  USED_AT_REFRESH_MS,
} from '../../worker/terminal/records'
import type { ClusterState } from '../../worker/sim/state'
import type { ShellSession } from '../../worker/sim/session/types'

const T0 = 1_700_000_000_000
const emptyState = () => ({ runtime: {} }) as unknown as ClusterState
const shell = { pod: 'access-pod', vars: { PWD: '/' } } as unknown as ShellSession
const workstation = { session: null, columns: 80, rows: 24 }

describe('touchTerminal', () => {
  it('stores a tab the first time a line is typed in it', () => {
    const state = emptyState()
    expect(touchTerminal(state, 't1', workstation, 'null', T0)).toBe(true)
    expect(terminalRecord(state, 't1', 0)).toEqual({ ...workstation, usedAt: T0 })
  })

  it('leaves the document alone for a line that changed nothing in the tab', () => {
    const state = emptyState()
    touchTerminal(state, 't1', workstation, 'null', T0)
    const before = JSON.stringify(state)
    expect(touchTerminal(state, 't1', workstation, 'null', T0 + 60_000)).toBe(false)
    expect(JSON.stringify(state)).toBe(before)
  })

  it('refreshes usedAt once it is stale, so the least recently used tab is still forgotten', () => {
    const state = emptyState()
    touchTerminal(state, 't1', workstation, 'null', T0)
    const later = T0 + USED_AT_REFRESH_MS
    expect(touchTerminal(state, 't1', workstation, 'null', later)).toBe(true)
    expect(terminalRecord(state, 't1', 0).usedAt).toBe(later)
  })

  it('stores a new size, and a shell opened, left or changed in place', () => {
    const state = emptyState()
    touchTerminal(state, 't1', workstation, 'null', T0)
    expect(touchTerminal(state, 't1', { ...workstation, columns: 100 }, 'null', T0 + 1)).toBe(true)
    const inPod = { session: shell, columns: 100, rows: 24 }
    expect(touchTerminal(state, 't1', inPod, 'null', T0 + 2)).toBe(true)
    const stored = JSON.stringify(shell)
    expect(touchTerminal(state, 't1', inPod, stored, T0 + 3)).toBe(false)
    // `cd /tmp` changes the stored session object itself: the JSON from before the line tells it
    shell.vars.PWD = '/tmp'
    expect(touchTerminal(state, 't1', inPod, stored, T0 + 4)).toBe(true)
    expect(terminalRecord(state, 't1', 0).session?.vars.PWD).toBe('/tmp')
  })

  it('still forgets the least recently used tab past the limit', () => {
    const state = emptyState()
    for (let i = 0; i < TERMINALS_MAX; i++)
      putTerminal(state, `t${i}`, { ...workstation, usedAt: T0 + i })
    touchTerminal(state, 'new', workstation, 'null', T0 + 100)
    const ids = Object.keys(state.runtime.terminals ?? {})
    expect(ids).toHaveLength(TERMINALS_MAX)
    expect(ids).not.toContain('t0')
    expect(ids).toContain('new')
  })
})
