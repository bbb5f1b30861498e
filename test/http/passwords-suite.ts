// Passwords after signup: a learner changes theirs; a learner who forgot theirs gets a one-time
// reset code from their class's instructor and sets a new one on the login page.
import { describe, expect, it } from 'vitest'
import { INSTRUCTOR_CODE } from './classes-suite'
import { Client, type Fetch } from './client'

export function passwordsSuite(fetch: Fetch) {
  const login = (email: string, password: string) =>
    new Client(fetch).post('/api/auth/login', { email, password })

  describe('POST /api/auth/password', () => {
    it('changes the password after the current one, and ends the other sessions', async () => {
      const me = new Client(fetch)
      const { email, password } = await me.signup('Pia Pass')
      const otherTab = new Client(fetch)
      expect((await otherTab.post('/api/auth/login', { email, password })).status).toBe(200)

      const wrong = await me.post('/api/auth/password', {
        currentPassword: 'nope',
        newPassword: 'a new secret',
      })
      expect(wrong.status).toBe(401)
      expect(wrong.body.error).toMatchObject({
        code: 'invalid_credentials',
        field: 'currentPassword',
      })
      const short = await me.post('/api/auth/password', {
        currentPassword: password,
        newPassword: 'short',
      })
      expect(short.status).toBe(400)
      expect(short.body.error.code).toBe('invalid_input')

      const ok = await me.post('/api/auth/password', {
        currentPassword: password,
        newPassword: 'a new secret',
      })
      expect(ok.status).toBe(204)
      expect((await me.get('/api/me')).status).toBe(200)
      expect((await otherTab.get('/api/me')).status).toBe(401)
      expect((await login(email, password)).status).toBe(401)
      expect((await login(email, 'a new secret')).status).toBe(200)
    })

    it('needs a session', async () => {
      const r = await new Client(fetch).post('/api/auth/password', {
        currentPassword: 'x',
        newPassword: 'y'.repeat(8),
      })
      expect(r.status).toBe(401)
    })
  })

  describe('reset codes', () => {
    async function classWithLearner() {
      const owner = new Client(fetch)
      await owner.signup('Olga Owner', { instructorCode: INSTRUCTOR_CODE })
      const otherInstructor = new Client(fetch)
      await otherInstructor.signup('Ivan Other', { instructorCode: INSTRUCTOR_CODE })
      const learner = new Client(fetch)
      const s = await learner.signup('Lea Learner')
      const outsider = new Client(fetch)
      const o = await outsider.signup('Nils Outsider')
      const cls = (await owner.post('/api/classes', { name: 'Services 101' })).body.class
      expect((await learner.post('/api/classes/join', { joinCode: cls.joinCode })).status).toBe(200)
      const url = (userId: string) => `/api/classes/${cls.id}/members/${userId}/reset-code`
      return {
        owner,
        otherInstructor,
        learner,
        outsider,
        email: s.email,
        password: s.password,
        learnerId: s.body.user.id as string,
        outsiderId: o.body.user.id as string,
        url,
      }
    }

    it("a class's instructor makes one for a learner of it; nobody else can", async () => {
      const p = await classWithLearner()
      const made = await p.owner.post(p.url(p.learnerId))
      expect(made.status).toBe(201)
      expect(made.body.code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/)
      expect(Date.parse(made.body.expiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000)
      expect(made.body.learner).toMatchObject({ id: p.learnerId, name: 'Lea Learner' })
      // another instructor, the learner, someone not in the class: all the same 404
      expect((await p.otherInstructor.post(p.url(p.learnerId))).status).toBe(404)
      expect((await p.learner.post(p.url(p.learnerId))).status).toBe(404)
      expect((await p.owner.post(p.url(p.outsiderId))).status).toBe(404)
      expect((await new Client(fetch).post(p.url(p.learnerId))).status).toBe(401)
    })

    it('sets a new password once, signs the learner in, and ends their other sessions', async () => {
      const p = await classWithLearner()
      // a kubeconfig the learner downloaded before
      const cluster = (await p.learner.post('/api/labs/playground/cluster', {})).body.cluster
        .id as string
      const conf = (await p.learner.get(`/api/clusters/${cluster}/kubeconfig`)).body as string
      const token = /token: (\S+)/.exec(conf)![1]!
      const kubeGet = () =>
        fetch(
          new Request(`http://lab.test/k8s/clusters/${cluster}/api/v1/namespaces/default/pods`, {
            headers: { authorization: `Bearer ${token}` },
          }),
        )
      expect((await kubeGet()).status).toBe(200)
      const { code } = (await p.owner.post(p.url(p.learnerId))).body as { code: string }
      const forgetful = new Client(fetch)
      // typed as a learner may: lower case, without the dashes
      const typed = code.toLowerCase().replace(/-/g, '')
      const r = await forgetful.post('/api/auth/reset', {
        email: p.email.toUpperCase(),
        code: typed,
        newPassword: 'remembered now',
      })
      expect(r.status).toBe(200)
      expect(r.body.user).toMatchObject({ id: p.learnerId })
      expect((await forgetful.get('/api/me')).status).toBe(200)
      expect((await p.learner.get('/api/me')).status).toBe(401)
      // and its kubeconfig no longer opens the cluster
      expect((await kubeGet()).status).toBe(401)
      expect((await login(p.email, p.password)).status).toBe(401)
      expect((await login(p.email, 'remembered now')).status).toBe(200)
      // used once
      const again = await new Client(fetch).post('/api/auth/reset', {
        email: p.email,
        code,
        newPassword: 'and again!',
      })
      expect(again.status).toBe(400)
      expect(again.body.error).toMatchObject({ code: 'invalid_reset_code', field: 'code' })
    })

    it('a new code replaces the old one; a code opens only its own account', async () => {
      const p = await classWithLearner()
      const first = (await p.owner.post(p.url(p.learnerId))).body.code as string
      const second = (await p.owner.post(p.url(p.learnerId))).body.code as string
      const reset = (email: string, code: string) =>
        new Client(fetch).post('/api/auth/reset', { email, code, newPassword: 'brand new one' })
      expect((await reset(p.email, first)).status).toBe(400)
      const someoneElse = await new Client(fetch).signup('Eve Else')
      expect((await reset(someoneElse.email, second)).status).toBe(400)
      expect((await reset(p.email, second)).status).toBe(200)
    })

    it('wrong codes are limited as logins are (429 after 5 for one email)', async () => {
      const p = await classWithLearner()
      const reset = () =>
        new Client(fetch).post('/api/auth/reset', {
          email: p.email,
          code: 'AAAA-BBBB-CCCC',
          newPassword: 'whatever it is',
        })
      for (let i = 0; i < 5; i++) expect((await reset()).status).toBe(400)
      const locked = await reset()
      expect(locked.status).toBe(429)
      expect(locked.headers.get('retry-after')).toMatch(/^\d+$/)
    })
  })
}
