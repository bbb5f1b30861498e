// Up/Down history per lab: the server's record of this lab's commands, mirrored in localStorage.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { api, ApiError } from '../api'
import type { HistoryItem } from '../types'
import { mergeHistory } from './history-merge'

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

/**
 * Reads of the record that failed (a blip, a busy server) are tried again after these pauses. One
 * left without an answer is asked again by the API's GET (get-reask.ts).
 */
const RETRY_MS = [1000, 3000]

async function readOnce(clusterId: string): Promise<string[]> {
  const path = `/api/clusters/${encodeURIComponent(clusterId)}/history`
  const r = await api<{ history: HistoryItem[] }>('GET', path)
  return r.history.map((h) => h.command)
}

/** The lab's commands as the server recorded them, oldest first. */
export async function readServerHistory(clusterId: string): Promise<string[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await readOnce(clusterId)
    } catch (err) {
      const refused = err instanceof ApiError && err.status >= 400 && err.status < 500
      const pause = RETRY_MS[attempt]
      if ((refused && err.status !== 429) || pause === undefined) throw err
      await new Promise((resolve) => setTimeout(resolve, pause))
    }
  }
}

export function useCommandHistory(labId: string, clusterId: string | undefined) {
  const [items, setItems] = useState<string[]>(() => dedupe(readLocal(labId)))
  /** the lines typed on this page, which the server's answer may not have yet */
  const typed = useRef<string[]>([])

  useEffect(() => {
    if (!clusterId) return
    let live = true
    readServerHistory(clusterId)
      .then((commands) => {
        const server = dedupe(commands)
        if (!live || !server.length) return
        setItems((local) => {
          const next = dedupe(mergeHistory(server, local, dedupe(typed.current))).slice(-MAX)
          writeLocal(labId, next)
          return next
        })
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [labId, clusterId])

  const push = useCallback(
    (command: string) => {
      typed.current = [...typed.current, typedLine(command)].slice(-MAX)
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
