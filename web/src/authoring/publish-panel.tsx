// Publishing a proven lab to some of the instructor's classes, or unpublishing it.
import { useEffect, useState } from 'preact/hooks'
import { api, errorText } from '../api'
import type { ClassInfo } from '../instructor/types'

export interface LabState {
  id: string
  version: number
  verifiedVersion: number | null
  publishedVersion: number | null
  published: boolean
  classIds: string[]
}

interface Props {
  lab: LabState
  onChanged: (lab: LabState) => void
}

export function PublishPanel({ lab, onChanged }: Props) {
  const [classes, setClasses] = useState<ClassInfo[]>([])
  const [chosen, setChosen] = useState<string[]>(lab.classIds)
  const [message, setMessage] = useState('')
  useEffect(() => {
    api<{ classes: ClassInfo[] }>('GET', '/api/classes').then(
      (r) => setClasses(r.classes),
      () => undefined,
    )
  }, [])
  const toggle = (id: string) =>
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]))
  const call = async (path: string, body?: unknown, done = '') => {
    try {
      const r = await api<{ lab: LabState }>('POST', `/api/authored-labs/${lab.id}/${path}`, body)
      onChanged(r.lab)
      setMessage(done)
    } catch (err) {
      setMessage(errorText(err))
    }
  }
  const proven = lab.verifiedVersion === lab.version
  return (
    <section aria-labelledby="publish-title">
      <h2 id="publish-title">Publish</h2>
      <p>
        {lab.published ? `Published: version ${lab.publishedVersion}.` : 'Not published.'}{' '}
        {proven
          ? `Version ${lab.version} is proven.`
          : `Check version ${lab.version} with its solution before publishing it.`}
      </p>
      <fieldset>
        <legend>Classes</legend>
        {classes.length === 0 && <p>You have no classes yet.</p>}
        {classes.map((c) => (
          <label key={c.id} class="auth-check">
            <input type="checkbox" checked={chosen.includes(c.id)} onChange={() => toggle(c.id)} />{' '}
            {c.name}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        class="primary"
        disabled={!proven || chosen.length === 0}
        onClick={() => call('publish', { classIds: chosen }, 'Published to the chosen classes.')}
      >
        Publish to classes
      </button>{' '}
      {lab.published && (
        <button
          type="button"
          onClick={() => call('unpublish', undefined, 'Unpublished: learners who started keep it.')}
        >
          Unpublish
        </button>
      )}
      <p role="status">{message}</p>
    </section>
  )
}
