// The instructor's own labs: the list, a new lab, and importing a lab file.
import { useEffect, useState } from 'preact/hooks'
import { api, errorText } from '../api'
import { useTitle } from '../components/use-title'
import { navigate } from '../router'
import { NEW_LAB } from './lab-doc'

interface OwnLab {
  id: string
  title: string
  version: number
  verifiedVersion: number | null
  publishedVersion: number | null
  published: boolean
}

const editHref = (id: string) => `/instructor/labs/${encodeURIComponent(id)}`

function state(l: OwnLab): string {
  if (l.published)
    return `published (version ${l.publishedVersion})${l.publishedVersion !== l.version ? `, draft version ${l.version}` : ''}`
  return l.verifiedVersion === l.version
    ? `version ${l.version}, checked`
    : `version ${l.version}, draft`
}

function ImportForm() {
  const [text, setText] = useState('')
  const [error, setError] = useState('')
  const submit = async (e: Event) => {
    e.preventDefault()
    try {
      const r = await api<{ lab: { id: string } }>('POST', '/api/authored-labs/import', {
        yaml: text,
      })
      navigate(editHref(r.lab.id))
    } catch (err) {
      setError(errorText(err))
    }
  }
  const readFile = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0]
    if (file) setText(await file.text())
  }
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">Import a lab file</h2>
      <form onSubmit={submit} class="auth-import">
        <label for="import-file">Lab file</label>
        <input id="import-file" type="file" accept=".yaml,.yml,text/yaml" onChange={readFile} />
        <label for="import-text">Lab file (YAML)</label>
        <textarea
          id="import-text"
          rows={6}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        {error && (
          <p role="alert" class="form-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={!text.trim()}>
          Import
        </button>
      </form>
    </section>
  )
}

export function LabsPage() {
  useTitle('My labs')
  const [labs, setLabs] = useState<OwnLab[] | undefined>()
  const [error, setError] = useState('')
  useEffect(() => {
    api<{ labs: OwnLab[] }>('GET', '/api/authored-labs')
      .then((r) => setLabs(r.labs))
      .catch((e) => setError(errorText(e)))
  }, [])
  const create = async () => {
    try {
      const r = await api<{ lab: { id: string } }>('POST', '/api/authored-labs', NEW_LAB)
      navigate(editHref(r.lab.id))
    } catch (err) {
      setError(errorText(err))
    }
  }
  return (
    <>
      <p>
        <a href="/instructor">← Instructor dashboard</a>
      </p>
      <h1>My labs</h1>
      <p>
        Write labs of your own: instructions, a starting cluster, tasks that check themselves. Prove
        a lab with a solution, then publish it to your classes. The format is described in
        docs/lab-format.md.
      </p>
      <button type="button" class="primary" onClick={create}>
        New lab
      </button>
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      <section aria-labelledby="own-labs-title">
        <h2 id="own-labs-title">Labs you wrote</h2>
        {!labs && !error && <p class="loading">Loading your labs…</p>}
        {labs?.length === 0 && <p>No labs yet.</p>}
        <ul>
          {labs?.map((l) => (
            <li key={l.id}>
              <a href={editHref(l.id)}>{l.title}</a> — {state(l)}
            </li>
          ))}
        </ul>
      </section>
      <ImportForm />
    </>
  )
}
