/* global localStorage */
// A graded lab: follow its instructions until the first task turns green; reload and find it kept.

import { doFirstTask } from './cluster-helpers.mjs'
import { assert, checkAxe, eventually, runInTerminal } from './harness.mjs'

export function gradedSteps(page, base, state) {
  const tasks = () => page.getByRole('list', { name: 'Tasks' })
  return [
    [
      'a graded lab: its first task turns green',
      async () => {
        await page.getByRole('link', { name: 'Back to labs' }).click()
        await page.waitForURL(base + '/labs')
        const cards = page.locator('.lab-card').filter({ hasText: / of [1-9]\d* tasks/ })
        await cards.first().waitFor()
        const preferred = cards.filter({ has: page.locator('a[href="/labs/pod-ips"]') })
        const card = (await preferred.count()) ? preferred : cards.first()
        const link = card.getByRole('link')
        state.gradedHref = await link.getAttribute('href')
        await link.click()
        await tasks().waitFor()
        await doFirstTask(page, state.gradedHref.split('/').pop())
        const first = tasks().getByRole('checkbox').first()
        assert((await first.getAttribute('aria-checked')) === 'true', 'the first task is not done')
        const item = tasks().getByRole('listitem').first()
        assert(
          await item.getByText('done', { exact: true }).isVisible(),
          'no "done" text on the task',
        )
        await checkAxe(page, 'lab (graded)')
      },
    ],
    [
      'reload: history and progress are kept',
      async () => {
        await runInTerminal(page, 'kubectl get pods -o wide')
        await page.evaluate(() => localStorage.clear())
        await page.reload()
        const first = tasks().getByRole('checkbox').first()
        await first.waitFor()
        assert((await first.getAttribute('aria-checked')) === 'true', 'progress lost after reload')
        const input = page.getByLabel('Terminal', { exact: true })
        await input.focus()
        await eventually(
          async () => {
            await input.press('ArrowUp')
            return (await input.inputValue()) === 'kubectl get pods -o wide'
          },
          'Up to recall the last command from the server history',
          5_000,
          300,
        )
        await page.goto(base + '/labs')
        const card = page
          .locator('.lab-card')
          .filter({ has: page.locator(`a[href="${state.gradedHref}"]`) })
        assert(!/\b0 of \d+ tasks/.test(await card.innerText()), 'the labs page lost the progress')
      },
    ],
  ]
}
