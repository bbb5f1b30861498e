/* global document, fetch */
// Helpers that touch the lab page's cluster: readiness of pods, the editor, the first task.

import { afterRun, eventually } from './harness.mjs'

/** Waits until every pod of the lab's cluster is Ready (or finished), asking the API like the page does. */
export async function podsSettled(page, labId, timeoutMs = 25_000) {
  return eventually(
    () =>
      page.evaluate(async (id) => {
        const h = { 'Content-Type': 'application/json' }
        const c = await (
          await fetch(`/api/labs/${id}/cluster`, { method: 'POST', headers: h, body: '{}' })
        ).json()
        const r = await (await fetch(`/api/clusters/${c.cluster.id}`)).json()
        const system = ['kube-system', 'local-path-storage']
        const pods = r.cluster.objects.filter(
          (o) => o.kind === 'Pod' && !system.includes(o.metadata.namespace),
        )
        const ready = (p) =>
          (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
        return pods.every((p) => p.status?.phase === 'Succeeded' || ready(p))
      }, labId),
    `the pods of ${labId} to be ready`,
    timeoutMs,
    700,
  )
}

/** Replaces the editor's text the way a paste does. */
export async function setEditorText(page, text) {
  await page.getByRole('tab', { name: 'Editor' }).click()
  const editor = page.getByRole('textbox', { name: 'Manifest editor' })
  await editor.click()
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(text)
}

/**
 * Follows the lab's own instructions, as a newcomer would: each `Copy to editor` then `Apply`, and
 * each `Run`, in page order, until the first task is done.
 */
export async function doFirstTask(page, labId) {
  const region = page.getByRole('region', { name: 'Instructions' })
  const first = page.getByRole('list', { name: 'Tasks' }).getByRole('checkbox').first()
  const actions = region.getByRole('button', { name: /^(Copy to editor|Run)$/ })
  const count = await actions.count()
  const tried = []
  for (let i = 0; i < count && i < 15; i++) {
    if ((await first.getAttribute('aria-checked')) === 'true') return
    const button = actions.nth(i)
    const name = (await button.innerText()).trim()
    const what = await button.evaluate(
      (b) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
    )
    tried.push(`${name}: ${what.trim().split('\n')[0]}`)
    if (/\b(exec|curl|logs|endpoints)\b/.test(what)) await podsSettled(page, labId)
    if (name === 'Run') await afterRun(page, () => button.click())
    else {
      await button.click()
      await afterRun(page, () => page.getByRole('button', { name: 'Apply' }).click())
    }
  }
  await eventually(
    async () => (await first.getAttribute('aria-checked')) === 'true',
    `the first task done after: ${tried.join(' | ')}`,
    5_000,
  )
}
