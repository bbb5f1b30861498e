// What instructors run into while writing a lab: two tabs saving the same lab, and the messages
// for the mistakes they make most.
import { describe, expect, it } from 'vitest'
import { cast, webLab } from './authored-fixture'
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
  })
}
