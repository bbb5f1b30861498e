// The Terminal panel: a command line with history and Tab completion, and its output log.

import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { KubeObject } from '../types'
import { complete } from './completion'
import type { Entry } from './terminal-log'

interface Props {
  entries: Entry[]
  busy: boolean
  history: string[]
  objects: KubeObject[]
  onRun: (command: string) => void
  onClear: () => void
  onInfo: (text: string) => void
}

const PREFIX: Record<Entry['kind'], string> = {
  prompt: 'command: ',
  stdout: '',
  stderr: 'error output: ',
  hint: 'Service Lab explains: ',
  info: '',
}

function LogEntry({ e }: { e: Entry }) {
  if (e.kind === 'prompt') {
    return (
      <div class="term-line term-prompt">
        <span class="visually-hidden">{PREFIX.prompt}</span>
        <span aria-hidden="true">$ </span>
        {e.text}
      </div>
    )
  }
  if (e.kind === 'hint') {
    return (
      <div class="term-line term-hint">
        <span class="term-hint-label">Service Lab explains:</span> {e.text}
      </div>
    )
  }
  return (
    <div class={`term-line term-${e.kind}`}>
      {PREFIX[e.kind] && <span class="visually-hidden">{PREFIX[e.kind]}</span>}
      {e.text}
    </div>
  )
}

export function Terminal({ entries, busy, history, objects, onRun, onClear, onInfo }: Props) {
  const [value, setValue] = useState('')
  const [cursor, setCursor] = useState<number | null>(null)
  const draft = useRef('')
  const log = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    const el = log.current
    if (el) el.scrollTop = el.scrollHeight
  }, [entries])
  useEffect(() => setCursor(null), [history.length])

  const recall = (dir: -1 | 1, input: HTMLInputElement) => {
    if (!history.length) return
    const from = cursor ?? history.length
    if (cursor === null) draft.current = value
    const next = Math.min(history.length, Math.max(0, from + dir))
    const text = next === history.length ? draft.current : (history[next] ?? '')
    setCursor(next === history.length ? null : next)
    setValue(text)
    requestAnimationFrame(() => input.setSelectionRange(text.length, text.length))
  }

  const onKeyDown = (e: KeyboardEvent) => {
    const input = e.currentTarget as HTMLInputElement
    if (e.key === 'Enter') {
      e.preventDefault()
      const command = value.trim()
      if (!command) return
      setValue('')
      setCursor(null)
      onRun(command)
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      recall(-1, input)
    } else if (e.key === 'ArrowDown') {
      e.preventDefault()
      recall(1, input)
    } else if (e.key === 'l' && e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault()
      onClear()
    } else if (e.key === 'Tab' && !e.shiftKey && value.trim()) {
      const c = complete(value, objects)
      if (c.line === value && !c.candidates.length) return
      e.preventDefault()
      setValue(c.line)
      if (c.candidates.length) onInfo(c.candidates.join('  '))
    }
  }

  return (
    <section class="panel panel-terminal" id="terminal-panel">
      <div class="panel-head">
        <h2 id="terminal-title">Terminal</h2>
        <button type="button" class="small secondary" onClick={onClear}>
          Clear
        </button>
      </div>
      <div class="term-log" ref={log} role="log" aria-label="Terminal output" tabIndex={0}>
        {entries.length === 0 && (
          <div class="term-line term-info">
            Type a command such as kubectl get pods and press Enter.
          </div>
        )}
        {entries.map((e) => (
          <LogEntry key={e.id} e={e} />
        ))}
      </div>
      <div class="term-input-row">
        <label for="terminal-input" class="visually-hidden">
          Terminal
        </label>
        <span class="term-ps1" aria-hidden="true">
          $
        </span>
        <input
          id="terminal-input"
          class="term-input"
          value={value}
          autoComplete="off"
          autoCapitalize="off"
          spellcheck={false}
          aria-describedby="terminal-help"
          aria-busy={busy ? 'true' : 'false'}
          onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <p id="terminal-help" class="muted small-text">
        Enter runs. Up and Down recall earlier commands, Tab completes, Ctrl+L clears.
      </p>
    </section>
  )
}
