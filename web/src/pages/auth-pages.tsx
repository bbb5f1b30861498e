import { useTitle } from '../components/use-title'
import { safeNext, useLocation } from '../router'
import type { User } from '../types'
import { LoginForm, SignupForm } from './auth-forms'

interface Props {
  onSignedIn: (user: User, next: string) => void
}

function withNext(path: string, next: string): string {
  return next === '/labs' ? path : `${path}?next=${encodeURIComponent(next)}`
}

export function LoginPage({ onSignedIn }: Props) {
  useTitle('Log in')
  const next = safeNext(useLocation().query.get('next'))
  return (
    <section class="narrow">
      <h1 id="login-title">Log in</h1>
      {next !== '/labs' && <p>Log in to continue where you were.</p>}
      <LoginForm next={next} onSignedIn={onSignedIn} />
      <p>
        <a href="/reset-password">Forgot your password?</a>
      </p>
      <p>
        New here? <a href={withNext('/signup', next)}>Create an account</a>.
      </p>
    </section>
  )
}

export function SignupPage({ onSignedIn }: Props) {
  useTitle('Sign up')
  const next = safeNext(useLocation().query.get('next'))
  return (
    <section class="narrow">
      <h1 id="signup-title">Sign up</h1>
      <p>Create a free account to get your own practice cluster.</p>
      <SignupForm next={next} onSignedIn={onSignedIn} />
      <p>
        Already have an account? <a href={withNext('/login', next)}>Log in</a>.
      </p>
    </section>
  )
}
