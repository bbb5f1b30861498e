// Site navigation: Labs, Instructor (for instructors), Account, Log out; or Log in / Sign up.

import { useState } from 'preact/hooks'
import { api } from '../api'
import type { User } from '../types'

interface Props {
  user: User | null
  path: string
  onLogout: () => void
}

function NavLink(props: { href: string; path: string; children: string }) {
  const current = props.path === props.href || props.path.startsWith(props.href + '/')
  return (
    <a href={props.href} aria-current={current ? 'page' : undefined}>
      {props.children}
    </a>
  )
}

export function Nav({ user, path, onLogout }: Props) {
  const [busy, setBusy] = useState(false)
  const logout = async () => {
    setBusy(true)
    try {
      await api('POST', '/api/auth/logout', {}, { redirectOn401: false })
    } catch {
      // the session is gone either way once the cookie is cleared or expired
    }
    setBusy(false)
    onLogout()
  }
  return (
    <header class="site-header">
      <a class="brand" href={user ? '/labs' : '/'}>
        <img src="/favicon.svg" alt="" width="24" height="24" />
        Service Lab
      </a>
      <nav aria-label="Main">
        {user ? (
          <ul>
            <li>
              <NavLink href="/labs" path={path}>
                Labs
              </NavLink>
            </li>
            {user.role === 'instructor' && (
              <li>
                <NavLink href="/instructor" path={path}>
                  Instructor
                </NavLink>
              </li>
            )}
            <li>
              <NavLink href="/account" path={path}>
                Account
              </NavLink>
            </li>
            <li>
              <button type="button" class="link-button" onClick={logout} disabled={busy}>
                Log out
              </button>
            </li>
          </ul>
        ) : (
          <ul>
            <li>
              <NavLink href="/login" path={path}>
                Log in
              </NavLink>
            </li>
            <li>
              <NavLink href="/signup" path={path}>
                Sign up
              </NavLink>
            </li>
          </ul>
        )}
      </nav>
    </header>
  )
}
