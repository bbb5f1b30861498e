// One terminal tab: xterm.js fitted to its pane, the session behind it, and a text mirror of the
// screen (role "log", name "Terminal output") for screen readers and for reading as text.

import { FitAddon } from '@xterm/addon-fit'
import { Terminal as XTerm, type ITheme } from '@xterm/xterm'
import '@xterm/xterm/css/xterm.css'
import { useEffect, useRef } from 'preact/hooks'
import { clipboardKeys } from './clipboard-keys'
import { mirrorScreen } from './mirror'
import { TerminalSession, type SessionHooks } from './session'
import { xtermScreen } from './session-types'

// ANSI colours brightened so each meets 4.5:1 on the background
const THEME: ITheme = {
  background: '#1b1e23',
  foreground: '#e8e8e8',
  cursor: '#e8e8e8',
  selectionBackground: '#44506a',
  red: '#ff7b72',
  green: '#7ee787',
  yellow: '#f2cc60',
  blue: '#79c0ff',
  magenta: '#d2a8ff',
  cyan: '#76e3ea',
  brightBlack: '#9aa0a6',
}

export interface PaneProps {
  clusterId: string
  id: string
  active: boolean
  hooks: Omit<SessionHooks, 'onBusy' | 'onShown'> & { onBusy?: (busy: boolean) => void }
  history: string[]
  onSession: (id: string, session: TerminalSession | undefined) => void
}

export function TerminalPane({ clusterId, id, active, hooks, history, onSession }: PaneProps) {
  const host = useRef<HTMLDivElement>(null)
  const log = useRef<HTMLDivElement>(null)
  const session = useRef<TerminalSession>()
  const term = useRef<XTerm>()
  const hooksRef = useRef(hooks)
  hooksRef.current = hooks

  useEffect(() => {
    const el = host.current
    const mirror = log.current
    if (!el || !mirror) return
    const t = new XTerm({
      fontSize: 13,
      fontFamily: '"DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace',
      convertEol: true,
      scrollback: 5000,
      theme: THEME,
    })
    const fit = new FitAddon()
    t.loadAddon(fit)
    t.open(el)
    term.current = t
    let mirrorQueued = false
    const shown = () => {
      if (mirrorQueued) return
      mirrorQueued = true
      t.write('', () => {
        mirrorQueued = false
        mirrorScreen(t.buffer.active, mirror)
      })
    }
    const s = new TerminalSession(xtermScreen(t), clusterId, id, {
      complete: (b) => hooksRef.current.complete(b),
      onEnd: (e) => hooksRef.current.onEnd(e),
      onTrace: (tr) => hooksRef.current.onTrace(tr),
      onTasks: (tasks, newly) => hooksRef.current.onTasks(tasks, newly),
      onChanged: () => hooksRef.current.onChanged(),
      onCommand: (c) => hooksRef.current.onCommand(c),
      onShown: shown,
      onBusy: (busy) => {
        const set = () => {
          t.textarea?.setAttribute('aria-busy', String(busy))
          hooksRef.current.onBusy?.(busy)
        }
        // idle only once the screen (and its mirror) shows the new prompt
        if (busy) set()
        else t.write('', () => (mirrorScreen(t.buffer.active, mirror), set()))
      },
    })
    session.current = s
    t.attachCustomKeyEventHandler(clipboardKeys(t))
    t.onData((d) => s.input(d))
    t.onResize(() => s.resize())
    t.textarea?.setAttribute('aria-busy', 'false')
    t.textarea?.setAttribute('aria-describedby', 'terminal-help')
    const refit = () => {
      if (el.offsetParent !== null) fit.fit()
    }
    const observer = new ResizeObserver(() => requestAnimationFrame(refit))
    observer.observe(el)
    refit()
    onSession(id, s)
    void s.restore()
    return () => {
      observer.disconnect()
      onSession(id, undefined)
      s.dispose()
      t.dispose()
    }
  }, [clusterId, id])

  useEffect(() => session.current?.setHistory(history), [history])

  useEffect(() => {
    // only the shown tab answers to the name "Terminal"; hidden tabs keep a distinct one
    term.current?.textarea?.setAttribute('aria-label', active ? 'Terminal' : `Terminal ${id}`)
  }, [active, id])

  return (
    <div class="term-pane" hidden={!active}>
      <div class="term-host" ref={host} />
      <div class="visually-hidden term-mirror" role="log" aria-label="Terminal output" ref={log} />
    </div>
  )
}
