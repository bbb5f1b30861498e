// The instructor pages (issue 7), loaded only when an /instructor path is opened.

import type { ComponentType } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import type { User } from '../types'

type Props = { user: User; path: string }
let loaded: ComponentType<Props> | undefined

export function InstructorPage(props: Props) {
  const [Page, setPage] = useState<ComponentType<Props> | undefined>(() => loaded)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    if (Page) return
    import('../instructor/instructor-app')
      .then((m) => {
        loaded = m.InstructorApp
        setPage(() => m.InstructorApp)
      })
      .catch(() => setFailed(true))
  }, [Page])
  if (failed)
    return <p role="alert">The instructor pages could not be loaded. Please reload the page.</p>
  if (!Page) return <p class="loading">Loading…</p>
  return <Page {...props} />
}
