// Loads a lab and the learner's cluster for it (created on first visit).

import { useEffect, useState } from 'preact/hooks'
import { api, errorText } from '../api'
import type { Lab } from '../types'

export function useLab(labId: string) {
  const [lab, setLab] = useState<Lab | undefined>()
  const [clusterId, setClusterId] = useState<string | undefined>()
  const [error, setError] = useState('')
  useEffect(() => {
    Promise.all([
      api<{ lab: Lab }>('GET', `/api/labs/${encodeURIComponent(labId)}`),
      api<{ cluster: { id: string } }>(
        'POST',
        `/api/labs/${encodeURIComponent(labId)}/cluster`,
        {},
      ),
    ])
      .then(([l, c]) => {
        setLab(l.lab)
        setClusterId(c.cluster.id)
      })
      .catch((e) => setError(errorText(e)))
  }, [labId])
  return { lab, clusterId, error }
}
