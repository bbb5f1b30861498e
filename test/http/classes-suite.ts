// Instructor routes: who may do what (the authorization matrix), join codes, progress, CSV.
import { describe, expect, it } from 'vitest'
import { Client, type Fetch } from './client'

export const INSTRUCTOR_CODE = 'test-instructor-code'

export function classesSuite(fetch: Fetch) {
  async function people() {
    const owner = new Client(fetch)
    expect((await owner.signup('Olga Owner', { instructorCode: INSTRUCTOR_CODE })).body.user.role).toBe('instructor')
    const otherInstructor = new Client(fetch)
    await otherInstructor.signup('Ivan Other', { instructorCode: INSTRUCTOR_CODE })
    const member = new Client(fetch)
    const m = await member.signup('Mia Member')
    const outsider = new Client(fetch)
    await outsider.signup('Nils Outsider')
    const anonymous = new Client(fetch)
    const made = await owner.post('/api/classes', { name: 'Services 101' })
    expect(made.status).toBe(201)
    const cls = made.body.class as { id: string; name: string; joinCode: string }
    expect((await member.post('/api/classes/join', { joinCode: cls.joinCode })).status).toBe(200)
    return { owner, otherInstructor, member, outsider, anonymous, cls, memberId: m.body.user.id as string }
  }

  describe('signup with an instructor code', () => {
    it('makes an instructor with the right code and answers 403 forbidden for a wrong one', async () => {
      const ok = await new Client(fetch).signup('Teacher', { instructorCode: INSTRUCTOR_CODE })
      expect(ok.status).toBe(201)
      expect(ok.body.user.role).toBe('instructor')
      const wrong = await new Client(fetch).signup('Pretender', { instructorCode: 'guess' })
      expect(wrong.status).toBe(403)
      expect(wrong.body.error.code).toBe('forbidden')
    })
  })

  describe('POST /api/classes', () => {
    it('gives a short unambiguous join code to an instructor, 403 to a learner, 401 to nobody', async () => {
      const { cls, member, anonymous } = await people()
      expect(cls.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
      const learner = await member.post('/api/classes', { name: 'Mine' })
      expect(learner.status).toBe(403)
      expect(learner.body.error.code).toBe('forbidden')
      expect((await anonymous.post('/api/classes', { name: 'X' })).status).toBe(401)
    })
  })

  describe('the authorization matrix', () => {
    it('lets only the owning instructor read or change a class', async () => {
      const p = await people()
      const base = `/api/classes/${p.cls.id}`
      const routes: [string, string][] = [
        ['GET', `${base}/progress`],
        ['GET', `${base}/progress.csv`],
        ['GET', `${base}/insights`],
        ['GET', `${base}/learners/${p.memberId}/labs/playground/history`],
        ['POST', `${base}/join-code`],
      ]
      for (const [method, path] of routes) {
        expect((await p.owner.call(method, path)).status, `owner ${method} ${path}`).toBe(200)
        for (const [who, c] of [['other instructor', p.otherInstructor], ['member', p.member], ['outsider', p.outsider]] as const) {
          const r = await c.call(method, path)
          expect(r.status, `${who} ${method} ${path}`).toBe(404)
          expect(r.body.error.code).toBe('not_found')
        }
        expect((await p.anonymous.call(method, path)).status, `anonymous ${method} ${path}`).toBe(401)
      }
      // a member may remove only themself (leaving: below)
      for (const c of [p.otherInstructor, p.outsider]) {
        expect((await c.call('DELETE', `${base}/members/${p.memberId}`)).status).toBe(404)
      }
      expect((await p.anonymous.call('DELETE', `${base}/members/${p.memberId}`)).status).toBe(401)
      expect((await p.owner.call('DELETE', `${base}/members/${p.memberId}`)).status).toBe(204)
      expect((await p.owner.call('DELETE', `${base}/members/${p.memberId}`)).status).toBe(404)
    })

    it('lists owned classes to instructors and joined classes to learners', async () => {
      const p = await people()
      const own = await p.owner.get('/api/classes')
      expect(own.body.classes).toEqual([{ id: p.cls.id, name: 'Services 101', joinCode: p.cls.joinCode }])
      expect((await p.otherInstructor.get('/api/classes')).body.classes).toEqual([])
      expect((await p.member.get('/api/classes')).body.classes).toEqual([{ id: p.cls.id, name: 'Services 101' }])
      expect((await p.outsider.get('/api/classes')).body.classes).toEqual([])
      expect((await p.anonymous.get('/api/classes')).status).toBe(401)
    })
  })

  describe('joining', () => {
    it('is harmless twice, 404 for an unknown code, accepts lower case and dashes', async () => {
      const p = await people()
      const again = await p.member.post('/api/classes/join', { joinCode: p.cls.joinCode.toLowerCase() })
      expect(again.status).toBe(200)
      expect(again.body.class).toEqual({ id: p.cls.id, name: 'Services 101' })
      const progress = await p.owner.get(`/api/classes/${p.cls.id}/progress`)
      expect(progress.body.learners).toHaveLength(1)
      const unknown = await p.outsider.post('/api/classes/join', { joinCode: 'ZZZZ-ZZZZ' })
      expect(unknown.status).toBe(404)
      expect(unknown.body.error.code).toBe('not_found')
      expect(unknown.body.error.message).toBe(
        'No class has that join code. Check it with your instructor: it may have been replaced by a new one.',
      )
    })

    it('lets a learner leave a class: the instructor no longer sees them, and they may join again', async () => {
      const p = await people()
      const leave = `/api/classes/${p.cls.id}/members/${p.memberId}`
      expect((await p.outsider.call('DELETE', leave)).status).toBe(404)
      const other = new Client(fetch)
      const otherId = (await other.signup('Otto Other')).body.user.id as string
      await other.post('/api/classes/join', { joinCode: p.cls.joinCode })
      // one member cannot remove another
      expect((await p.member.call('DELETE', `/api/classes/${p.cls.id}/members/${otherId}`)).status).toBe(404)
      expect((await p.member.call('DELETE', leave)).status).toBe(204)
      expect((await p.member.get('/api/classes')).body.classes).toEqual([])
      const left = (await p.owner.get(`/api/classes/${p.cls.id}/progress`)).body.learners
      expect(left.map((l: any) => l.id)).toEqual([otherId])
      const again = await p.member.call('DELETE', leave)
      expect(again.status).toBe(404)
      expect(again.body.error.code).toBe('not_found')
      expect((await p.member.post('/api/classes/join', { joinCode: p.cls.joinCode })).status).toBe(200)
      expect((await p.owner.get(`/api/classes/${p.cls.id}/progress`)).body.learners).toHaveLength(2)
    })

    it('rotating the join code retires the old one', async () => {
      const p = await people()
      const rotated = await p.owner.post(`/api/classes/${p.cls.id}/join-code`)
      expect(rotated.body.class.joinCode).not.toBe(p.cls.joinCode)
      expect((await p.outsider.post('/api/classes/join', { joinCode: p.cls.joinCode })).status).toBe(404)
      expect((await p.outsider.post('/api/classes/join', { joinCode: rotated.body.class.joinCode })).status).toBe(200)
    })
  })

  describe('progress', () => {
    it("shows each member's labs with commands and their history to the owner", async () => {
      const p = await people()
      const cluster = await p.member.openCluster('playground')
      await p.member.run(cluster, 'kubectl get nodes')
      await p.member.run(cluster, 'kubectl get pods')
      const r = await p.owner.get(`/api/classes/${p.cls.id}/progress`)
      expect(r.body.class).toMatchObject({ id: p.cls.id, name: 'Services 101' })
      const mia = r.body.learners.find((l: any) => l.id === p.memberId)
      expect(mia).toMatchObject({ name: 'Mia Member', labs: { playground: { commands: 2, tasksDone: [] } } })
      expect(typeof mia.labs.playground.lastActivityAt).toBe('number')
      const h = await p.owner.get(`/api/classes/${p.cls.id}/learners/${p.memberId}/labs/playground/history`)
      expect(h.body.history.map((x: any) => x.command)).toEqual(['kubectl get nodes', 'kubectl get pods'])
      expect(h.body.history[0]).toMatchObject({ exitCode: 0, stderr: '', tasksCompleted: [] })
      expect(h.body.history[0].stdout).toMatch(/^NAME +STATUS/)
    })

    it('counts mistakes in insights, but not a failure the lab asked for', async () => {
      const p = await people()
      const cluster = await p.member.openCluster('pod-ips')
      const ip = "$(kubectl get pods -l app=nginx-1.0 -o jsonpath='{.items[0].status.podIP}')"
      const asked = await p.member.run(cluster, `curl --connect-timeout 5 ${ip}`)
      expect(asked.body.newlyCompleted).toContain('outside-fails')
      const none = await p.owner.get(`/api/classes/${p.cls.id}/insights`)
      expect(none.body.misconceptions).toEqual([])
      await p.member.run(cluster, `curl --connect-timeout 5 ${ip}`)
      const once = await p.owner.get(`/api/classes/${p.cls.id}/insights`)
      expect(once.body.misconceptions).toEqual([
        expect.objectContaining({ id: 'clusterip-from-outside', learners: 1, occurrences: 1 }),
      ])
      expect(once.body.misconceptions[0].example.command).toContain('curl --connect-timeout 5')
    })

    it('exports CSV with a header row and cells that cannot become formulas', async () => {
      const owner = new Client(fetch)
      await owner.signup('Olga', { instructorCode: INSTRUCTOR_CODE })
      const cls = (await owner.post('/api/classes', { name: 'CSV class' })).body.class
      const learner = new Client(fetch)
      await learner.signup('=HYPERLINK("http://x","y"), "quoted"\nname')
      await learner.post('/api/classes/join', { joinCode: cls.joinCode })
      const r = await owner.get(`/api/classes/${cls.id}/progress.csv`)
      expect(r.status).toBe(200)
      expect(r.headers.get('content-type')).toMatch(/^text\/csv/)
      const text = r.body as string
      expect(text.split('\r\n')[0]).toBe('learner,email,lab,tasks_done,tasks_total,completed_at,last_activity_at,commands,time_spent_seconds')
      expect(text).toContain(`"'=HYPERLINK(""http://x"",""y""), ""quoted""\nname"`)
      expect(text).not.toMatch(/(^|,)=/m)
    })
  })
}
