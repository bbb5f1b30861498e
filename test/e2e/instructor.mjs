/* global process, console */
// End-to-end test of the instructor pages (issue 7): `node test/e2e/instructor.mjs`.
// Starts its own server (or uses E2E_BASE_URL) and two browser contexts: instructor and learner.

import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { chooseChromium } from './browser.mjs'
import { recordRuns, Suite } from './harness.mjs'
import { PageActivity } from './page-activity.mjs'
import { instructorScenarios } from './instructor-scenarios.mjs'
import { killGroup, nudgeDevProxy, startServer } from './server.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const OUT = join(ROOT, 'test-results')

let chosen
try {
  chosen = await chooseChromium()
} catch (err) {
  console.error(`e2e: ${err?.message ?? err}`)
  console.log('0 passed, 1 failed')
  process.exit(1)
}
if (!existsSync(join(ROOT, 'web/dist/index.html'))) {
  console.error('e2e: web/dist is missing; run npm run build:web first')
  console.log('0 passed, 1 failed')
  process.exit(1)
}
mkdirSync(OUT, { recursive: true })

/** A page that records script errors and CSP violations into `problems`. */
async function watchedPage(browser, problems, who) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  activity.watch(page, who)
  await recordRuns(page)
  page.setDefaultTimeout(15_000)
  page.on('pageerror', (e) => problems.push(`${who}: page error: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text()))
      problems.push(`${who}: console: ${m.text()}`)
  })
  return page
}

let server
let browser
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (server?.pid) killGroup(server.pid)
    process.exit(130)
  })
}
// a crash (or a closed stdout pipe) must not leave wrangler running
process.on('exit', () => {
  if (server?.pid) killGroup(server.pid)
})
const activity = new PageActivity()
const suite = new Suite({ activity })
const started = Date.now()
try {
  server = process.env.E2E_BASE_URL
    ? { base: process.env.E2E_BASE_URL, stop() {}, pid: 0 }
    : await startServer(ROOT, 8795)
  console.log(`e2e: server at ${server.base} (${Date.now() - started} ms)`)
  nudgeDevProxy(server.base)
  browser = await chromium.launch({
    executablePath: chosen.executablePath,
    headless: true,
    args: chosen.args,
    env: chosen.env,
  })
  const problems = []
  const teacher = await watchedPage(browser, problems, 'instructor')
  const learner = await watchedPage(browser, problems, 'learner')
  const state = { out: OUT }
  for (const [name, fn] of instructorScenarios(teacher, learner, server.base, state))
    await suite.step(name, fn)
  await suite.step('no script errors or Content-Security-Policy violations', async () => {
    if (problems.length) throw new Error(problems.slice(0, 5).join('\n'))
  })
} catch (err) {
  suite.results.push({ name: 'setup', ok: false, err })
  console.log(`✗ setup: ${err?.message ?? err}`)
} finally {
  await browser?.close().catch(() => undefined)
  server?.stop()
}
const { passed, failed } = suite.summary()
console.log(`e2e (instructor): ${((Date.now() - started) / 1000).toFixed(1)} s`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
