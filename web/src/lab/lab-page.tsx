// A lab: Instructions beside a workspace built around the terminal, with the Editor and the
// Cluster map one click away under it, all around one private cluster.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { api, errorText } from '../api'
import { useTitle } from '../components/use-title'
import { TerminalTabs, type TerminalControl } from '../terminal/terminal-tabs'
import type { RunEnd } from '../terminal/run-stream'
import type { LabTask, TraceEntry, User } from '../types'
import '../styles/lab.css'
import '../styles/workspace.css'
import { applyErrorLine } from './apply-error'
import { ClusterMap } from './cluster-map'
import { complete } from './completion'
import { Editor, type ApplyError } from './editor'
import { Instructions } from './instructions'
import { LabHeader } from './lab-header'
import { OwnKubectl } from './own-kubectl'
import { revealPanel } from './reveal'
import { Separator, useStoredSize } from './split'
import { ToolTabs, type Tool } from './tool-tabs'
import { useCluster } from './use-cluster'
import { useEditorBridge } from './use-editor-bridge'
import { useCommandHistory } from './use-history'
import { useLab } from './use-lab'

function mergeTasks(old: LabTask[], fresh: { id: string; done: boolean }[]): LabTask[] {
  const done = new Map(fresh.map((t) => [t.id, t.done]))
  return old.map((t) => ({ ...t, done: t.done || done.get(t.id) === true }))
}

export function LabPage({ labId }: { labId: string; user: User }) {
  const { lab, clusterId, error } = useLab(labId)
  useTitle(lab?.title ?? 'Lab')
  const [tasks, setTasks] = useState<LabTask[]>([])
  const [fresh, setFresh] = useState<Set<string>>(new Set())
  const [announce, setAnnounce] = useState('')
  const [notice, setNotice] = useState('')
  const [trace, setTrace] = useState<{ id: number; entry: TraceEntry } | null>(null)
  const [applyError, setApplyError] = useState<ApplyError | null>(null)
  const [editorNotice, setEditorNotice] = useState('')
  const [tool, setTool] = useState<Tool>('editor')
  const [applying, setApplying] = useState(false)
  const [instrWidth, setInstrWidth] = useStoredSize('instructions', 400)
  const [termHeight, setTermHeight] = useStoredSize('terminal', 470)
  const terminals = useRef<TerminalControl>(null)
  const bridge = useEditorBridge(
    useCallback(() => {
      setTool('editor')
      setEditorNotice('Copied from the instructions. Press Apply to send it to your cluster.')
      requestAnimationFrame(() => revealPanel('editor-panel'))
    }, []),
  )
  const cluster = useCluster(clusterId)
  const history = useCommandHistory(labId, clusterId)
  const objects = useRef(cluster.objects)
  objects.current = cluster.objects

  useEffect(() => setTasks(lab?.tasks ?? []), [lab])

  const onTasks = useCallback((fresh: RunEnd['tasks'], newly: string[]) => {
    setTasks((old) => mergeTasks(old, fresh ?? []))
    if (!newly.length) return
    setFresh(new Set(newly))
    const titles = (fresh ?? []).filter((t) => newly.includes(t.id)).map((t) => t.title)
    setAnnounce(`Task done: ${titles.join('; ')}`)
  }, [])
  const onEnd = useCallback(
    (r: RunEnd) => {
      onTasks(r.tasks, r.newlyCompleted ?? [])
      void cluster.refresh()
    },
    [cluster.refresh],
  )
  // a watch reports each change; the map asks for a fresh picture at most once a second
  const changedAt = useRef(0)
  const onChanged = useCallback(() => {
    if (Date.now() - changedAt.current < 1000) return
    changedAt.current = Date.now()
    void cluster.refresh()
  }, [cluster.refresh])

  const onTrace = useCallback((entry: TraceEntry) => {
    setTrace((t) => ({ id: (t?.id ?? 0) + 1, entry }))
    // the request's path is drawn on the map: show it, unless the learner is typing YAML
    if (!document.activeElement?.closest('#editor-panel')) setTool('map')
  }, [])

  const apply = async (text: string) => {
    setApplyError(null)
    setEditorNotice('')
    setApplying(true)
    const shown = "kubectl apply -f - (the editor's manifest)"
    const r = await terminals.current?.runFor('kubectl apply -f -', text, shown)
    setApplying(false)
    if (!r) setEditorNotice('Every terminal is busy: press Ctrl+C in one, then Apply again.')
    else if (r.exitCode !== 0) {
      const first = r.stderr.split('\n').find((l) => l.trim()) ?? 'kubectl apply failed.'
      setApplyError({ line: applyErrorLine(r.stderr, text), message: first })
    }
  }

  const reset = async () => {
    if (!clusterId) return
    try {
      await api('POST', `/api/clusters/${encodeURIComponent(clusterId)}/reset`, {})
      setTrace(null)
      setNotice("The cluster was reset to this lab's starting state.")
      terminals.current?.refresh()
      setAnnounce('The cluster was reset.')
    } catch (e) {
      setNotice(errorText(e))
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

  const layout = { '--instr-width': `${instrWidth}px`, '--term-height': `${termHeight}px` }
  return (
    <div class="lab">
      <LabHeader
        title={lab.title}
        tasks={tasks}
        busy={applying}
        notice={notice}
        onReset={() => void reset()}
      >
        <OwnKubectl
          clusterId={clusterId}
          labId={labId}
          onChange={(done) => {
            void cluster.refresh()
            setTasks((old) => old.map((t) => (done.includes(t.id) ? { ...t, done: true } : t)))
          }}
          onTrace={onTrace}
        />
      </LabHeader>
      <p role="status" class="visually-hidden">
        {announce}
      </p>
      <div class="lab-split" style={layout}>
        <Instructions
          lab={lab}
          tasks={tasks}
          fresh={fresh}
          actions={{
            onCopy: bridge.copy,
            onRun: (c) => {
              // on a narrow screen the terminal is further down: show it running the command
              requestAnimationFrame(() => revealPanel('terminal-panel'))
              void terminals.current?.typeAndRun(c)
            },
          }}
        />
        <Separator
          label="Resize the instructions"
          orientation="vertical"
          size={instrWidth}
          min={260}
          max={760}
          onSize={setInstrWidth}
        />
        <div class="lab-work">
          <TerminalTabs
            clusterId={clusterId}
            history={history.items}
            complete={(before) => complete(before, objects.current)}
            onEnd={onEnd}
            onTrace={onTrace}
            onTasks={onTasks}
            onChanged={onChanged}
            onCommand={history.push}
            control={terminals}
          />
          <Separator
            label="Resize the terminal"
            orientation="horizontal"
            size={termHeight}
            min={200}
            max={1200}
            onSize={setTermHeight}
          />
          <ToolTabs
            shown={tool}
            onShow={setTool}
            editor={
              <Editor
                labId={labId}
                busy={applying}
                error={applyError}
                notice={editorNotice}
                onApply={(t) => void apply(t)}
                onReady={bridge.ready}
              />
            }
            map={<ClusterMap objects={cluster.objects} trace={trace} />}
          />
        </div>
      </div>
    </div>
  )
}
