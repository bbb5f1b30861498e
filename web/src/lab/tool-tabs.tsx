// Editor and Cluster map share the pane under the terminal: one click (or arrow key) apart.

import type { ComponentChildren } from 'preact'
import { useRef } from 'preact/hooks'

export type Tool = 'editor' | 'map'

const TOOLS: { id: Tool; label: string }[] = [
  { id: 'editor', label: 'Editor' },
  { id: 'map', label: 'Cluster map' },
]

interface Props {
  shown: Tool
  onShow: (tool: Tool) => void
  editor: ComponentChildren
  map: ComponentChildren
}

export function ToolTabs({ shown, onShow, editor, map }: Props) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({})
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
    e.preventDefault()
    const next: Tool = shown === 'editor' ? 'map' : 'editor'
    onShow(next)
    refs.current[next]?.focus()
  }
  return (
    <div class="tool-tabs">
      <div role="tablist" aria-label="Editor and map" class="tool-tablist">
        {TOOLS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tool-tab-${t.id}`}
            aria-selected={shown === t.id ? 'true' : 'false'}
            aria-controls={`tool-panel-${t.id}`}
            tabIndex={shown === t.id ? 0 : -1}
            ref={(el) => {
              refs.current[t.id] = el
            }}
            onClick={() => onShow(t.id)}
            onKeyDown={onKeyDown}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id="tool-panel-editor"
        aria-labelledby="tool-tab-editor"
        class="tool-panel"
        hidden={shown !== 'editor'}
      >
        {editor}
      </div>
      <div
        role="tabpanel"
        id="tool-panel-map"
        aria-labelledby="tool-tab-map"
        class="tool-panel"
        hidden={shown !== 'map'}
      >
        {map}
      </div>
    </div>
  )
}
