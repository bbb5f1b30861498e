// The labs list: one card per lab with progress, and the form to join an instructor's class.

import { useEffect, useState } from 'preact/hooks'
import { api, errorText } from '../api'
import { useTitle } from '../components/use-title'
import type { LabSummary, User } from '../types'
import { JoinClassForm } from './join-class'

function LabCard({ lab }: { lab: LabSummary }) {
  const done = lab.tasks.filter((t) => t.done).length
  const total = lab.tasks.length
  const completed = Boolean(lab.completedAt) || (total > 0 && done === total)
  return (
    <li class={completed ? 'lab-card lab-card-done' : 'lab-card'}>
      <h2>
        <a href={`/labs/${encodeURIComponent(lab.id)}`}>{lab.title}</a>
      </h2>
      <p>{lab.summary}</p>
      <p class="lab-meta">
        {lab.estimatedMinutes ? <span>About {lab.estimatedMinutes} minutes</span> : null}
        <span>{total === 0 ? 'No tasks: explore freely' : `${done} of ${total} tasks`}</span>
        {completed && (
          <span class="badge badge-done">
            <span aria-hidden="true">✓ </span>Completed
          </span>
        )}
      </p>
      {total > 0 && (
        <progress max={total} value={done} aria-label={`${lab.title} progress`}>
          {done} of {total}
        </progress>
      )}
    </li>
  )
}

export function LabsPage({ user }: { user: User }) {
  useTitle('Labs')
  const [labs, setLabs] = useState<LabSummary[] | undefined>()
  const [error, setError] = useState('')
  useEffect(() => {
    api<{ labs: LabSummary[] }>('GET', '/api/labs')
      .then((r) => setLabs(r.labs))
      .catch((e) => setError(errorText(e)))
  }, [])
  return (
    <>
      <h1>Labs</h1>
      <p>
        Hello {user.name}. Each lab gives you your own cluster; tasks turn green as soon as you have
        done them.
      </p>
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      {!labs && !error && <p class="loading">Loading the labs…</p>}
      {labs && (
        <ul class="lab-cards" aria-label="Labs">
          {labs.map((l) => (
            <LabCard key={l.id} lab={l} />
          ))}
        </ul>
      )}
      {user.role !== 'instructor' && <JoinClassForm userId={user.id} />}
    </>
  )
}
