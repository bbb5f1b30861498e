// "Use your own kubectl": download a kubeconfig for this lab's cluster (a new token each time,
// the old one revoked), the two commands to run, and Revoke. While a token is live the page asks
// every few seconds whether the cluster changed, so what the learner's own kubectl does shows
// on the map at once, with the path of each request it exec'd (`kubectl exec POD -- curl ...`).

import { useEffect, useRef, useState } from 'preact/hooks'
import { api, errorText } from '../api'
import type { TraceEntry } from '../types'
import { newTraces, type Status } from './own-kubectl-status'

export interface OwnKubectlHooks {
  /** the ids of every task done so far, after the cluster changed */
  onChange: (tasksDone: string[]) => void
  /** a request exec'd through the learner's own kubectl, once each, oldest first */
  onTrace: (trace: TraceEntry) => void
}

const POLL_MS = 4000

function usePolledStatus(clusterId: string, hooks: OwnKubectlHooks) {
  const [status, setStatus] = useState<Status | null>(null)
  const hooksRef = useRef(hooks)
  hooksRef.current = hooks
  const seen = useRef<number | null>(null)
  const base = `/api/clusters/${encodeURIComponent(clusterId)}/kubeconfig`
  const load = async () => {
    const s = await api<Status>('GET', `${base}/status`).catch(() => null)
    if (s) newTraces(s, seen).forEach((t) => hooksRef.current.onTrace(t))
    setStatus((old) => {
      if (old && s && s.version !== old.version) hooksRef.current.onChange(s.tasksDone)
      return s
    })
  }
  useEffect(() => {
    seen.current = null
    void load()
  }, [clusterId])
  useEffect(() => {
    if (!status?.active) return
    const t = setInterval(() => {
      if (document.visibilityState === 'visible') void load()
    }, POLL_MS)
    return () => clearInterval(t)
  }, [status?.active, clusterId])
  return { status, reload: load, base }
}

function saveFile(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/yaml' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function OwnKubectl(props: { clusterId: string; labId: string } & OwnKubectlHooks) {
  const { status, reload, base } = usePolledStatus(props.clusterId, props)
  const [message, setMessage] = useState('')
  const file = `service-lab-${props.labId}.yaml`

  const download = async () => {
    setMessage('')
    try {
      const res = await fetch(base, { credentials: 'same-origin' })
      if (!res.ok) throw new Error(String(res.status))
      saveFile(await res.text(), file)
      setMessage('Downloaded. An earlier kubeconfig of this cluster no longer works.')
    } catch {
      setMessage('The kubeconfig could not be downloaded. Please try again.')
    }
    void reload()
  }
  const revoke = async () => {
    try {
      await api('DELETE', base, {})
      setMessage('Revoked: the downloaded kubeconfig no longer works.')
    } catch (e) {
      setMessage(errorText(e))
    }
    void reload()
  }

  return (
    <details class="own-kubectl">
      <summary>Use your own kubectl</summary>
      <div class="own-kubectl-panel">
        <p>
          Point the real <code>kubectl</code> (1.32) on your computer at this lab&apos;s cluster. It
          is the same cluster: what you change there shows here, and tasks count.
        </p>
        <p>
          <button type="button" onClick={() => void download()}>
            Download kubeconfig
          </button>{' '}
          <button
            type="button"
            class="secondary"
            disabled={!status?.active}
            onClick={() => void revoke()}
          >
            Revoke
          </button>
        </p>
        <pre>
          <code>{`export KUBECONFIG=~/Downloads/${file}\nkubectl get pods`}</code>
        </pre>
        <p role="status">
          {message}{' '}
          {status?.active && status.expiresAt
            ? `The token works until ${new Date(status.expiresAt).toLocaleString()}.`
            : 'No kubeconfig is active for this cluster.'}
        </p>
      </div>
    </details>
  )
}
