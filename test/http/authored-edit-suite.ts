// What instructors run into while writing a lab: two tabs saving the same lab, and the messages
// for the mistakes they make most.
import { describe, expect, it } from 'vitest'
import { cast, publish, webLab } from './authored-fixture'
import type { Fetch } from './client'

export function authoredEditSuite(fetch: Fetch) {
  describe('editing a lab', { timeout: 30_000 }, () => {
    it('refuses a save made from a version another tab has replaced, and keeps that tab’s work', async () => {
      const p = await cast(fetch)
      const url = `/api/authored-labs/${p.labId}`
      const first = { ...webLab(), title: 'Saved in the first tab' }
      const saved = await p.author.call('PUT', `${url}?version=1`, first)
      expect(saved.status, JSON.stringify(saved.body)).toBe(200)
      expect(saved.body.lab.version).toBe(2)
      const stale = await p.author.call('PUT', `${url}?version=1`, {
        ...webLab(),
        title: 'Saved in the second tab',
      })
      expect(stale.status).toBe(409)
      expect(stale.body.error.code).toBe('conflict')
      const now = await p.author.get(url)
      expect(now.body.lab).toMatchObject({ version: 2, title: 'Saved in the first tab' })
      const fresh = await p.author.call('PUT', `${url}?version=2`, webLab())
      expect(fresh.body.lab.version).toBe(3)
      const bad = await p.author.call('PUT', `${url}?version=two`, webLab())
      expect(bad.status).toBe(400)
      expect(bad.body.error).toMatchObject({ code: 'invalid_input', field: 'version' })
    })

    it('a learner who finished a version is not complete in one that adds a task, until they do it', async () => {
      const p = await cast(fetch)
      await publish(p)
      const cluster = await p.member.openCluster(p.labId)
      await p.member.run(cluster, 'kubectl get endpoints web')
      const done = await p.member.run(cluster, 'kubectl exec client -- curl -s web:8080')
      expect(typeof done.body.completedAt).toBe('number')
      const v2 = webLab()
      v2.tasks.push({
        id: 'scale',
        title: 'Scale web to 3',
        hints: [],
        check: { pods: { selector: { app: 'web' }, atLeast: 3 } } as any,
      })
      v2.solution.push('kubectl scale deployment web --replicas=3')
      await p.author.call('PUT', `/api/authored-labs/${p.labId}`, v2)
      await publish(p)

      const matrix = async () =>
        (await p.author.get(`/api/classes/${p.cls.id}/progress`)).body.learners.find(
          (l: any) => l.id === p.memberId,
        ).labs[p.labId]
      expect(await matrix()).toMatchObject({
        tasksDone: ['see-endpoints', 'curl-web'],
        completedAt: null,
      })
      const csv = (await p.author.get(`/api/classes/${p.cls.id}/progress.csv`)).body as string
      expect(csv).toContain(`,${p.labId},2,3,,`)
      expect((await p.member.get(`/api/labs/${p.labId}`)).body.lab.completedAt).toBeNull()
      expect((await p.member.run(cluster, 'kubectl get pods')).body.completedAt).toBeNull()

      const last = await p.member.run(cluster, 'kubectl scale deployment web --replicas=3')
      expect(last.body.newlyCompleted).toEqual(['scale'])
      expect(typeof last.body.completedAt).toBe('number')
      expect(typeof (await matrix()).completedAt).toBe('number')
    })
  })
}
