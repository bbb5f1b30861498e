// A labelled input with its error beside it, announced and linked by aria-describedby.

import { NEW_PASSWORD_HINT } from '../pages/password-rules'

interface Props {
  id: string
  label: string
  type?: string
  value: string
  error?: string
  autocomplete?: string
  hint?: string
  required?: boolean
  onInput: (value: string) => void
}

export function Field(p: Props) {
  const errorId = `${p.id}-error`
  const hintId = `${p.id}-hint`
  const describedBy = [p.hint ? hintId : '', p.error ? errorId : ''].filter(Boolean).join(' ')
  return (
    <div class={p.error ? 'field field-invalid' : 'field'}>
      <label for={p.id}>{p.label}</label>
      {p.hint && (
        <p class="field-hint" id={hintId}>
          {p.hint}
        </p>
      )}
      <input
        id={p.id}
        name={p.id}
        type={p.type ?? 'text'}
        value={p.value}
        autoComplete={p.autocomplete}
        aria-required={p.required ? 'true' : undefined}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(e) => p.onInput((e.currentTarget as HTMLInputElement).value)}
      />
      {p.error && (
        <p class="field-error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {p.error}
        </p>
      )}
    </div>
  )
}

type NewPasswordProps = Pick<Props, 'id' | 'label' | 'value' | 'error' | 'onInput'>

/** The field of every form that sets a password: sign-up, the account's change, a reset. */
export function NewPasswordField(p: NewPasswordProps) {
  return (
    <Field {...p} type="password" hint={NEW_PASSWORD_HINT} autocomplete="new-password" required />
  )
}
