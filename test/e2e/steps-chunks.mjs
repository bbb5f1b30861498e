/* global document */
// The lab page's code is a chunk loaded on demand: a fetch of it that fails once is tried again
// and the lab still opens; one that keeps failing says so with a Reload button instead of
// "Loading the lab…" forever. page.route plays the network: each step opens a fresh document,
// since a document that has the chunk already would not fetch it again.

import { assert, checkAxe } from './harness.mjs'

// the chunk under its own name and under a retry's (`?retry=N`, web/src/lazy-import.ts)
const LAB_JS = /\/assets\/lab-page-[\w-]+\.js(\?retry=\d+)?$/
const LAB_CSS = /\/assets\/lab-page-[\w-]+\.css(\?.*)?$/

const FAILED_IMPORT = 'e2e: an import of a chunk failed'
const WATCHED = new WeakMap()

/**
 * Counts the page's failed imports: Vite's loader fires `vite:preloadError` on window for each one
 * (the chunk, or its stylesheet). Counting requests would not do: Chromium may fetch a chunk once
 * for its `modulepreload` link and once more for the import, or once for both.
 */
async function importFailures(page) {
  if (!WATCHED.has(page)) {
    const count = { failures: 0 }
    WATCHED.set(page, count)
    page.on('console', (m) => m.text() === FAILED_IMPORT && count.failures++)
    await page.addInitScript((text) => {
      globalThis.addEventListener('vite:preloadError', () => globalThis.console.info(text))
    }, FAILED_IMPORT)
  }
  const count = WATCHED.get(page)
  count.failures = 0
  return count
}

/**
 * Routes `pattern` so that its fetches fail, as a dropped connection would, until the page's
 * imports failed `attempts` times; `failures` says how many did: Vite's loader's (the first
 * import) and each retry's own request (`?retry=N`, made without Vite's loader).
 */
async function failImports(page, pattern, attempts) {
  const count = await importFailures(page)
  let retries = 0
  const failures = () => count.failures + retries
  const handler = (route) => {
    if (failures() >= attempts) return route.fallback()
    if (/[?&]retry=\d+$/.test(route.request().url())) retries++
    return route.abort('connectionreset')
  }
  await page.route(pattern, handler)
  return {
    failures,
    stop: () => page.unroute(pattern, handler),
  }
}

/** Whether the lab page's own stylesheet is applied (it arrived and has its rules). */
const labStyled = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('link[rel="stylesheet"]')].some(
      (l) => l.href.includes('/assets/lab-page-') && (l.sheet?.cssRules.length ?? 0) > 0,
    ),
  )

export function chunkSteps(page, base) {
  const terminal = () => page.getByRole('log', { name: 'Terminal output' })
  return [
    [
      'lab page: its code fails to arrive once, the import is tried again and the lab opens',
      async () => {
        const js = await failImports(page, LAB_JS, 1)
        try {
          await page.goto(base + '/labs/playground')
          await terminal().waitFor()
          assert(js.failures() === 1, `the import failed ${js.failures()} times, not once`)
        } finally {
          await js.stop()
        }
      },
    ],
    [
      'lab page: its stylesheet fails to arrive once, the lab opens styled',
      async () => {
        const css = await failImports(page, LAB_CSS, 1)
        try {
          await page.goto(base + '/labs/playground')
          await terminal().waitFor()
          assert(css.failures() === 1, `the import failed ${css.failures()} times, not once`)
          assert(await labStyled(page), "the lab page's stylesheet is not applied")
        } finally {
          await css.stop()
        }
      },
    ],
    [
      'lab page: its code never arrives, the page says so and Reload the page brings the lab',
      async () => {
        const js = await failImports(page, LAB_JS, Infinity)
        try {
          await page.goto(base + '/labs/playground')
          const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' })
          await alert.waitFor()
          const text = await alert.innerText()
          assert(/^The lab page could not be loaded: it failed 3 times/.test(text), text)
          assert(/reload the page/i.test(text), `the alert says nothing of a reload: ${text}`)
          assert(js.failures() === 3, `the import failed ${js.failures()} times, not 3`)
          await checkAxe(page, 'lab page that did not load')
        } finally {
          await js.stop()
        }
        await page.getByRole('button', { name: 'Reload the page' }).click()
        await terminal().waitFor()
        assert(await labStyled(page), "the lab page's stylesheet is not applied after a reload")
      },
    ],
  ]
}
