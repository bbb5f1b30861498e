// Passwords after signup: the account page changes one's own; the reset page sets a new one with
// the one-time code a learner's instructor made for them (there is no email to send a link to).

import { useState } from 'preact/hooks'
import { api } from '../api'
import { Field, NewPasswordField } from '../components/field'
import { useTitle } from '../components/use-title'
import type { User } from '../types'
import { FormError, fieldErrors, focusFirstError } from './auth-forms'

/**
 * A form of text fields: its values, the errors shown beside them and its busy flag. `submit`
 * checks the required fields (`required`: the message for each when empty), then `send`s; an API
 * error (a field only of blanks, say) lands beside the field it names, else above the form.
 */
function useForm<K extends string>(
  initial: Record<K, string>,
  required: Record<K, string>,
  send: (values: Record<K, string>) => Promise<void>,
) {
  const [v, setV] = useState(initial)
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({})
  const [busy, setBusy] = useState(false)
  const set = (k: K) => (value: string) => setV({ ...v, [k]: value })
  const submit = async (e: Event) => {
    e.preventDefault()
    const form = e.currentTarget as HTMLFormElement
    const keys = Object.keys(required) as K[]
    const missing = Object.fromEntries(
      keys.filter((k) => !v[k].trim()).map((k) => [k, required[k]]),
    )
    setErrors(missing)
    if (Object.keys(missing).length) return focusFirstError(form)
    setBusy(true)
    try {
      await send(v)
    } catch (err) {
      setErrors(fieldErrors(err, keys))
      focusFirstError(form)
    } finally {
      setBusy(false)
    }
  }
  return { v, setV, set, errors, busy, submit }
}

export function ResetPasswordPage({ onSignedIn }: { onSignedIn: (u: User, next: string) => void }) {
  useTitle('Reset your password')
  const { v, set, errors, busy, submit } = useForm(
    { email: '', code: '', newPassword: '' },
    {
      email: 'Enter your email address.',
      code: 'Enter the reset code your instructor gave you.',
      newPassword: 'Choose a new password.',
    },
    async ({ email, code, newPassword }) => {
      const body = { email: email.trim(), code: code.trim(), newPassword }
      const r = await api<{ user: User }>('POST', '/api/auth/reset', body, { redirectOn401: false })
      onSignedIn(r.user, '/labs')
    },
  )
  return (
    <section class="narrow">
      <h1 id="reset-title">Reset your password</h1>
      <p>
        Ask your instructor for a reset code: they make one on their class page. It works once, for
        a day.
      </p>
      <form class="auth-form" onSubmit={submit} noValidate aria-labelledby="reset-title">
        <FormError text={errors.form} />
        <Field
          id="reset-email"
          label="Email"
          type="email"
          value={v.email}
          error={errors.email}
          autocomplete="email"
          required
          onInput={set('email')}
        />
        <Field
          id="reset-code"
          label="Reset code"
          value={v.code}
          error={errors.code}
          hint="Like ABCD-EFGH-JKLM."
          autocomplete="one-time-code"
          required
          onInput={set('code')}
        />
        <NewPasswordField
          id="reset-new-password"
          label="New password"
          value={v.newPassword}
          error={errors.newPassword}
          onInput={set('newPassword')}
        />
        <button type="submit" class="primary" disabled={busy}>
          Set new password
        </button>
      </form>
      <p>
        Remembered it? <a href="/login">Log in</a>.
      </p>
    </section>
  )
}

export function AccountPage({ user }: { user: User }) {
  useTitle('Your account')
  const [done, setDone] = useState('')
  const form = useForm(
    { currentPassword: '', newPassword: '' },
    { currentPassword: 'Enter your current password.', newPassword: 'Choose a new password.' },
    async (values) => {
      // a wrong current password is a 401 too: it is shown here, not taken as a lost session
      await api('POST', '/api/auth/password', values, { redirectOn401: false })
      form.setV({ currentPassword: '', newPassword: '' })
      setDone('Your password was changed. Your other sessions were logged out.')
    },
  )
  const { v, set, errors, busy, submit } = form
  return (
    <section class="narrow">
      <h1>Your account</h1>
      <p>
        {user.name} ({user.email}), {user.role === 'instructor' ? 'instructor' : 'learner'}
      </p>
      <h2 id="change-password-title">Change password</h2>
      <form
        class="auth-form"
        onSubmit={(e) => {
          setDone('')
          void submit(e)
        }}
        noValidate
        aria-labelledby="change-password-title"
      >
        <FormError text={errors.form} />
        <p role="status">{done}</p>
        <Field
          id="current-password"
          label="Current password"
          type="password"
          value={v.currentPassword}
          error={errors.currentPassword}
          autocomplete="current-password"
          required
          onInput={set('currentPassword')}
        />
        <NewPasswordField
          id="new-password"
          label="New password"
          value={v.newPassword}
          error={errors.newPassword}
          onInput={set('newPassword')}
        />
        <button type="submit" class="primary" disabled={busy}>
          Change password
        </button>
      </form>
    </section>
  )
}
