// Passwords after signup: the account page changes one's own; the reset page sets a new one with
// the one-time code a learner's instructor made for them (there is no email to send a link to).

import { useState } from 'preact/hooks'
import { api, ApiError, errorText } from '../api'
import { Field } from '../components/field'
import { useTitle } from '../components/use-title'
import type { User } from '../types'
import { FormError, focusFirstError, withoutFieldName } from './auth-forms'

type Errors = Partial<Record<string, string>>

/** An API error beside the field it names (`error.field`), else above the form. */
function errorsOf(err: unknown, fields: string[]): Errors {
  if (err instanceof ApiError) {
    if (err.field && fields.includes(err.field))
      return { [err.field]: withoutFieldName(err.message, err.field) }
    if (err.status === 429 && err.retryAfter)
      return { form: `Too many attempts. Please try again in ${err.retryAfter} seconds.` }
  }
  return { form: errorText(err) }
}

export function ResetPasswordPage({ onSignedIn }: { onSignedIn: (u: User, next: string) => void }) {
  useTitle('Reset your password')
  const [v, setV] = useState({ email: '', code: '', newPassword: '' })
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)
  const set = (k: keyof typeof v) => (value: string) => setV({ ...v, [k]: value })
  const submit = async (e: Event) => {
    e.preventDefault()
    const form = e.currentTarget as HTMLFormElement
    const missing: Errors = {}
    if (!v.email.trim()) missing.email = 'Enter your email address.'
    if (!v.code.trim()) missing.code = 'Enter the reset code your instructor gave you.'
    if (!v.newPassword) missing.newPassword = 'Choose a new password.'
    setErrors(missing)
    if (Object.keys(missing).length) return focusFirstError(form)
    setBusy(true)
    try {
      const body = { email: v.email.trim(), code: v.code.trim(), newPassword: v.newPassword }
      const r = await api<{ user: User }>('POST', '/api/auth/reset', body, { redirectOn401: false })
      onSignedIn(r.user, '/labs')
    } catch (err) {
      setErrors(errorsOf(err, ['email', 'code', 'newPassword']))
      focusFirstError(form)
    } finally {
      setBusy(false)
    }
  }
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
        <Field
          id="reset-new-password"
          label="New password"
          type="password"
          value={v.newPassword}
          error={errors.newPassword}
          hint="At least 8 characters."
          autocomplete="new-password"
          required
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
  const [v, setV] = useState({ currentPassword: '', newPassword: '' })
  const [errors, setErrors] = useState<Errors>({})
  const [done, setDone] = useState('')
  const [busy, setBusy] = useState(false)
  const set = (k: keyof typeof v) => (value: string) => setV({ ...v, [k]: value })
  const submit = async (e: Event) => {
    e.preventDefault()
    const form = e.currentTarget as HTMLFormElement
    const missing: Errors = {}
    if (!v.currentPassword) missing.currentPassword = 'Enter your current password.'
    if (!v.newPassword) missing.newPassword = 'Choose a new password.'
    setErrors(missing)
    setDone('')
    if (Object.keys(missing).length) return focusFirstError(form)
    setBusy(true)
    try {
      // a wrong current password is a 401 too: it is shown here, not taken as a lost session
      await api('POST', '/api/auth/password', v, { redirectOn401: false })
      setV({ currentPassword: '', newPassword: '' })
      setDone('Your password was changed. Your other sessions were logged out.')
    } catch (err) {
      setErrors(errorsOf(err, ['currentPassword', 'newPassword']))
      focusFirstError(form)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section class="narrow">
      <h1>Your account</h1>
      <p>
        {user.name} ({user.email}), {user.role === 'instructor' ? 'instructor' : 'learner'}
      </p>
      <h2 id="change-password-title">Change password</h2>
      <form class="auth-form" onSubmit={submit} noValidate aria-labelledby="change-password-title">
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
        <Field
          id="new-password"
          label="New password"
          type="password"
          value={v.newPassword}
          error={errors.newPassword}
          hint="At least 8 characters."
          autocomplete="new-password"
          required
          onInput={set('newPassword')}
        />
        <button type="submit" class="primary" disabled={busy}>
          Change password
        </button>
      </form>
    </section>
  )
}
