// A password reset code works for a day (worker/http/password.ts), on the app's clock.
import { beforeAll, expect, it } from 'vitest'
import { RESET_CODE_TTL_MS } from '../../worker/http/password'
import { INSTRUCTOR_CODE } from '../http/classes-suite'
import { Client } from '../http/client'
import { nodeApp } from './node-app'

let now = Date.UTC(2026, 11, 1)
const { app, migrate } = nodeApp({ instructorCode: INSTRUCTOR_CODE, now: () => now })
beforeAll(migrate)
const client = () => new Client(async (req) => app.fetch(req))

it('a reset code no longer works a day after it was made', async () => {
  const owner = client()
  await owner.signup('Olga Owner', { instructorCode: INSTRUCTOR_CODE })
  const learner = client()
  const s = await learner.signup('Lea Learner')
  const cls = (await owner.post('/api/classes', { name: 'C' })).body.class
  await learner.post('/api/classes/join', { joinCode: cls.joinCode })
  const url = `/api/classes/${cls.id}/members/${s.body.user.id}/reset-code`
  const reset = (code: string) =>
    client().post('/api/auth/reset', { email: s.email, code, newPassword: 'fresh password' })

  const late = (await owner.post(url)).body.code as string
  now += RESET_CODE_TTL_MS
  expect((await reset(late)).status).toBe(400)
  const inTime = (await owner.post(url)).body.code as string
  now += RESET_CODE_TTL_MS - 1000
  expect((await reset(inTime)).status).toBe(200)
})
