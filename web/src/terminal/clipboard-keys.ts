// Copy and paste keys for xterm.js: Ctrl+Shift+C (and Ctrl+C over a selection) copy, Ctrl+V and
// Ctrl+Shift+V paste through the browser's paste event, Shift+Tab leaves the terminal.

import type { Terminal } from '@xterm/xterm'

/** A handler for attachCustomKeyEventHandler: false lets the browser have the key. */
export function clipboardKeys(term: Terminal): (e: KeyboardEvent) => boolean {
  return (e) => {
    if (e.type !== 'keydown') return true
    const key = e.key.toLowerCase()
    const ctrl = (e.ctrlKey || e.metaKey) && !e.altKey
    if (e.key === 'Tab' && e.shiftKey) return false // keyboard users can always leave
    if (ctrl && key === 'c' && (e.shiftKey || term.hasSelection())) {
      const text = term.getSelection()
      if (text) void navigator.clipboard?.writeText(text).catch(() => undefined)
      if (!e.shiftKey) term.clearSelection()
      e.preventDefault()
      return false
    }
    if (ctrl && key === 'v') return false // the browser's paste event carries the text to xterm
    return true
  }
}
