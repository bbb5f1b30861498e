/* global process, console */
// End-to-end tests: the real server (wrangler dev, fresh local D1) driven in Chromium (browser.mjs
// says which one).
// Prints `N passed, N failed` last and exits non-zero on any failure.

import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { chooseChromium } from './browser.mjs'
import { recordRuns, Suite } from './harness.mjs'
import { PageActivity } from './page-activity.mjs'
import { scenarios } from './scenarios.mjs'
import { killGroup, nudgeDevProxy, startServer } from './server.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = resolve(HERE, '../..')
const OUT = join(ROOT, 'test-results')
/** Other suites in this folder that run against the same server (each prints `N passed, N failed`). */
const OTHER_SUITES = ['instructor.mjs', 'authoring.mjs']
/**
 * `node test/e2e/run.mjs [main] [instructor] [authoring]` runs only the suites named (all by
 * default): a quicker loop when chasing one suite's failure.
 */
const chosen = process.argv.slice(2)
const wanted = (name) => !chosen.length || chosen.includes(name.replace(/\.mjs$/, ''))
/**
 * `E2E_ONLY=substring[,substring...]` runs only the main suite's steps whose names contain one of
 * them (plus the sign-up every step needs): a quick loop when chasing one step's flake, e.g.
 * `E2E_ONLY='a graded lab,history and progress' node test/e2e/run.mjs main`.
 */
const only = (process.env.E2E_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
const unknown = chosen.filter(
  (n) => !['main', ...OTHER_SUITES].some((s) => s === `${n}.mjs` || s === n),
)

function fail(message) {
  console.log(message)
  console.log('0 passed, 1 failed')
  process.exit(1)
}

if (unknown.length) fail(`e2e: unknown suite ${unknown.join(', ')} (main, instructor, authoring)`)
let browser
try {
  browser = await chooseChromium()
} catch (err) {
  fail(`e2e: ${err?.message ?? err}`)
}
if (!existsSync(join(ROOT, 'web/dist/index.html'))) {
  console.log('e2e: web/dist is missing, running npm run build:web')
  const b = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' })
  if (b.status !== 0) fail('e2e: building the web front end failed.')
}
mkdirSync(OUT, { recursive: true })

/** Runs another suite file against our server; its last line gives its counts. */
function runSuiteFile(file, base) {
  if (!existsSync(join(HERE, file))) return { passed: 0, failed: 0 }
  console.log(`e2e: ${file}`)
  const env = { ...process.env, E2E_BASE_URL: base }
  const r = spawnSync(process.execPath, [join(HERE, file)], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 180_000,
  })
  const lines = `${r.stdout ?? ''}`.trimEnd().split('\n')
  for (const line of lines.slice(0, -1)) console.log(`  ${line}`)
  if (r.stderr?.trim()) console.log(r.stderr.trimEnd().replace(/^/gm, '  '))
  const m = /^(\d+) passed, (\d+) failed$/.exec(lines.at(-1) ?? '')
  if (!m) {
    console.log(`✗ ${file} did not report its results (exit ${r.status ?? r.signal})`)
    return { passed: 0, failed: 1 }
  }
  console.log(`  ${file}: ${m[1]} passed, ${m[2]} failed`)
  return { passed: Number(m[1]), failed: Number(m[2]) || (r.status === 0 ? 0 : 1) }
}

let server
let context
const profile = mkdtempSync(join(tmpdir(), 'service-lab-e2e-profile-'))
const cleanup = () => {
  if (server) server.stop()
  rmSync(profile, { recursive: true, force: true })
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (server?.pid) killGroup(server.pid)
    cleanup()
    process.exit(130)
  })
}

const activity = new PageActivity()
const suite = new Suite({ activity })

/** The steps E2E_ONLY asks for; the first (sign-up) always runs, the others depend on it. */
function selected(steps) {
  if (!only.length) return steps
  const picked = steps.filter(([name], i) => i === 0 || only.some((o) => name.includes(o)))
  if (picked.length === 1) throw new Error(`no step of the main suite matches E2E_ONLY=${only}`)
  return picked
}

/** The learner's journey (scenarios.mjs) in one persistent browser profile. */
async function runMain(base) {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: browser.executablePath,
    headless: true,
    args: browser.args,
    env: browser.env,
    viewport: { width: 1280, height: 900 },
  })
  const page = context.pages()[0] ?? (await context.newPage())
  activity.watch(page)
  await recordRuns(page)
  page.setDefaultTimeout(15_000)
  const problems = []
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text()))
      problems.push(`console: ${m.text()}`)
  })
  const state = { out: OUT }
  for (const [name, fn, timeoutMs] of selected(scenarios(page, base, state))) {
    await suite.step(name, fn, timeoutMs)
    if (!suite.results.at(-1)?.ok) {
      const n = suite.results.length
      await page.screenshot({ path: join(OUT, `failed-step-${n}.png`) }).catch(() => undefined)
    }
  }
  await suite.step('no script errors or Content-Security-Policy violations', async () => {
    if (problems.length) throw new Error(problems.slice(0, 5).join('\n'))
  })
  await context.close().catch(() => undefined)
  context = undefined
}

const extra = { passed: 0, failed: 0 }
const started = Date.now()
try {
  server = process.env.E2E_BASE_URL
    ? { base: process.env.E2E_BASE_URL, stop() {}, pid: 0 }
    : await startServer(ROOT, Number(process.env.E2E_PORT) || undefined)
  console.log(`e2e: server at ${server.base} (${Date.now() - started} ms)`)
  nudgeDevProxy(server.base)
  if (wanted('main')) await runMain(server.base)
  for (const file of OTHER_SUITES.filter(wanted)) {
    const r = runSuiteFile(file, server.base)
    extra.passed += r.passed
    extra.failed += r.failed
  }
} catch (err) {
  suite.results.push({ name: 'setup', ok: false, err })
  console.log(`✗ setup: ${err?.message ?? err}`)
} finally {
  await context?.close().catch(() => undefined)
  cleanup()
}
const { passed, failed } = suite.summary()
console.log(`e2e: ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in test-results/`)
console.log(`${passed + extra.passed} passed, ${failed + extra.failed} failed`)
process.exit(failed + extra.failed ? 1 : 0)
