/* global localStorage, window */
// A graded lab: follow its instructions until the first task turns green; reload and find it kept.

import { doFirstTask } from './cluster-helpers.mjs'
import {
  assert,
  checkAxe,
  cursorLine,
  eventually,
  focusTerminal,
  recallWithUp,
  runInTerminal,
} from './harness.mjs'

/** On a narrow screen the editor is far below: Copy to editor must bring it up and say what next. */
async function copyOnNarrowScreen(page) {
  const region = page.getByRole('region', { name: 'Instructions' })
  const copy = region.getByRole('button', { name: 'Copy to editor' })
  assert(await copy.count(), 'the graded lab has no YAML to copy')
  await page.setViewportSize({ width: 390, height: 844 })
  try {
    await copy.first().scrollIntoViewIfNeeded()
    await copy.first().click()
    const notice = page.locator('.editor-notice')
    await notice.getByText('Press Apply').waitFor()
    await eventually(
      () =>
        notice.evaluate((el) => {
          const r = el.getBoundingClientRect()
          return r.top >= 0 && r.bottom <= window.innerHeight
        }),
      'the editor and its notice on screen after Copy to editor',
      3_000,
      100,
    )
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 })
  }
}

export function gradedSteps(page, base, state) {
  const tasks = () => page.getByRole('list', { name: 'Tasks' })
  return [
    [
      'a graded lab: its first task turns green',
      async () => {
        // run alone (E2E_ONLY) this step starts on the labs page, not on a lab
        if (page.url().startsWith(base + '/labs/'))
          await page.getByRole('link', { name: 'Back to labs' }).click()
        else await page.goto(base + '/labs')
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
        await copyOnNarrowScreen(page)
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
        await focusTerminal(page)
        // the history arrives with the page's first reads; a loaded machine has been seen to take
        // ~6 s to answer them
        await recallWithUp(
          page,
          '$ kubectl get pods -o wide',
          'Up to recall the last command from the server history',
        )
        await page.goto(base + '/labs')
        const card = page
          .locator('.lab-card')
          .filter({ has: page.locator(`a[href="${state.gradedHref}"]`) })
        assert(!/\b0 of \d+ tasks/.test(await card.innerText()), 'the labs page lost the progress')
      },
    ],
    [
      'reload: a line typed before the history arrived is still recalled by Up',
      async () => {
        // the page's read of the history is answered as the server answered it, but only once a
        // line typed meanwhile has run: the answer does not have that line
        let release
        const held = new Promise((resolve) => (release = resolve))
        const hold = async (route) => {
          const response = await route.fetch()
          await held
          await route.fulfill({ response }).catch(() => undefined)
        }
        const answered = page.waitForResponse((r) => r.url().endsWith('/history'))
        await page.route('**/api/clusters/*/history', hold)
        try {
          await page.goto(base + state.gradedHref)
          await eventually(async () => (await cursorLine(page)) === '$', 'the prompt', 15_000)
          await runInTerminal(page, 'kubectl get endpoints')
        } finally {
          release()
          await page.unroute('**/api/clusters/*/history', hold)
        }
        await answered
        await focusTerminal(page)
        await recallWithUp(page, '$ kubectl get endpoints', 'Up to recall the line typed')
      },
    ],
  ]
}
