// The cluster's objects for the map and for Tab completion, polled while pods are settling.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { api } from '../api'
import type { Cluster, KubeObject } from '../types'
import { podStatus } from './pod-status'

const POLL_MS = 2000
/** Stop polling a cluster that never settles (e.g. a crash loop) after this many polls. */
const MAX_POLLS = 60

function settling(objects: KubeObject[]): boolean {
  return objects.some((o) => o.kind === 'Pod' && podStatus(o).settling)
}

export function useCluster(clusterId: string | undefined) {
  const [objects, setObjects] = useState<KubeObject[]>([])
  const polls = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>()

  const refresh = useCallback(async (): Promise<void> => {
    if (!clusterId) return
    clearTimeout(timer.current)
    try {
      const r = await api<{ cluster: Cluster }>(
        'GET',
        `/api/clusters/${encodeURIComponent(clusterId)}`,
      )
      const objs = r.cluster.objects ?? []
      setObjects(objs)
      if (settling(objs) && polls.current < MAX_POLLS) {
        polls.current++
        timer.current = setTimeout(() => void refresh(), POLL_MS)
      }
    } catch {
      // the map keeps its last picture; the next command refreshes it
    }
  }, [clusterId])

  /** After a command: fresh picture, and a fresh polling budget. */
  const refreshAfterCommand = useCallback(() => {
    polls.current = 0
    return refresh()
  }, [refresh])

  useEffect(() => {
    void refresh()
    return () => clearTimeout(timer.current)
  }, [refresh])

  return { objects, refresh: refreshAfterCommand }
}
