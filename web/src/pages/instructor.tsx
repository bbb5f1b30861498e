// Placeholder for the instructor pages (issue 7); the instructor engineer owns this file.

import { useTitle } from '../components/use-title'
import type { User } from '../types'

export function InstructorPage({ user }: { user: User; path: string }) {
  useTitle('Instructor dashboard')
  return (
    <section>
      <h1>Instructor dashboard</h1>
      {user.role === 'instructor' ? (
        <p>Your classes and their progress will appear here.</p>
      ) : (
        <p>
          This page is for instructors. <a href="/labs">Go to your labs</a>.
        </p>
      )}
    </section>
  )
}
