// Sub-routes of /instructor: the dashboard, a class, a class's insights, a learner in a lab.

export type InstructorRoute =
  | { page: 'dashboard' }
  | { page: 'class'; classId: string }
  | { page: 'insights'; classId: string }
  | { page: 'timeline'; classId: string; userId: string; labId: string }
  | { page: 'labs' }
  | { page: 'lab'; labId: string }
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
  if (p === '/instructor/labs') return { page: 'labs' }
  let m = new RegExp(`^/instructor/labs/${SEG}$`).exec(p)
  if (m) return { page: 'lab', labId: dec(m[1]) }
  m = new RegExp(`^/instructor/classes/${SEG}$`).exec(p)
  if (m) return { page: 'class', classId: dec(m[1]) }
  m = new RegExp(`^/instructor/classes/${SEG}/insights$`).exec(p)
  if (m) return { page: 'insights', classId: dec(m[1]) }
  m = new RegExp(`^/instructor/classes/${SEG}/learners/${SEG}/labs/${SEG}$`).exec(p)
  if (m) return { page: 'timeline', classId: dec(m[1]), userId: dec(m[2]), labId: dec(m[3]) }
  return { page: 'not-found' }
}
