// Joining an instructor's class with the code they hand out.

import { useEffect, useState } from 'preact/hooks'
import { api, ApiError, errorText } from '../api'
import { ConfirmButton } from '../components/confirm-button'

interface JoinedClass {
  id: string
  name: string
}

export function JoinClassForm({ userId }: { userId: string }) {
  const [code, setCode] = useState('')
  const [error, setError] = useState('')
  const [joined, setJoined] = useState('')
  const [busy, setBusy] = useState(false)
  const [classes, setClasses] = useState<JoinedClass[]>([])
  useEffect(() => {
    api<{ classes: JoinedClass[] }>('GET', '/api/classes')
      .then((r) => setClasses(r.classes))
      .catch(() => undefined) // the form works without the list
  }, [])

  const submit = async (e: Event) => {
    e.preventDefault()
    setJoined('')
    if (!code.trim()) return setError('Enter the join code your instructor gave you.')
    setBusy(true)
    try {
      const r = await api<{ class: { id: string; name: string } }>('POST', '/api/classes/join', {
        joinCode: code.trim(),
      })
      setError('')
      setCode('')
      setJoined(`You joined ${r.class.name}.`)
      setClasses((list) => (list.some((c) => c.id === r.class.id) ? list : [...list, r.class]))
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 404 ? 'No class has that code.' : errorText(err),
      )
    } finally {
      setBusy(false)
    }
  }

  /** Leaving (confirmed): the instructor no longer follows this learner; the join code lets them back in. */
  const leave = async (c: JoinedClass) => {
    setBusy(true)
    try {
      await api(
        'DELETE',
        `/api/classes/${encodeURIComponent(c.id)}/members/${encodeURIComponent(userId)}`,
      )
      setClasses((list) => list.filter((x) => x.id !== c.id))
      setError('')
      setJoined(`You left ${c.name}.`)
    } catch (err) {
      setError(errorText(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="join-class" aria-labelledby="join-title">
      <h2 id="join-title">Join a class</h2>
      <p>If an instructor gave you a join code, enter it here so they can follow your progress.</p>
      {classes.length > 0 && (
        <ul class="joined-classes" aria-label="Your classes">
          {classes.map((c) => (
            <li key={c.id}>
              {c.name}{' '}
              <ConfirmButton
                label="Leave"
                detail={c.name}
                title={`Leave ${c.name}?`}
                confirmLabel="Leave the class"
                busy={busy}
                onConfirm={() => void leave(c)}
              >
                <p>
                  Its instructor will no longer see your progress. Its join code lets you back in.
                </p>
              </ConfirmButton>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate class="inline-form">
        <div class={error ? 'field field-invalid' : 'field'}>
          <label for="join-code">Join code</label>
          <input
            id="join-code"
            value={code}
            autoComplete="off"
            autoCapitalize="characters"
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'join-code-error' : undefined}
            onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)}
          />
          {error && (
            <p class="field-error" id="join-code-error">
              <span aria-hidden="true">⚠ </span>
              {error}
            </p>
          )}
        </div>
        <button type="submit" disabled={busy}>
          Join
        </button>
      </form>
      <p role="status" class="status-line">
        {joined}
      </p>
    </section>
  )
}
