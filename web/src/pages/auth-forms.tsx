// Sign-up and log-in forms; API errors land beside the field they concern (error.field).

import { useState } from 'preact/hooks'
import { api, ApiError, errorText } from '../api'
import { Field, NewPasswordField } from '../components/field'
import type { User } from '../types'

type Errors = Partial<Record<'name' | 'email' | 'password' | 'instructorCode' | 'form', string>>

export interface AuthProps {
  next: string
  onSignedIn: (user: User, next: string) => void
}

/** `password: Use at least 8 characters.` beside the Password field reads `Use at least 8 characters.` */
export function withoutFieldName(message: string, field: string): string {
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message
}

/**
 * An API error beside the field it names (`error.field`, one of `fields`), else above the form:
 * a rate limit says when to try again.
 */
export function fieldErrors(err: unknown, fields: readonly string[]): Record<string, string> {
  if (err instanceof ApiError) {
    if (err.field && fields.includes(err.field))
      return { [err.field]: withoutFieldName(err.message, err.field) }
    if (err.status === 429 && err.retryAfter)
      return { form: `Too many attempts. Please try again in ${err.retryAfter} seconds.` }
  }
  return { form: errorText(err) }
}

function apiErrors(err: unknown): Errors {
  if (err instanceof ApiError) {
    if (err.code === 'email_taken')
      return { email: err.message || 'An account with this email already exists.' }
    if (err.code === 'forbidden' && err.field === undefined) return { instructorCode: err.message }
  }
  return fieldErrors(err, ['email', 'password', 'name'])
}

export function FormError({ text }: { text?: string }) {
  return (
    <div role="alert" class={text ? 'form-error' : 'form-error-empty'}>
      {text}
    </div>
  )
}

export function focusFirstError(form: HTMLFormElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
}

export function SignupForm({ next, onSignedIn }: AuthProps) {
  const [v, setV] = useState({ name: '', email: '', password: '', instructorCode: '' })
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)
  const set = (k: keyof typeof v) => (value: string) => setV({ ...v, [k]: value })

  const submit = async (e: Event) => {
    e.preventDefault()
    const form = e.currentTarget as HTMLFormElement
    const missing: Errors = {}
    if (!v.name.trim()) missing.name = 'Enter your name.'
    if (!v.email.trim()) missing.email = 'Enter your email address.'
    if (!v.password) missing.password = 'Choose a password.'
    setErrors(missing)
    if (Object.keys(missing).length) return focusFirstError(form)
    setBusy(true)
    try {
      const body = {
        name: v.name.trim(),
        email: v.email.trim(),
        password: v.password,
        ...(v.instructorCode ? { instructorCode: v.instructorCode } : {}),
      }
      const r = await api<{ user: User }>('POST', '/api/auth/signup', body, {
        redirectOn401: false,
      })
      // a new instructor starts where classes are made, unless a link asked for another page
      onSignedIn(r.user, r.user.role === 'instructor' && next === '/labs' ? '/instructor' : next)
    } catch (err) {
      setErrors(apiErrors(err))
      focusFirstError(form)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="auth-form" onSubmit={submit} noValidate aria-labelledby="signup-title">
      <FormError text={errors.form} />
      <Field
        id="signup-name"
        label="Name"
        value={v.name}
        error={errors.name}
        autocomplete="name"
        required
        onInput={set('name')}
      />
      <Field
        id="signup-email"
        label="Email"
        type="email"
        value={v.email}
        error={errors.email}
        autocomplete="email"
        required
        onInput={set('email')}
      />
      <NewPasswordField
        id="signup-password"
        label="Password"
        value={v.password}
        error={errors.password}
        onInput={set('password')}
      />
      <details class="instructor-code" open={Boolean(errors.instructorCode)}>
        <summary>I am an instructor</summary>
        <Field
          id="signup-instructor-code"
          label="Instructor code (optional)"
          value={v.instructorCode}
          error={errors.instructorCode}
          autocomplete="off"
          onInput={set('instructorCode')}
        />
      </details>
      <button type="submit" class="primary" disabled={busy}>
        Sign up
      </button>
    </form>
  )
}

export function LoginForm({ next, onSignedIn }: AuthProps) {
  const [v, setV] = useState({ email: '', password: '' })
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)

  const submit = async (e: Event) => {
    e.preventDefault()
    const form = e.currentTarget as HTMLFormElement
    const missing: Errors = {}
    if (!v.email.trim()) missing.email = 'Enter your email address.'
    if (!v.password) missing.password = 'Enter your password.'
    setErrors(missing)
    if (Object.keys(missing).length) return focusFirstError(form)
    setBusy(true)
    try {
      const r = await api<{ user: User }>(
        'POST',
        '/api/auth/login',
        { email: v.email.trim(), password: v.password },
        { redirectOn401: false },
      )
      onSignedIn(r.user, next)
    } catch (err) {
      const invalid = err instanceof ApiError && err.code === 'invalid_credentials'
      setErrors(
        invalid
          ? { form: 'That email and password do not match an account. Check both and try again.' }
          : apiErrors(err),
      )
      focusFirstError(form)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="auth-form" onSubmit={submit} noValidate aria-labelledby="login-title">
      <FormError text={errors.form} />
      <Field
        id="login-email"
        label="Email"
        type="email"
        value={v.email}
        error={errors.email}
        autocomplete="email"
        required
        onInput={(x) => setV({ ...v, email: x })}
      />
      <Field
        id="login-password"
        label="Password"
        type="password"
        value={v.password}
        error={errors.password}
        autocomplete="current-password"
        required
        onInput={(x) => setV({ ...v, password: x })}
      />
      <button type="submit" class="primary" disabled={busy}>
        Log in
      </button>
    </form>
  )
}
