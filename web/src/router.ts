// History-API routing: one signal of the current path, links that navigate without reloading.

import { useEffect, useState } from 'preact/hooks'

type Listener = () => void
const listeners = new Set<Listener>()

function notify(): void {
  for (const l of listeners) l()
}

/** Goes to a path inside the app (pushState) and re-renders the routes. */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return notify()
  if (opts.replace) history.replaceState(null, '', to)
  else history.pushState(null, '', to)
  window.scrollTo(0, 0)
  notify()
}

window.addEventListener('popstate', notify)

/** The current location; re-renders on navigation. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const [, setTick] = useState(0)
  useEffect(() => {
    const l = () => setTick((t) => t + 1)
    listeners.add(l)
    return () => void listeners.delete(l)
  }, [])
  return { path: location.pathname, query: new URLSearchParams(location.search) }
}

/** A same-origin `next` target, so a crafted link cannot send the learner elsewhere after login. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
    return '/labs'
  return next
}

/** Intercepts clicks on plain same-origin links so they navigate without a page load. */
export function interceptLinks(root: HTMLElement): void {
  root.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
      return
    const a = (e.target as Element | null)?.closest?.('a')
    if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return
    if (a.pathname.startsWith('/api/')) return
    e.preventDefault()
    navigate(a.pathname + a.search)
  })
}
