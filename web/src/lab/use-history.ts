// Up/Down history per lab: the server's record of this lab's commands, mirrored in localStorage.

import { useCallback, useEffect, useState } from 'preact/hooks'
import { api } from '../api'
import type { HistoryItem } from '../types'

const MAX = 300
/** Commands whose input came from the editor: recalling them would apply nothing. */
const FROM_EDITOR = /^kubectl (apply|create) -f -$/

function storageKey(labId: string): string {
  return `servicelab:history:${labId}`
}

function readLocal(labId: string): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(storageKey(labId)) ?? '[]') as unknown
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

function writeLocal(labId: string, items: string[]): void {
  try {
    localStorage.setItem(storageKey(labId), JSON.stringify(items.slice(-MAX)))
  } catch {
    // storage unavailable: history still works for this visit
  }
}

/** The server records a line typed in a pod's shell as `[pod] line`; recall gives the line. */
export function typedLine(command: string): string {
  return command.replace(/^\[[a-z0-9.-]+\] /, '')
}

function dedupe(items: string[]): string[] {
  const lines = items.map(typedLine).filter((c) => c !== '^D' && !FROM_EDITOR.test(c))
  return lines.filter((c, i) => c !== lines[i - 1])
}

export function useCommandHistory(labId: string, clusterId: string | undefined) {
  const [items, setItems] = useState<string[]>(() => dedupe(readLocal(labId)))

  useEffect(() => {
    if (!clusterId) return
    api<{ history: HistoryItem[] }>('GET', `/api/clusters/${encodeURIComponent(clusterId)}/history`)
      .then((r) => {
        const server = dedupe(r.history.map((h) => h.command))
        if (server.length) {
          setItems(server.slice(-MAX))
          writeLocal(labId, server)
        }
      })
      .catch(() => undefined)
  }, [labId, clusterId])

  const push = useCallback(
    (command: string) => {
      setItems((old) => {
        const next = dedupe([...old, command]).slice(-MAX)
        writeLocal(labId, next)
        return next
      })
    },
    [labId],
  )

  return { items, push }
}
