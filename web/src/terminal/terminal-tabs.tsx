// The Terminal panel: tabs of terminals, each its own shell (a watch in one, work in another).
// The tab list is remembered per cluster so a reload brings every tab back to its shell.

import type { Ref } from 'preact'
import { useCallback, useImperativeHandle, useRef, useState } from 'preact/hooks'
import type { TraceEntry } from '../types'
import type { Completer } from './line-editor'
import type { RunEnd } from './run-stream'
import type { LineResult, TerminalSession } from './session'
import { TerminalPane } from './terminal-pane'
import { useTabList } from './use-tab-list'

export interface TerminalControl {
  /** types a command into an idle terminal (the shown one if it is idle) and presses Enter */
  typeAndRun: (command: string) => Promise<void>
  /** runs a line for the page (Apply) in an idle terminal; undefined when none is idle */
  runFor: (command: string, stdin: string, shown: string) => Promise<LineResult | undefined>
  /** asks the server again where each idle tab stands (after Reset cluster) */
  refresh: () => void
}

interface Props {
  clusterId: string
  history: string[]
  complete: Completer
  onEnd: (end: RunEnd) => void
  onTrace: (t: TraceEntry) => void
  onTasks: (tasks: RunEnd['tasks'], newlyCompleted: string[]) => void
  onChanged: () => void
  onCommand: (command: string) => void
  control: Ref<TerminalControl>
}

export function TerminalTabs(props: Props) {
  const { clusterId, history, control } = props
  const tabs = useTabList(clusterId)
  const sessions = useRef(new Map<string, TerminalSession>())
  const [busy, setBusy] = useState<Record<string, boolean>>({})
  const tabRefs = useRef(new Map<string, HTMLButtonElement>())

  const onSession = useCallback((id: string, s: TerminalSession | undefined) => {
    if (s) sessions.current.set(id, s)
    else sessions.current.delete(id)
  }, [])

  /**
   * An idle session, preferring the shown tab (and, for `onWorkstation`, a tab not inside a pod's
   * shell); opens a new tab when none fits and there is room.
   */
  const idle = async (onWorkstation = false): Promise<TerminalSession | undefined> => {
    const order = [tabs.active, ...tabs.ids.filter((i) => i !== tabs.active)]
    const free = order.filter((i) => !sessions.current.get(i)?.busy)
    const fits = onWorkstation ? free.filter((i) => !sessions.current.get(i)?.shell) : free
    const id = fits[0] ?? tabs.add() ?? free[0]
    if (!id) return undefined
    tabs.select(id)
    for (let i = 0; i < 40 && !sessions.current.get(id)?.ready; i++)
      await new Promise((r) => setTimeout(r, 50))
    return sessions.current.get(id)
  }

  useImperativeHandle(control, () => ({
    typeAndRun: async (command) => {
      const s = await idle()
      s?.typeAndRun(command)
      s?.focus()
    },
    runFor: async (command, stdin, shown) => (await idle(true))?.runFor(command, stdin, shown),
    refresh: () => sessions.current.forEach((s) => void s.refresh()),
  }))

  const onKeyDown = (e: KeyboardEvent, i: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
    if (!step) return
    e.preventDefault()
    const id = tabs.ids[(i + step + tabs.ids.length) % tabs.ids.length]
    if (!id) return
    tabs.select(id)
    tabRefs.current.get(id)?.focus()
  }

  return (
    <section class="panel panel-terminal" id="terminal-panel" aria-labelledby="terminal-title">
      <div class="panel-head term-head">
        <h2 id="terminal-title" class="visually-hidden">
          Terminals
        </h2>
        <div role="tablist" aria-label="Terminals" class="term-tabs">
          {tabs.ids.map((id, i) => (
            <span class="term-tab-wrap" key={id}>
              <button
                type="button"
                role="tab"
                id={`term-tab-${id}`}
                aria-selected={id === tabs.active ? 'true' : 'false'}
                aria-controls={`term-panel-${id}`}
                tabIndex={id === tabs.active ? 0 : -1}
                class="term-tab"
                ref={(el) => {
                  if (el) tabRefs.current.set(id, el)
                  else tabRefs.current.delete(id)
                }}
                onClick={() => tabs.select(id)}
                onKeyDown={(e) => onKeyDown(e, i)}
              >
                Terminal {i + 1}
                {busy[id] && <span class="term-running"> (running)</span>}
              </button>
              {tabs.ids.length > 1 && (
                <button
                  type="button"
                  class="term-tab-close"
                  aria-label={`Close terminal ${i + 1}`}
                  onClick={() => tabs.close(id)}
                >
                  ×
                </button>
              )}
            </span>
          ))}
        </div>
        <button
          type="button"
          class="small secondary"
          onClick={() => tabs.add()}
          disabled={!tabs.canAdd}
        >
          New terminal
        </button>
      </div>
      {tabs.ids.map((id) => (
        <div
          key={id}
          role="tabpanel"
          id={`term-panel-${id}`}
          aria-labelledby={`term-tab-${id}`}
          class="term-panel"
          hidden={id !== tabs.active}
        >
          <TerminalPane
            clusterId={clusterId}
            id={id}
            active={id === tabs.active}
            history={history}
            onSession={onSession}
            hooks={{ ...props, onBusy: (b) => setBusy((old) => ({ ...old, [id]: b })) }}
          />
        </div>
      ))}
      <p id="terminal-help" class="muted small-text term-help">
        Enter runs; Up/Down and Ctrl+R recall, Tab completes, Ctrl+C interrupts, Ctrl+Shift+C/V copy
        and paste. Shift+Tab leaves the terminal.
      </p>
    </section>
  )
}
