// Loads a resource and keeps it fresh: again every few seconds while the tab is visible.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { errorText } from '../api'

export interface Polled<T> {
  data: T | undefined
  error: string
  /** when the data was last loaded (ms) */
  loadedAt: number | undefined
  reload: () => Promise<void>
}

/** `load` is called at once, then every `everyMs` while the document is visible (0: never again). */
export function usePoll<T>(load: () => Promise<T>, everyMs: number, key: string): Polled<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState('')
  const [loadedAt, setLoadedAt] = useState<number | undefined>(undefined)
  const loadRef = useRef(load)
  loadRef.current = load
  const inFlight = useRef(false)

  const reload = useCallback(async () => {
    if (inFlight.current) return
    inFlight.current = true
    try {
      const value = await loadRef.current()
      setData(value)
      setError('')
      setLoadedAt(Date.now())
    } catch (e) {
      setError(errorText(e))
    } finally {
      inFlight.current = false
    }
  }, [])

  useEffect(() => {
    setData(undefined)
    setError('')
    void reload()
    if (!everyMs) return
    const tick = () => {
      if (document.visibilityState === 'visible') void reload()
    }
    const timer = window.setInterval(tick, everyMs)
    document.addEventListener('visibilitychange', tick)
    return () => {
      window.clearInterval(timer)
      document.removeEventListener('visibilitychange', tick)
    }
  }, [key, everyMs, reload])

  return { data, error, loadedAt, reload }
}
