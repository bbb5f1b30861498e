// A password reset is one batch (worker/http/password.ts): when any of its writes fails, none is
// kept, so the account is never left with a new password and the old sessions still open.
import { beforeAll, expect, it } from 'vitest'
import { INSTRUCTOR_CODE } from '../http/classes-suite'
import { Client } from '../http/client'
import { nodeApp } from './node-app'

const { app, db, migrate } = nodeApp({ instructorCode: INSTRUCTOR_CODE })
beforeAll(migrate)
const client = () => new Client(async (req) => app.fetch(req))

it('a reset that fails part way changes nothing: the old password and sessions still work', async () => {
  const owner = client()
  await owner.signup('Olga Owner', { instructorCode: INSTRUCTOR_CODE })
  const learner = client()
  const s = await learner.signup('Lea Learner')
  const cls = (await owner.post('/api/classes', { name: 'C' })).body.class
  await learner.post('/api/classes/join', { joinCode: cls.joinCode })
  const { code } = (await owner.post(`/api/classes/${cls.id}/members/${s.body.user.id}/reset-code`))
    .body as { code: string }

  // the database refuses the reset's last write (the new session)
  await db.execute(
    `CREATE TRIGGER refuse_session BEFORE INSERT ON sessions BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
  )
  try {
    const r = await client().post('/api/auth/reset', {
      email: s.email,
      code,
      newPassword: 'a new password',
    })
    expect(r.status).toBe(500)
  } finally {
    await db.execute('DROP TRIGGER refuse_session')
  }
  expect((await learner.get('/api/me')).status).toBe(200)
  expect(
    (await client().post('/api/auth/login', { email: s.email, password: s.password })).status,
  ).toBe(200)
  expect(
    (await client().post('/api/auth/login', { email: s.email, password: 'a new password' })).status,
  ).toBe(401)
})
