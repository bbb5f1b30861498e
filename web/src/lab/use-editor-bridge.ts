// Lets the instructions copy YAML into the editor, even before CodeMirror has finished loading.

import { useCallback, useRef } from 'preact/hooks'
import type { EditorHandle } from './codemirror-setup'

export function useEditorBridge(onCopied: () => void) {
  const editor = useRef<EditorHandle | null>(null)
  const pending = useRef<string | null>(null)

  const copy = useCallback(
    (yaml: string) => {
      const text = yaml.endsWith('\n') ? yaml : yaml + '\n'
      if (editor.current) {
        editor.current.setText(text)
        editor.current.focus()
      } else pending.current = text
      onCopied()
    },
    [onCopied],
  )

  const ready = useCallback((h: EditorHandle) => {
    editor.current = h
    if (pending.current !== null) h.setText(pending.current)
    pending.current = null
  }, [])

  return { copy, ready }
}
