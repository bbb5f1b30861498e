// The instructor's area: routes /instructor, a class, a learner in a lab, and a class's insights.

import { useTitle } from '../components/use-title'
import type { User } from '../types'
import { LabEditor } from '../authoring/lab-editor'
import { LabsPage } from '../authoring/labs-page'
import '../authoring/authoring.css'
import { ClassPage } from './class-page'
import { Dashboard } from './dashboard'
import { InsightsPage } from './insights-page'
import { TimelinePage } from './timeline-page'
import { instructorRoute } from './routes'
import './instructor.css'

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
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no such instructor page. <a href="/instructor">Go to the dashboard</a>.
      </p>
    </>
  )
}

export function InstructorApp({ user, path }: { user: User; path: string }) {
  if (user.role !== 'instructor') return <NotInstructor />
  const r = instructorRoute(path)
  if (r.page === 'dashboard') return <Dashboard />
  if (r.page === 'labs') return <LabsPage />
  if (r.page === 'lab') return <LabEditor key={r.labId} labId={r.labId} />
  if (r.page === 'class') return <ClassPage key={r.classId} classId={r.classId} />
  if (r.page === 'insights') return <InsightsPage key={r.classId} classId={r.classId} />
  if (r.page === 'timeline')
    return <TimelinePage key={path} classId={r.classId} userId={r.userId} labId={r.labId} />
  return <NoSuchPage />
}
