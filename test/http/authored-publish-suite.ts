// Authored labs from proof to class: verify, publish, learners in and out of the class, progress
// in the instructor's views, new versions, unpublish, export and import.
import { describe, expect, it } from 'vitest'
import { Client, type Fetch } from './client'
import { kubeconfigOf, kubeFor } from './kube-api-helpers'
import { cast, publish, webLab } from './authored-fixture'

export function authoredPublishSuite(fetch: Fetch) {
  describe('verify and publish', { timeout: 30_000 }, () => {
    it('plays the solution and near misses command by command, and publishes only a proven version', async () => {
      const p = await cast(fetch)
      const early = await p.author.post(`/api/authored-labs/${p.labId}/publish`, {
        classIds: [p.cls.id],
      })
      expect(early.status).toBe(409)
      expect(early.body.error.code).toBe('not_verified')
      const v = await p.author.post(`/api/authored-labs/${p.labId}/verify`)
      expect(v.body.verification).toMatchObject({ ok: true, version: 1, problems: [] })
      expect(v.body.verification.solution.lines.map((l: any) => l.completed)).toEqual([
        ['see-endpoints'],
        ['curl-web'],
      ])
      expect(v.body.verification.nearMisses[0]).toMatchObject({
        title: 'curl from the workstation',
        ok: true,
        done: [],
      })
      expect(v.body.lab.verifiedVersion).toBe(1)

      const weak = {
        ...webLab(),
        solution: ['kubectl get endpoints web'],
        nearMisses: [
          {
            title: 'just look',
            leavesUndone: ['see-endpoints'],
            steps: ['kubectl get endpoints web'],
          },
        ],
      }
      expect(
        (await p.author.call('PUT', `/api/authored-labs/${p.labId}`, weak)).body.lab.version,
      ).toBe(2)
      const failed = await p.author.post(`/api/authored-labs/${p.labId}/verify`)
      expect(failed.body.verification.ok).toBe(false)
      expect(failed.body.verification.problems).toEqual([
        'The solution leaves curl-web undone.',
        'The near miss "just look" completes see-endpoints.',
      ])
      const refused = await p.author.post(`/api/authored-labs/${p.labId}/publish`, {
        classIds: [p.cls.id],
      })
      expect(refused.body.error.code).toBe('not_verified')
    })
  })

  describe('learners', { timeout: 30_000 }, () => {
    it('class members see and complete a published lab; it shows in the matrix, CSV, timeline; others get 404', async () => {
      const p = await cast(fetch)
      expect((await p.member.post(`/api/labs/${p.labId}/cluster`)).status).toBe(404)
      await publish(p)
      const list = await p.member.get('/api/labs')
      expect(list.body.labs.map((l: any) => l.id)).toContain(p.labId)
      expect((await p.outsider.get('/api/labs')).body.labs.map((l: any) => l.id)).not.toContain(
        p.labId,
      )
      expect((await p.outsider.post(`/api/labs/${p.labId}/cluster`)).status).toBe(404)
      expect((await p.outsider.get(`/api/labs/${p.labId}`)).status).toBe(404)
      expect((await p.otherInstructor.post(`/api/labs/${p.labId}/cluster`)).status).toBe(404)

      const cluster = await p.member.openCluster(p.labId)
      expect((await p.member.run(cluster, 'curl -s web:8080')).body.newlyCompleted).toEqual([])
      expect(
        (await p.member.run(cluster, 'kubectl get endpoints web')).body.newlyCompleted,
      ).toEqual(['see-endpoints'])
      const last = await p.member.run(cluster, 'kubectl exec client -- curl -s web:8080')
      expect(last.body.newlyCompleted).toEqual(['curl-web'])
      expect(typeof last.body.completedAt).toBe('number')

      const matrix = await p.author.get(`/api/classes/${p.cls.id}/progress`)
      expect(matrix.body.labs.find((l: any) => l.id === p.labId)).toMatchObject({
        title: 'Web behind a Service',
        tasks: [{ id: 'see-endpoints' }, { id: 'curl-web' }],
      })
      const mia = matrix.body.learners.find((l: any) => l.id === p.memberId)
      expect(mia.labs[p.labId].tasksDone.sort()).toEqual(['curl-web', 'see-endpoints'])
      const csv = await p.author.get(`/api/classes/${p.cls.id}/progress.csv`)
      expect(csv.body).toContain(`Mia Member,`)
      expect(csv.body).toMatch(new RegExp(`${p.labId},2,2,\\d{4}-`))
      const timeline = await p.author.get(
        `/api/classes/${p.cls.id}/learners/${p.memberId}/labs/${p.labId}/history`,
      )
      expect(timeline.body.history.map((h: any) => h.tasksCompleted)).toEqual([
        [],
        ['see-endpoints'],
        ['curl-web'],
      ])
      const insights = await p.author.get(`/api/classes/${p.cls.id}/insights`)
      expect(insights.body.misconceptions.map((m: any) => m.id)).toContain('clusterip-from-outside')
    })

    it('a new version reaches learners once published; their cluster and progress stay; unpublish keeps them in', async () => {
      const p = await cast(fetch)
      await publish(p)
      const cluster = await p.member.openCluster(p.labId)
      await p.member.run(cluster, 'kubectl get endpoints web')
      const v2 = webLab()
      v2.tasks.push({
        id: 'scale',
        title: 'Scale web to 3',
        hints: ['kubectl scale deployment web --replicas=3'],
        check: { pods: { selector: { app: 'web' }, atLeast: 3 } } as any,
      })
      v2.solution.push('kubectl scale deployment web --replicas=3')
      await p.author.call('PUT', `/api/authored-labs/${p.labId}`, v2)
      const before = await p.member.run(cluster, 'kubectl scale deployment web --replicas=3')
      expect(before.body.tasks.map((t: any) => t.id)).toEqual(['see-endpoints', 'curl-web'])
      await publish(p)
      const after = await p.member.run(cluster, 'kubectl get pods')
      expect(after.body.tasks).toEqual([
        { id: 'see-endpoints', title: 'See the endpoints of web', done: true },
        { id: 'curl-web', title: 'Reach web from the client pod', done: false },
        { id: 'scale', title: 'Scale web to 3', done: true },
      ])
      expect(await p.member.openCluster(p.labId)).toBe(cluster)

      expect(
        (await p.author.post(`/api/authored-labs/${p.labId}/unpublish`)).body.lab.published,
      ).toBe(false)
      const latecomer = new Client(fetch)
      await latecomer.signup('Lou Late')
      await latecomer.post('/api/classes/join', { joinCode: p.cls.joinCode })
      expect((await latecomer.post(`/api/labs/${p.labId}/cluster`)).status).toBe(404)
      expect((await latecomer.get('/api/labs')).body.labs.map((l: any) => l.id)).not.toContain(
        p.labId,
      )
      expect((await p.member.get('/api/labs')).body.labs.map((l: any) => l.id)).toContain(p.labId)
      expect(
        (await p.member.run(cluster, 'kubectl exec client -- curl -s web:8080')).body
          .newlyCompleted,
      ).toEqual(['curl-web'])
      expect((await p.author.call('DELETE', `/api/authored-labs/${p.labId}`)).status).toBe(409)
    })

    it("shows a learner's work in a lab of another class to that class's instructor only", async () => {
      const p = await cast(fetch)
      await publish(p)
      const other = (await p.otherInstructor.post('/api/classes', { name: 'Other class' })).body
        .class as { id: string; joinCode: string }
      await p.member.post('/api/classes/join', { joinCode: other.joinCode })
      const cluster = await p.member.openCluster(p.labId)
      await p.member.run(cluster, 'kubectl get endpoints web')
      await p.member.run(cluster, 'curl -s web:8080')
      const base = `/api/classes/${other.id}`
      const matrix = await p.otherInstructor.get(`${base}/progress`)
      const mia = matrix.body.learners.find((l: any) => l.id === p.memberId)
      expect(Object.keys(mia.labs)).not.toContain(p.labId)
      expect((await p.otherInstructor.get(`${base}/progress.csv`)).body).not.toContain(p.labId)
      const insights = await p.otherInstructor.get(`${base}/insights`)
      expect(JSON.stringify(insights.body)).not.toContain('web:8080')
      // the lab's own class still sees it all
      const own = await p.author.get(`/api/classes/${p.cls.id}/insights`)
      expect(JSON.stringify(own.body)).toContain('web:8080')
    })

    it('lets the author try the draft in a scratch cluster of their own', async () => {
      const p = await cast(fetch)
      const cluster = await p.author.openCluster(p.labId)
      expect(
        (await p.author.run(cluster, 'kubectl get endpoints web')).body.newlyCompleted,
      ).toEqual(['see-endpoints'])
      // the terminal's own line (with a session) grades the authored lab the same way
      const line = await p.author.post(`/api/clusters/${cluster}/run`, {
        command: 'kubectl exec client -- curl -s web:8080',
        terminal: 't1',
      })
      expect(line.body.newlyCompleted).toEqual(['curl-web'])
      expect((await p.author.call('DELETE', `/api/authored-labs/${p.labId}`)).status).toBe(204)
      expect((await p.author.get(`/api/authored-labs/${p.labId}`)).status).toBe(404)
    })
  })

  describe('the Kubernetes API door', { timeout: 30_000 }, () => {
    it('grades an authored lab on writes through the Kubernetes API', async () => {
      const p = await cast(fetch)
      const lab = webLab()
      lab.tasks.push({
        id: 'make-api',
        title: 'Create Service api',
        hints: ['kubectl create service clusterip api --tcp=80'],
        check: { exists: { kind: 'Service', name: 'api' } } as any,
      })
      expect((await p.author.call('PUT', `/api/authored-labs/${p.labId}`, lab)).status).toBe(200)
      const cluster = await p.author.openCluster(p.labId)
      const kc = await kubeconfigOf(p.author, cluster)
      const kube = kubeFor(fetch, kc.doc.clusters[0].cluster.server, kc.doc.users[0].user.token)
      const svc = {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'api' },
        spec: { ports: [{ port: 80 }], selector: { app: 'web' } },
      }
      const r = await kube.call('POST', '/api/v1/namespaces/default/services', {
        body: JSON.stringify(svc),
        type: 'application/json',
      })
      expect(r.status).toBe(201)
      const page = await p.author.get(`/api/labs/${p.labId}`)
      expect(page.body.lab.tasks.find((t: any) => t.id === 'make-api').done).toBe(true)
    })
  })

  describe('export and import', { timeout: 30_000 }, () => {
    it('exports one YAML file that imports as a new lab', async () => {
      const p = await cast(fetch)
      const file = await p.author.get(`/api/authored-labs/${p.labId}/export`)
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toMatch(/^application\/yaml/)
      expect(file.headers.get('content-disposition')).toBe(
        'attachment; filename="Web-behind-a-Service.yaml"',
      )
      expect(file.body).toMatch(/^# Service Lab lab file \(format 1\)/)
      const copy = await p.otherInstructor.post('/api/authored-labs/import', { yaml: file.body })
      expect(copy.status, JSON.stringify(copy.body)).toBe(201)
      expect(copy.body.lab.id).not.toBe(p.labId)
      expect(copy.body.lab.source).toEqual(
        (await p.author.get(`/api/authored-labs/${p.labId}`)).body.lab.source,
      )
      expect(copy.body.lab.published).toBe(false)
    })
  })
}
