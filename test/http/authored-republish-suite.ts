// An authored lab over its life: published to one class, then to others; a draft deleted.
import { describe, expect, it } from 'vitest'
import { Client, type Fetch } from './client'
import { cast, publish } from './authored-fixture'
import { kubeconfigOf, kubeFor } from './kube-api-helpers'

/** Rows the database still holds of a cluster: its own, its history's and its kubeconfig tokens'. */
export type RowsOfCluster = (clusterId: string) => Promise<number>

export function authoredRepublishSuite(fetch: Fetch, rowsOfCluster: RowsOfCluster) {
  describe('publishing again to other classes', { timeout: 30_000 }, () => {
    it("a class once given the lab keeps its learners' progress in it; its newcomers cannot open it", async () => {
      const p = await cast(fetch)
      await publish(p)
      const cluster = await p.member.openCluster(p.labId)
      await p.member.run(cluster, 'kubectl get endpoints web')
      const second = (await p.author.post('/api/classes', { name: 'Services 102' })).body.class as {
        id: string
      }
      const moved = await p.author.post(`/api/authored-labs/${p.labId}/publish`, {
        classIds: [second.id],
      })
      expect(moved.status).toBe(200)
      // the lab is now given to the second class only
      expect(moved.body.lab.classIds).toEqual([second.id])

      // the first class's instructor still sees what Mia did in it
      const base = `/api/classes/${p.cls.id}`
      const matrix = (await p.author.get(`${base}/progress`)).body
      expect(matrix.labs.map((l: any) => l.id)).toContain(p.labId)
      const mia = matrix.learners.find((l: any) => l.id === p.memberId)
      expect(mia.labs[p.labId].tasksDone).toEqual(['see-endpoints'])
      expect((await p.author.get(`${base}/progress.csv`)).body).toContain(`${p.labId},1,2,`)
      const timeline = await p.author.get(`${base}/learners/${p.memberId}/labs/${p.labId}/history`)
      expect(timeline.status).toBe(200)
      expect(timeline.body.history.map((h: any) => h.command)).toEqual([
        'kubectl get endpoints web',
      ])

      // Mia goes on in her cluster; a newcomer to the first class is not given the lab
      expect((await p.member.get('/api/labs')).body.labs.map((l: any) => l.id)).toContain(p.labId)
      expect(
        (await p.member.run(cluster, 'kubectl exec client -- curl -s web:8080')).body
          .newlyCompleted,
      ).toEqual(['curl-web'])
      const latecomer = new Client(fetch)
      await latecomer.signup('Lou Late')
      await latecomer.post('/api/classes/join', { joinCode: p.cls.joinCode })
      expect((await latecomer.post(`/api/labs/${p.labId}/cluster`)).status).toBe(404)
      expect((await latecomer.get('/api/labs')).body.labs.map((l: any) => l.id)).not.toContain(
        p.labId,
      )

      // given to both again: the newcomer may open it
      const both = await p.author.post(`/api/authored-labs/${p.labId}/publish`, {
        classIds: [p.cls.id, second.id],
      })
      expect([...both.body.lab.classIds].sort()).toEqual([p.cls.id, second.id].sort())
      expect((await latecomer.post(`/api/labs/${p.labId}/cluster`)).status).toBe(200)
    })
  })

  describe('deleting a draft', { timeout: 30_000 }, () => {
    it("takes the author's Try-it cluster with it: its history and kubeconfig go too", async () => {
      const p = await cast(fetch)
      const cluster = await p.author.openCluster(p.labId)
      await p.author.run(cluster, 'kubectl get endpoints web')
      const kc = await kubeconfigOf(p.author, cluster)
      const kube = kubeFor(fetch, kc.doc.clusters[0].cluster.server, kc.doc.users[0].user.token)
      expect((await kube.call('GET', '/api/v1/namespaces/default/pods')).status).toBe(200)
      // a playground cluster of the author's is not the draft's
      const playground = await p.author.openCluster('playground')
      await p.author.run(playground, 'kubectl get pods')
      const playgroundRows = await rowsOfCluster(playground)

      expect((await p.author.call('DELETE', `/api/authored-labs/${p.labId}`)).status).toBe(204)
      expect((await p.author.get(`/api/clusters/${cluster}`)).status).toBe(404)
      expect((await p.author.get(`/api/clusters/${cluster}/history`)).status).toBe(404)
      expect((await kube.call('GET', '/api/v1/namespaces/default/pods')).status).toBe(401)
      expect(await rowsOfCluster(cluster)).toBe(0)
      expect(await rowsOfCluster(playground)).toBe(playgroundRows)
    })
  })
}
