// The shell: who is signed in, the navigation, and which page the path shows.

import { useEffect, useState } from 'preact/hooks'
import { api, setUnauthenticatedHandler } from './api'
import { ChunkFailure, PAGE_CHUNK_RETRY, useLazyChunk } from './components/lazy-chunk'
import { lazyChunk } from './lazy-import'
import { Nav } from './components/nav'
import { navigate, useLocation } from './router'
import type { User } from './types'
import { WelcomePage } from './pages/welcome'
import { LoginPage, SignupPage } from './pages/auth-pages'
import { LabsPage } from './pages/labs'
import { NotFoundPage } from './pages/not-found'
import { InstructorPage } from './pages/instructor'
import { AccountPage, ResetPasswordPage } from './pages/password-pages'

/** The lab page (and with it CodeMirror) is loaded only when a lab is opened. */
const labChunk = lazyChunk(() => import('./lab/lab-page'), PAGE_CHUNK_RETRY)

function LazyLab(props: { labId: string; user: User }) {
  const { value, error } = useLazyChunk(labChunk)
  if (error) return <ChunkFailure what="The lab page" error={error} />
  if (!value) return <p class="loading">Loading the lab…</p>
  return <value.LabPage {...props} />
}

/** Where `/` takes someone signed in: instructors to their classes, learners to their labs. */
function homeOf(user: User): string {
  return user.role === 'instructor' ? '/instructor' : '/labs'
}

function needsLogin(path: string): boolean {
  return (
    path === '/labs' ||
    path.startsWith('/labs/') ||
    path.startsWith('/instructor') ||
    path === '/account'
  )
}

export function App() {
  const { path } = useLocation()
  const [user, setUser] = useState<User | null | undefined>(undefined)

  useEffect(() => {
    setUnauthenticatedHandler(() => setUser(null))
    api<{ user: User }>('GET', '/api/me', undefined, { redirectOn401: false })
      .then((r) => setUser(r.user))
      .catch(() => setUser(null))
  }, [])

  useEffect(() => {
    if (user === null && needsLogin(path)) {
      navigate(`/login?next=${encodeURIComponent(path + location.search)}`, { replace: true })
    }
    // the welcome is for visitors: a signed-in learner's home is their lab list (their progress)
    if (user && path === '/') navigate(homeOf(user), { replace: true })
  }, [user, path])

  const signedIn = (u: User, next: string) => {
    setUser(u)
    navigate(next)
  }
  const signedOut = () => {
    setUser(null)
    navigate('/')
  }

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <Nav user={user ?? null} path={path} onLogout={signedOut} />
      <main id="main" tabIndex={-1} class={path.startsWith('/labs/') ? 'main main-wide' : 'main'}>
        {user === undefined ? <p class="loading">Loading…</p> : route(path, user, signedIn)}
      </main>
    </>
  )
}

function route(path: string, user: User | null, signedIn: (u: User, next: string) => void) {
  if (path === '/')
    return user ? (
      <p class="loading">Taking you to your labs…</p>
    ) : (
      <WelcomePage onSignedIn={signedIn} />
    )
  if (path === '/login') return <LoginPage onSignedIn={signedIn} />
  if (path === '/signup') return <SignupPage onSignedIn={signedIn} />
  if (path === '/reset-password') return <ResetPasswordPage onSignedIn={signedIn} />
  if (!user)
    return needsLogin(path) ? <p class="loading">Taking you to log in…</p> : <NotFoundPage />
  if (path === '/labs' || path === '/labs/') return <LabsPage user={user} />
  if (path === '/account') return <AccountPage user={user} />
  const lab = /^\/labs\/([A-Za-z0-9_-]+)\/?$/.exec(path)
  if (lab?.[1]) return <LazyLab key={lab[1]} labId={lab[1]} user={user} />
  if (path === '/instructor' || path.startsWith('/instructor/'))
    return <InstructorPage user={user} path={path} />
  return <NotFoundPage />
}
