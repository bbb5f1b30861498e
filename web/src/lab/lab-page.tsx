// A lab: Instructions, Editor, Terminal and Cluster map around one private cluster.

import { useCallback, useEffect, useState } from 'preact/hooks'
import { api, errorText } from '../api'
import { useTitle } from '../components/use-title'
import type { Lab, LabTask, RunResult, TraceEntry, User } from '../types'
import '../styles/lab.css'
import { ClusterMap } from './cluster-map'
import { Editor, type ApplyError } from './editor'
import { Instructions } from './instructions'
import { LabHeader } from './lab-header'
import { OwnKubectl } from './own-kubectl'
import { Terminal } from './terminal'
import { useTerminalLog } from './terminal-log'
import { useCluster } from './use-cluster'
import { useEditorBridge } from './use-editor-bridge'
import { useCommandHistory } from './use-history'
import { applyErrorLine } from './apply-error'
import { useRunner } from './use-runner'
import { revealPanel } from './reveal'

function mergeTasks(old: LabTask[], fresh: { id: string; done: boolean }[]): LabTask[] {
  const done = new Map(fresh.map((t) => [t.id, t.done]))
  return old.map((t) => ({ ...t, done: t.done || done.get(t.id) === true }))
}

function useLab(labId: string) {
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

export function LabPage({ labId }: { labId: string; user: User }) {
  const { lab, clusterId, error } = useLab(labId)
  useTitle(lab?.title ?? 'Lab')
  const [tasks, setTasks] = useState<LabTask[]>([])
  const [fresh, setFresh] = useState<Set<string>>(new Set())
  const [announce, setAnnounce] = useState('')
  const [trace, setTrace] = useState<{ id: number; entry: TraceEntry } | null>(null)
  const [applyError, setApplyError] = useState<ApplyError | null>(null)
  const [editorNotice, setEditorNotice] = useState('')
  const bridge = useEditorBridge(
    useCallback(() => {
      setEditorNotice('Copied from the instructions. Press Apply to send it to your cluster.')
      requestAnimationFrame(() => revealPanel('editor-panel'))
    }, []),
  )
  const log = useTerminalLog()
  const cluster = useCluster(clusterId)
  const history = useCommandHistory(labId, clusterId)

  useEffect(() => setTasks(lab?.tasks ?? []), [lab])

  const onResult = useCallback(
    (r: RunResult) => {
      setTasks((old) => mergeTasks(old, r.tasks ?? []))
      const newly = r.newlyCompleted ?? []
      if (newly.length) {
        setFresh(new Set(newly))
        const titles = (r.tasks ?? []).filter((t) => newly.includes(t.id)).map((t) => t.title)
        setAnnounce(`Task done: ${titles.join('; ')}`)
      }
      void cluster.refresh()
    },
    [cluster.refresh],
  )

  const runner = useRunner(clusterId, {
    append: log.append,
    clear: log.clear,
    onResult,
    onTrace: (entry) => setTrace((t) => ({ id: (t?.id ?? 0) + 1, entry })),
  })

  const runCommand = (command: string) => {
    history.push(command)
    void runner.run(command)
  }
  const runFromInstructions = (command: string) => {
    history.push(command)
    requestAnimationFrame(() => revealPanel('terminal-panel'))
    void runner.run(command).then(() => revealPanel('terminal-panel'))
  }

  const apply = async (text: string) => {
    setApplyError(null)
    setEditorNotice('')
    const r = await runner.run(
      'kubectl apply -f -',
      text,
      "kubectl apply -f - (the editor's manifest)",
    )
    if (r && r.exitCode !== 0) {
      const first = r.stderr.split('\n').find((l) => l.trim()) ?? 'kubectl apply failed.'
      setApplyError({ line: applyErrorLine(r.stderr, text), message: first })
    }
  }

  const reset = async () => {
    if (!clusterId) return
    try {
      await api('POST', `/api/clusters/${encodeURIComponent(clusterId)}/reset`, {})
      setTrace(null)
      log.append([{ kind: 'info', text: "The cluster was reset to this lab's starting state." }])
      setAnnounce('The cluster was reset.')
    } catch (e) {
      log.append([{ kind: 'stderr', text: errorText(e) }])
    }
    void cluster.refresh()
  }

  if (error) {
    return (
      <section>
        <h1>Lab not available</h1>
        <p role="alert">{error}</p>
        <p>
          <a href="/labs">Back to labs</a>
        </p>
      </section>
    )
  }
  if (!lab || !clusterId) return <p class="loading">Preparing your cluster…</p>

  return (
    <div class="lab">
      <LabHeader title={lab.title} tasks={tasks} busy={runner.busy} onReset={() => void reset()} />
      <OwnKubectl
        clusterId={clusterId}
        labId={labId}
        onChange={(done) => {
          void cluster.refresh()
          setTasks((old) => old.map((t) => (done.includes(t.id) ? { ...t, done: true } : t)))
        }}
      />
      <p role="status" class="visually-hidden">
        {announce}
      </p>
      <div class="lab-grid">
        <Instructions
          lab={lab}
          tasks={tasks}
          fresh={fresh}
          actions={{ onCopy: bridge.copy, onRun: runFromInstructions }}
        />
        <Editor
          labId={labId}
          busy={runner.busy}
          error={applyError}
          notice={editorNotice}
          onApply={(t) => void apply(t)}
          onReady={bridge.ready}
        />
        <Terminal
          entries={log.entries}
          busy={runner.busy}
          history={history.items}
          objects={cluster.objects}
          onRun={runCommand}
          onClear={log.clear}
          onInfo={(text) => log.append([{ kind: 'info', text }])}
        />
        <ClusterMap objects={cluster.objects} trace={trace} />
      </div>
    </div>
  )
}
