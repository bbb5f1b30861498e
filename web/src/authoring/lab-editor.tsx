// Writing one lab: its text, starting cluster, tasks and transcripts; save, try it, check it with
// its solution, publish it, export it.
import { useEffect, useState } from 'preact/hooks'
import { api, ApiError, errorText } from '../api'
import { useTitle } from '../components/use-title'
import { navigate } from '../router'
import {
  documentOf,
  formOf,
  FormError,
  placedMessage,
  type LabDocument,
  type LabForm,
} from './lab-doc'
import { PublishPanel, type LabState } from './publish-panel'
import { TaskEditor } from './task-editor'
import { TextFields } from './text-fields'
import { VerifyReport, type Verification } from './verify-report'
import { YamlEditor } from './yaml-editor'

type Lab = LabState & { title: string; source: LabDocument }

function describe(err: unknown): string {
  if (err instanceof FormError) return err.message
  if (err instanceof ApiError && err.code === 'invalid_lab')
    return `Not saved. ${placedMessage(err.message, err.field)}`
  return errorText(err)
}

export function LabEditor({ labId }: { labId: string }) {
  const [lab, setLab] = useState<Lab | undefined>()
  const [form, setForm] = useState<LabForm | undefined>()
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const [verification, setVerification] = useState<Verification | undefined>()
  useTitle(lab ? `Edit ${lab.title}` : 'Edit lab')
  useEffect(() => {
    api<{ lab: Lab }>('GET', `/api/authored-labs/${encodeURIComponent(labId)}`)
      .then((r) => {
        setLab(r.lab)
        setForm(formOf(r.lab.source))
      })
      .catch((e) => setStatus(errorText(e)))
  }, [labId])
  if (!lab || !form)
    return <p class={status ? 'form-error' : 'loading'}>{status || 'Loading the lab…'}</p>
  const set = (patch: Partial<LabForm>) => setForm((f) => f && { ...f, ...patch })

  /** Saves the form as a new version; answers the saved lab or undefined (status says why). */
  const save = async (): Promise<Lab | undefined> => {
    try {
      const r = await api<{ lab: Lab }>(
        'PUT',
        // the version this form was loaded from: a save over another tab's is refused (409)
        `/api/authored-labs/${lab.id}?version=${lab.version}`,
        documentOf(form, lab.source),
      )
      setLab(r.lab)
      setStatus(`Saved version ${r.lab.version}.`)
      return r.lab
    } catch (err) {
      setStatus(describe(err))
      return undefined
    }
  }
  const act = (fn: () => Promise<void>) => async () => {
    setBusy(true)
    try {
      await fn()
    } finally {
      setBusy(false)
    }
  }
  const check = act(async () => {
    if (!(await save())) return
    setStatus('Playing the solution and near misses…')
    const r = await api<{ verification: Verification; lab: Lab }>(
      'POST',
      `/api/authored-labs/${lab.id}/verify`,
    ).catch((e) => setStatus(errorText(e)))
    if (!r) return
    setLab(r.lab)
    setVerification(r.verification)
    setStatus(
      r.verification.ok
        ? `Version ${r.verification.version} is proven.`
        : 'The check found problems; see below.',
    )
  })
  const tryIt = act(async () => {
    if (!(await save())) return
    const opened = await api<{ cluster: { id: string } }>('POST', `/api/labs/${lab.id}/cluster`)
    // a scratch cluster made for an older version: start it again from this one
    await api('POST', `/api/clusters/${opened.cluster.id}/reset`)
    navigate(`/labs/${lab.id}`)
  })
  const remove = act(async () => {
    await api('DELETE', `/api/authored-labs/${lab.id}`).then(
      () => navigate('/instructor/labs'),
      (e) => setStatus(errorText(e)),
    )
  })
  const tasks = form.tasks
  return (
    <>
      <p>
        <a href="/instructor/labs">← My labs</a>
      </p>
      <h1>Edit lab: {lab.title}</h1>
      <p>Version {lab.version}. Learners never see the checks, the solution or the near misses.</p>
      <TextFields form={form} set={set} />
      <section aria-labelledby="start-title">
        <h2 id="start-title">Starting state</h2>
        <p id="start-help">
          The manifests the learner's cluster starts with (several documents separated by ---).
        </p>
        <YamlEditor
          label="Starting state (YAML)"
          value={form.start}
          onChange={(start) => set({ start })}
        />
      </section>
      <section aria-labelledby="tasks-title">
        <h2 id="tasks-title">Tasks</h2>
        <ol class="auth-tasks">
          {tasks.map((t, i) => (
            <TaskEditor
              key={i}
              index={i}
              task={t}
              onChange={(nt) => set({ tasks: tasks.map((x, j) => (j === i ? nt : x)) })}
              onRemove={() => set({ tasks: tasks.filter((_, j) => j !== i) })}
            />
          ))}
        </ol>
        <button
          type="button"
          onClick={() =>
            set({
              tasks: [
                ...tasks,
                { id: `task-${tasks.length + 1}`, title: '', hints: '', check: '' },
              ],
            })
          }
        >
          Add task
        </button>
      </section>
      <section aria-labelledby="transcripts-title">
        <h2 id="transcripts-title">Solution and near misses</h2>
        <label for="lab-solution">Solution (YAML: a list of commands, or command + stdin)</label>
        <textarea
          id="lab-solution"
          class="auth-code"
          rows={10}
          spellcheck={false}
          value={form.solution}
          onInput={(e) => set({ solution: e.currentTarget.value })}
        />
        <label for="lab-near-misses">Near misses (YAML: title, leavesUndone, steps)</label>
        <textarea
          id="lab-near-misses"
          class="auth-code"
          rows={8}
          spellcheck={false}
          value={form.nearMisses}
          onInput={(e) => set({ nearMisses: e.currentTarget.value })}
        />
      </section>
      <div class="auth-actions">
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={act(async () => void (await save()))}
        >
          Save
        </button>
        <button type="button" disabled={busy} onClick={tryIt}>
          Try it
        </button>
        <button type="button" disabled={busy} onClick={check}>
          Check with solution
        </button>
        <a href={`/api/authored-labs/${lab.id}/export`} download>
          Export
        </a>
        {lab.publishedVersion === null && (
          <button type="button" disabled={busy} onClick={remove}>
            Delete lab
          </button>
        )}
      </div>
      <p role="status" class="auth-status">
        {status}
      </p>
      {verification && <VerifyReport v={verification} />}
      <PublishPanel lab={lab} onChanged={(l) => setLab({ ...lab, ...l })} />
    </>
  )
}
