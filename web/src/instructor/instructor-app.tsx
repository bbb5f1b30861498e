// The instructor's area: routes /instructor, a class, a learner in a lab, and a class's insights.

import { useTitle } from '../components/use-title'
import type { User } from '../types'
import { ClassPage } from './class-page'
import { Dashboard } from './dashboard'
import { InsightsPage } from './insights-page'
import { TimelinePage } from './timeline-page'
import './instructor.css'

export type InstructorRoute =
  | { page: 'dashboard' }
  | { page: 'class'; classId: string }
  | { page: 'insights'; classId: string }
  | { page: 'timeline'; classId: string; userId: string; labId: string }
  | { page: 'not-found' }

const SEG = '([^/]+)'

/** Which instructor page a path names; ids are URL-decoded. */
export function instructorRoute(path: string): InstructorRoute {
  const p = path.replace(/\/+$/, '')
  if (p === '/instructor') return { page: 'dashboard' }
  const dec = (s: string | undefined) => {
    try {
      return decodeURIComponent(s ?? '')
    } catch {
      return ''
    }
  }
  let m = new RegExp(`^/instructor/classes/${SEG}$`).exec(p)
  if (m) return { page: 'class', classId: dec(m[1]) }
  m = new RegExp(`^/instructor/classes/${SEG}/insights$`).exec(p)
  if (m) return { page: 'insights', classId: dec(m[1]) }
  m = new RegExp(`^/instructor/classes/${SEG}/learners/${SEG}/labs/${SEG}$`).exec(p)
  if (m) return { page: 'timeline', classId: dec(m[1]), userId: dec(m[2]), labId: dec(m[3]) }
  return { page: 'not-found' }
}

function NotInstructor() {
  useTitle('Instructor dashboard')
  return (
    <>
      <h1>Instructor dashboard</h1>
      <p>
        This page is for instructors. To become one, sign up with the instructor code your
        organisation gave you. <a href="/labs">Go to your labs</a>.
      </p>
    </>
  )
}

function NoSuchPage() {
  useTitle('Page not found')
  return <NoSuchPage />
}

export function InstructorApp({ user, path }: { user: User; path: string }) {
  if (user.role !== 'instructor') return <NotInstructor />
  const r = instructorRoute(path)
  if (r.page === 'dashboard') return <Dashboard />
  if (r.page === 'class') return <ClassPage key={r.classId} classId={r.classId} />
  if (r.page === 'insights') return <InsightsPage key={r.classId} classId={r.classId} />
  if (r.page === 'timeline')
    return <TimelinePage key={path} classId={r.classId} userId={r.userId} labId={r.labId} />
  return <NoSuchPage />
}
