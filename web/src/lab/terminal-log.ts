// The terminal's scrollback: blocks of output, capped so long output never freezes the page.

import { useCallback, useState } from 'preact/hooks'

export type EntryKind = 'prompt' | 'stdout' | 'stderr' | 'hint' | 'info'

export interface Entry {
  id: number
  kind: EntryKind
  text: string
}

/** Lines kept in the DOM; older ones are dropped (the server keeps the full history). */
export const MAX_LINES = 1500
let seq = 0

function lineCount(text: string): number {
  let n = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return n
}

/** Keeps the last MAX_LINES lines, trimming inside a block if one alone is longer. */
export function capEntries(entries: Entry[]): Entry[] {
  let total = 0
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]
    if (!e) continue
    const n = lineCount(e.text)
    if (total + n > MAX_LINES) {
      const keep = MAX_LINES - total
      const lines = e.text.split('\n')
      const trimmed =
        keep > 0 ? { ...e, text: lines.slice(lines.length - keep).join('\n') } : undefined
      const note: Entry = {
        id: ++seq,
        kind: 'info',
        text: '… earlier output was trimmed from the screen',
      }
      return [note, ...(trimmed ? [trimmed] : []), ...entries.slice(i + 1)]
    }
    total += n
  }
  return entries
}

export function useTerminalLog() {
  const [entries, setEntries] = useState<Entry[]>([])
  const append = useCallback((items: { kind: EntryKind; text: string }[]) => {
    const fresh = items
      .filter((i) => i.text !== '')
      .map((i) => ({ ...i, id: ++seq, text: i.text.replace(/\n$/, '') }))
    if (fresh.length) setEntries((old) => capEntries([...old, ...fresh]))
  }, [])
  const clear = useCallback(() => setEntries([]), [])
  return { entries, append, clear }
}
