import { RequestPicture } from '../components/request-picture'
import { useTitle } from '../components/use-title'
import type { User } from '../types'
import { SignupForm } from './auth-forms'

interface Props {
  onSignedIn: (user: User, next: string) => void
}

/** The page for visitors (app.tsx sends someone signed in to their labs instead). */
export function WelcomePage({ onSignedIn }: Props) {
  useTitle('Learn Kubernetes Services')
  return (
    <div class="welcome">
      <section class="welcome-intro" aria-labelledby="welcome-title">
        <h1 id="welcome-title">Learn Kubernetes Services by doing</h1>
        <p class="lead">
          Service Lab gives you a private, simulated Kubernetes cluster in your browser, where you
          apply YAML, run kubectl and curl a Service exactly as you would on a real one. Guided labs
          check your work as you go and show each request travelling from the client through the
          Service to the pod that answers.
        </p>
        <RequestPicture />
      </section>
      <section class="welcome-form" aria-labelledby="signup-title">
        <h2 id="signup-title">Create your account</h2>
        <SignupForm next="/labs" onSignedIn={onSignedIn} />
        <p>
          Already have an account? <a href="/login">Log in</a>.
        </p>
      </section>
    </div>
  )
}
